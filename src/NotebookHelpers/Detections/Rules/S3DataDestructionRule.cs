using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>
/// Calls that destroy S3 data or its way back: lifecycle rules that expire objects, versioning suspended, buckets
/// and batches of objects deleted, a burst of single object deletions, a ransom note written, a bucket policy that
/// denies everyone. Stateful only for the burst: every other call is judged alone (<see cref="Match"/>).
/// </summary>
public sealed class S3DataDestructionRule() : StatefulRule(
    id: "s3-data-destruction",
    title: "S3 data deleted, expired or locked away",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.Impact, "T1485", "Data Destruction"),
    insightsQuery: RuleQuery.Select(
        "eventSource = \"s3.amazonaws.com\" and (eventName in [\"PutBucketLifecycle\", \"PutBucketLifecycleConfiguration\", \"PutBucketVersioning\", \"DeleteBucket\", \"DeleteObjects\", \"DeleteObject\", \"PutBucketPolicy\"] or (eventName = \"PutObject\" and requestParameters.key like /(?i)(ransom|decrypt|recover|restore|readme|how.to|your.files|warning)/))",
        "requestParameters.bucketName", "requestParameters.key"),
    explanation: "S3 ransomware and sabotage without encryption: a lifecycle rule that expires objects after a day deletes everything at AWS's pace (no DeleteObject calls to see); suspending versioning removes the copies a restore would use; DeleteObjects removes up to 1,000 objects a call; DeleteBucket removes the bucket; a text object named like a ransom note (README, how to recover, decrypt…) tells the owner how to pay; a bucket policy that denies everyone (principal \"*\", all actions) locks even the owner's administrators out. Single DeleteObject calls are Low (routine), but fifty or more by one key within ten minutes (a script deleting a bucket's objects one by one) are a high finding of their own; the rest are high, except lifecycle, versioning and deletions by an infrastructure-as-code tool (its user agent: Terraform tearing down what it built), which are Info.",
    recommendedAction: "Stop the key; remove the attacker's lifecycle rule and bucket policy (root can always delete a bucket policy), re-enable versioning, restore from versions, replication or backups, and keep the ransom note as evidence without paying.",
    falsePositives: "Retention rules that expire temporary data (their prefix is narrow and their expiry long), clean-up of test buckets by their owner, and deployment tools removing buckets they created.")
{
    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Evaluator(this, new BurstTracker(options.S3BurstWindow, options.S3BurstObjects));
    }

    /// <summary>The match for one call judged alone (a single DeleteObject is Low), or null when the call destroys nothing.</summary>
    public RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "s3.amazonaws.com" || !CloudTrailFacts.Succeeded(ev) || CloudTrailFacts.IsMadeByAws(ev))
        {
            return null;
        }

        var match = Destruction(ev);
        // Infrastructure-as-code tearing down what it built (terraform destroy) is routine; a ransom note or a policy
        // that locks the owner out is not, whatever tool says it wrote it.
        return match is { Severity: null } && CloudTrailFacts.InfrastructureAsCodeTool(ev.UserAgent) is { } tool && ev.EventName is not ("PutObject" or "PutBucketPolicy")
            ? match with { Summary = $"{match.Summary}, by {tool} (infrastructure-as-code)", Severity = Severity.Info }
            : match;
    }

    private static RuleMatch? Destruction(CloudTrailEvent ev)
    {
        var bucket = CloudTrailFacts.Request(ev, "bucketName") ?? "(unknown bucket)";
        var request = ev.GetString("requestParameters") ?? "";
        switch (ev.EventName)
        {
            case "PutBucketLifecycle":
            case "PutBucketLifecycleConfiguration":
                return request.Contains("Expiration", StringComparison.Ordinal) || request.Contains("NoncurrentVersionExpiration", StringComparison.Ordinal)
                    ? new RuleMatch(ev, $"lifecycle rule on '{bucket}' expires objects")
                    : null;
            case "PutBucketVersioning":
                return request.Contains("Suspended", StringComparison.Ordinal)
                    ? new RuleMatch(ev, $"versioning of '{bucket}' suspended")
                    : null;
            case "DeleteBucket":
                return new RuleMatch(ev, $"bucket '{bucket}' deleted");
            case "DeleteObjects":
                return new RuleMatch(ev, $"batch of objects deleted from '{bucket}'");
            case "DeleteObject":
                return new RuleMatch(ev, $"object deleted from '{bucket}'", Severity.Low);
            case "PutObject" when CloudTrailFacts.Request(ev, "key") is { } key && LooksLikeRansomNote(key):
                return new RuleMatch(ev, $"object '{key}' written to '{bucket}': named like a ransom note");
            case "PutBucketPolicy" when IamPolicyDocument.TryParse(ev.GetString("requestParameters.bucketPolicy")) is { } policy && policy.Statements.Any(s => !s.Allows && s.Principals.Contains("*") && s.Actions.Any(a => a is "*" or "s3:*")):
                return new RuleMatch(ev, $"bucket policy of '{bucket}' denies every action to everyone (the owner included)");
            default:
                return null;
        }
    }

    /// <summary>True for an object key that reads like a ransom note (a short text file telling the owner what to do).</summary>
    public static bool LooksLikeRansomNote(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = CloudTrailFacts.LastSegment(key)!.ToLowerInvariant();
        string[] words = ["ransom", "decrypt", "recover", "restore", "readme", "read_me", "read-me", "how_to", "how-to", "your_files", "your-files", "warning"];
        return words.Any(w => name.Contains(w, StringComparison.Ordinal)) && (name.EndsWith(".txt", StringComparison.Ordinal) || name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".md", StringComparison.Ordinal) || !name.Contains('.', StringComparison.Ordinal));
    }

    private sealed class Evaluator(S3DataDestructionRule rule, BurstTracker deletions) : IRuleEvaluator
    {
        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            if (rule.Match(ev) is not { } match)
            {
                return;
            }

            report(match);
            // Only routine-looking single deletions (Low) can add up to a burst; Info (infrastructure-as-code) stays Info.
            if (ev.EventName == "DeleteObject" && match.Severity == Severity.Low && BurstTracker.PrincipalKey(ev) is { } key &&
                deletions.Add(key, ev, Summarise) is { } burst)
            {
                report(burst);
            }
        }

        public void Complete(Action<RuleMatch> report)
        {
        }

        private static string Summarise(IReadOnlyCollection<CloudTrailEvent> window)
        {
            var buckets = window.Select(e => CloudTrailFacts.Request(e, "bucketName")).Where(b => b is not null).Distinct(StringComparer.Ordinal).ToList();
            var minutes = Math.Max(1, (int)Math.Ceiling((window.Max(e => e.EventTime) - window.Min(e => e.EventTime)).TotalMinutes));
            return $"burst of single DeleteObject calls on {string.Join(", ", buckets.Take(5).Select(b => "'" + b + "'"))}: {window.Count} within {minutes} min";
        }
    }
}
