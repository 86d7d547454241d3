using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>One call denied for lack of permission, from outside AWS and outside the console.</summary>
public sealed class AccessDeniedRule() : QueryRule(
    id: "access-denied",
    title: "Call denied",
    severity: Severity.Info,
    attack: new AttackTechnique(AttackTactic.Discovery, "T1526", "Cloud Service Discovery"),
    filter: RuleQuery.AccessDenied + " and not " + RuleQuery.AwsSource + " and userAgent not like /(?i)^aws-internal/",
    fields: ["errorMessage", "userAgent"],
    explanation: "A call was refused for lack of permission. An attacker with a new key tries things to learn what it can do, and leaves a trail of denials; a single denial is context, a burst is a finding (see access-denied-burst). Calls made by AWS services and the console's own background calls are left out.",
    recommendedAction: "Read the denials of a key together: which services the caller tried tells what they were after.",
    falsePositives: "Misconfigured applications and users exploring the console.")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.FromHours(1);

    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"{ev.EventName} denied ({ev.ErrorCode})");
    }
}
