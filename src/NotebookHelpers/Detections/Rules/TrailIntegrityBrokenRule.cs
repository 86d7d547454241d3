using System.Globalization;
using NotebookHelpers.Events;
using NotebookHelpers.Integrity;

namespace NotebookHelpers.Detections.Rules;

/// <summary>
/// The trail's copy was changed after CloudTrail delivered it: digest validation (<see cref="DetectionOptions.TrailIntegrity"/>)
/// found a log file or digest missing, modified or badly signed, a log file no digest lists, or hours no digest covers.
/// One finding per account and region.
/// </summary>
public sealed class TrailIntegrityBrokenRule() : DetectionRule(
    id: "cloudtrail-log-integrity-broken",
    title: "Trail log files deleted, altered or added after delivery",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1070", "Indicator Removal"),
    insightsQuery: RuleQuery.Select(
        "eventSource = \"s3.amazonaws.com\" and eventName in " + RuleQuery.List("DeleteObject", "DeleteObjects", "PutObject", "CopyObject", "RestoreObject") +
        " and requestParameters.key like /AWSLogs\\// and userIdentity.invokedBy != \"cloudtrail.amazonaws.com\"",
        "requestParameters.bucketName", "requestParameters.key"),
    explanation: "Judged from the trail's digest files (log file validation), not from events: each hourly digest lists the SHA-256 of every log file CloudTrail delivered, chains to the previous digest and is signed with CloudTrail's key. A listed log file that is missing or changed, a missing, altered or unsigned digest, a log file no digest lists within the digested hours, or hours with no digest mean someone with write access to the bucket changed the trail after delivery; what was removed may be exactly what the attacker did. The query finds such writes on the live service only where S3 data events of the trail bucket are recorded.",
    recommendedAction: "Treat the trail copy as incomplete: recover what is missing from a copy the attacker could not reach (the trail's CloudWatch Logs group, Event History for management events, the other account's record of a cross-account call); find who can delete or write in the trail bucket and lock it (Object Lock, a separate log-archive account); keep the validation output with the evidence.",
    falsePositives: "A partial download (objects that failed to fetch show as missing), a lifecycle rule expiring old log files, public keys fetched for another time range (digests then fail to verify), or log files copied into the bucket by a legitimate tool."), IEvidenceRule
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.Zero;

    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options) => new NoEvents();

    /// <summary>One finding per account and region whose copy is not intact.</summary>
    public IReadOnlyList<Finding> Judge(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TrailIntegrity is not { } report)
        {
            return [];
        }

        var broken = report.Files.Where(f => f.Status is IntegrityStatus.Missing or IntegrityStatus.Modified or IntegrityStatus.InvalidSignature or IntegrityStatus.NotCovered)
            .Select(f => (f.AccountId, f.Region, f.Time, Text: Describe(f)))
            .Concat(report.Gaps.Select(g => (g.AccountId, g.Region, Time: g.From,
                Text: $"no digest covers {TrailIntegrityValidator.Iso(g.From)} to {TrailIntegrityValidator.Iso(g.To)} ({g.Reason})")))
            .GroupBy(p => (p.AccountId, p.Region))
            .OrderBy(g => g.Key.AccountId, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var group in broken)
        {
            var items = group.OrderBy(p => p.Time).ToList();
            var summary = items.Count == 1
                ? items[0].Text
                : string.Create(CultureInfo.InvariantCulture, $"{items.Count} integrity problems in {group.Key.AccountId}/{group.Key.Region}; first: {items[0].Text}");
            findings.Add(new Finding(this, Severity, null, null, group.Key.AccountId, null, items[0].Time, items[^1].Time, summary, 0, [], [], [group.Key.Region]));
        }

        return findings;
    }

    private static string Describe(IntegrityFileResult f) =>
        (f.Kind == IntegrityFileKind.Digest ? "digest " : "log file ") + f.Status.Name() + ": " + f.Path +
        (f.Digest is null ? "" : " (listed by digest " + f.Digest + ")");

    private sealed class NoEvents : IRuleEvaluator
    {
        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
        }

        public void Complete(Action<RuleMatch> report)
        {
        }
    }
}
