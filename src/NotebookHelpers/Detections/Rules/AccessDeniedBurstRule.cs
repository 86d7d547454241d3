using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Many denied calls by one key in a few minutes: someone testing what a key can do.</summary>
public sealed class AccessDeniedBurstRule() : StatefulRule(
    id: "access-denied-burst",
    title: "Burst of denied calls",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Discovery, "T1526", "Cloud Service Discovery"),
    insightsQuery: "fields @timestamp, eventName, errorCode\n| filter errorCode like /Unauthorized|Denied|Forbidden/ and sourceIPAddress not like /amazonaws\\.com|AWS Internal/\n| stats count(*) as denied, count_distinct(eventName) as calls by userIdentity.accessKeyId, sourceIPAddress, bin(10m)\n| filter denied >= 10",
    explanation: "Ten or more calls by one key refused within ten minutes. Someone holding a key they do not know the permissions of tries one service after another; legitimate software fails the same call repeatedly instead.",
    recommendedAction: "Look at which calls were tried and from where; contain the key if the caller is unknown.",
    falsePositives: "A misconfigured application retrying one denied call (the calls are then all the same).")
{
    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Evaluator(options);
    }

    private sealed class Evaluator(DetectionOptions options) : IRuleEvaluator
    {
        private readonly BurstTracker _tracker = new(options.AccessDeniedWindow, options.AccessDeniedBurstCalls);

        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            if (!CloudTrailFacts.IsAccessDenied(ev.ErrorCode) || CloudTrailFacts.IsAwsSource(ev.SourceIPAddress) ||
                ev.UserAgent?.StartsWith("aws-internal", StringComparison.OrdinalIgnoreCase) == true || BurstTracker.PrincipalKey(ev) is not { } key)
            {
                return;
            }

            if (_tracker.Add(key, ev, w => $"{w.Count} denied calls within {options.AccessDeniedWindow.TotalMinutes:0} min ({w.Select(e => e.EventName).Distinct(StringComparer.Ordinal).Count()} different)") is { } match)
            {
                report(match);
            }
        }

        public void Complete(Action<RuleMatch> report)
        {
        }
    }
}
