using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>EC2 calls made with DryRun: checking what the key may do without doing it.</summary>
public sealed class DryRunProbeRule() : QueryRule(
    id: "recon-dry-run-probe",
    title: "DryRun permission probe",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Discovery, "T1580", "Cloud Infrastructure Discovery"),
    filter: "errorCode = \"Client.DryRunOperation\"",
    fields: ["requestParameters.instanceType"],
    explanation: "EC2 accepts a DryRun flag that checks permissions and answers Client.DryRunOperation instead of acting. Crypto-mining crews run RunInstances with DryRun in many regions to learn whether the stolen key can launch instances before they launch anything.",
    recommendedAction: "Look for real RunInstances by the same key after the probes and in every region; contain the key.",
    falsePositives: "Infrastructure tools that validate plans with DryRun.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"{ev.EventName} dry run in {ev.AwsRegion}");
    }
}
