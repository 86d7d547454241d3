using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>RunInstances by one key in several regions within an hour: a crypto-mining rollout.</summary>
public sealed class MultiRegionLaunchRule() : StatefulRule(
    id: "ec2-multi-region-launch",
    title: "Instances launched across many regions",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.Impact, "T1496.001", "Resource Hijacking: Compute Hijacking"),
    insightsQuery: "fields @timestamp, awsRegion, requestParameters.instanceType, errorCode\n| filter eventSource = \"ec2.amazonaws.com\" and eventName = \"RunInstances\"\n| stats count_distinct(awsRegion) as regions, count(*) as launches by userIdentity.accessKeyId, bin(1h)\n| filter regions >= 3",
    explanation: "Crypto-miners launch (or try to launch) instances in as many regions as the key allows, often regions the account never uses, so that some survive the clean-up. RunInstances by one key in three or more regions within an hour is that rollout, whether the launches succeeded or were refused.",
    recommendedAction: "List instances in every region (not only the usual ones) and terminate the attacker's after saving evidence; contain the key; ask AWS support about the bill.",
    falsePositives: "Multi-region deployments by infrastructure-as-code.")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.FromHours(1);

    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Evaluator(options);
    }

    private sealed class Evaluator(DetectionOptions options) : IRuleEvaluator
    {
        private readonly BurstTracker _tracker = new(options.MultiRegionLaunchWindow, options.MultiRegionLaunchRegions, e => e.AwsRegion);

        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            if (ev.EventSource != "ec2.amazonaws.com" || ev.EventName != "RunInstances" || CloudTrailFacts.IsMadeByAws(ev) || BurstTracker.PrincipalKey(ev) is not { } key)
            {
                return;
            }

            if (_tracker.Add(key, ev, w => $"RunInstances in {w.Select(e => e.AwsRegion).Distinct(StringComparer.Ordinal).Count()} regions: {string.Join(", ", w.Select(e => e.AwsRegion).Distinct(StringComparer.Ordinal))}") is { } match)
            {
                report(match);
            }
        }

        public void Complete(Action<RuleMatch> report)
        {
        }
    }
}
