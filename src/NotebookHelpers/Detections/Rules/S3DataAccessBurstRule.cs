using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Many S3 object reads by one key in a few minutes: data being copied out.</summary>
public sealed class S3DataAccessBurstRule() : StatefulRule(
    id: "s3-data-access-burst",
    title: "S3 data access burst",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.Collection, "T1530", "Data from Cloud Storage"),
    insightsQuery: "fields @timestamp, requestParameters.bucketName, requestParameters.key\n| filter eventSource = \"s3.amazonaws.com\" and eventName in [\"GetObject\", \"CopyObject\", \"SelectObjectContent\"]\n| stats count(*) as objects, count_distinct(requestParameters.bucketName) as buckets by userIdentity.accessKeyId, bin(10m)\n| filter objects >= 50",
    explanation: "Fifty or more S3 objects read (GetObject, CopyObject) by one key within ten minutes. This is what copying a bucket looks like. Object reads are S3 data events: they are only in the evidence when the trail records data events.",
    recommendedAction: "List the buckets and keys read (the evidence events hold them), decide whether the data is sensitive and must be reported as exposed, and contain the key.",
    falsePositives: "Backups, analytics jobs and data pipelines that read many objects (check the principal and user agent).")
{
    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Evaluator(options);
    }

    private sealed class Evaluator(DetectionOptions options) : IRuleEvaluator
    {
        private readonly BurstTracker _tracker = new(options.S3BurstWindow, options.S3BurstObjects);

        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            if (ev.EventSource != "s3.amazonaws.com" || ev.EventName is not ("GetObject" or "CopyObject" or "SelectObjectContent") ||
                CloudTrailFacts.IsMadeByAws(ev) || BurstTracker.PrincipalKey(ev) is not { } key)
            {
                return;
            }

            if (_tracker.Add(key, ev, Summarise) is { } match)
            {
                report(match);
            }
        }

        public void Complete(Action<RuleMatch> report)
        {
        }

        private static string Summarise(IReadOnlyCollection<CloudTrailEvent> window)
        {
            var buckets = window.Select(e => CloudTrailFacts.Request(e, "bucketName")).Where(b => b is not null).Distinct(StringComparer.Ordinal).ToList();
            return $"burst of S3 object reads from bucket(s) {string.Join(", ", buckets.Take(5).Select(b => "'" + b + "'"))}";
        }
    }
}
