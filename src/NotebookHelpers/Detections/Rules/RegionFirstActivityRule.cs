using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Activity in a region the account did not use during the baseline.</summary>
public sealed class RegionFirstActivityRule() : StatefulRule(
    id: "region-first-activity",
    title: "Activity in a region the account never used",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1535", "Unused/Unsupported Cloud Regions"),
    insightsQuery: "fields @timestamp, awsRegion, eventName\n| filter sourceIPAddress not like /amazonaws\\.com|AWS Internal/\n| stats min(@timestamp) as firstSeen, count(*) as calls by recipientAccountId, awsRegion\n| sort firstSeen desc",
    explanation: "Attackers work in regions the owner never looks at (instances launched in ap-south-2 stay unnoticed for weeks). The rule learns the regions in use from the first days of the evidence (or takes a known list) and reports calls in any other region afterwards, saying which regions and which period the baseline held. Global services (IAM, STS global endpoint, Organizations…) that log to us-east-1 do not count, nor calls AWS makes itself. A region name that is not shaped like an AWS region (anonymised recordings replace regions with invented names such as us-north-2r) is Info: there is no real region to look at.",
    recommendedAction: "List resources in the new region (instances, functions, keys) and remove the attacker's; consider an SCP that denies unused regions.",
    falsePositives: "A team expanding to a new region, or the baseline being too short to include a rarely used region.")
{
    private static readonly HashSet<string> GlobalSources = new(StringComparer.Ordinal)
    {
        "iam.amazonaws.com", "organizations.amazonaws.com", "cloudfront.amazonaws.com", "route53.amazonaws.com",
        "signin.amazonaws.com", "support.amazonaws.com", "health.amazonaws.com", "account.amazonaws.com", "billingconsole.amazonaws.com",
        "ce.amazonaws.com", "globalaccelerator.amazonaws.com", "shield.amazonaws.com", "waf.amazonaws.com",
    };

    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.FromHours(6);

    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Evaluator(options);
    }

    private sealed class Evaluator : IRuleEvaluator
    {
        private readonly DetectionOptions _options;
        private readonly Dictionary<string, HashSet<string>> _known = new(StringComparer.Ordinal);
        private readonly BaselineWindow _baseline;

        public Evaluator(DetectionOptions options)
        {
            _options = options;

            // A lone early event's region is no baseline: the regions of the period that follows are.
            _baseline = new BaselineWindow(options.BaselinePeriod, _known.Clear);
        }

        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            if (ev.AwsRegion is not { Length: > 0 } region || CloudTrailFacts.IsMadeByAws(ev) ||
                (ev.EventSource is { } source && GlobalSources.Contains(source) && region == "us-east-1") ||
                (ev.EventSource == "sts.amazonaws.com" && region == "us-east-1"))
            {
                return;
            }

            // The baseline is observed first: setting a lone early event aside forgets the regions learned from it.
            var inBaseline = _options.KnownRegions is null && _baseline.Observe(ev.EventTime);
            var account = ev.RecipientAccountId ?? ev.UserIdentity?.AccountId ?? "";
            if (!_known.TryGetValue(account, out var known))
            {
                _known[account] = known = new HashSet<string>(_options.KnownRegions ?? new HashSet<string>(), StringComparer.Ordinal);
            }

            if (inBaseline)
            {
                known.Add(region);
                return;
            }

            // An account with no activity during the baseline has no history to compare with.
            if (known.Count > 0 && !known.Contains(region))
            {
                var regions = string.Join(", ", known.Order(StringComparer.Ordinal));
                var baseline = _options.KnownRegions is not null
                    ? $"baseline: the known regions {regions}"
                    : $"baseline: {regions}, used until {_baseline.End:yyyy-MM-ddTHH:mm:ssZ}";
                report(CloudTrailFacts.IsAwsRegionName(region)
                    ? new RuleMatch(ev, $"calls in region {region}, not used before ({baseline})")
                    : new RuleMatch(ev, $"calls in '{region}', which is not an AWS region name (anonymised evidence?); {baseline}", Severity.Info));
            }
        }

        public void Complete(Action<RuleMatch> report)
        {
        }
    }
}
