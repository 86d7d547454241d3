using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>
/// A long-term key whose first call from a new source address is GetCallerIdentity: someone checking a key they
/// found. Within the baseline period (the start of the evidence, when every address is new) the finding is Info.
/// </summary>
public sealed class CallerIdentityFirstCallRule() : StatefulRule(
    id: "recon-caller-identity-first-call",
    title: "GetCallerIdentity as a key's first call from a new address",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Discovery, "T1087.004", "Account Discovery: Cloud Account"),
    insightsQuery: "fields @timestamp, eventName, userAgent\n| filter userIdentity.accessKeyId like /^AKIA/\n| stats earliest(eventName) as firstCall, min(@timestamp) as firstSeen by userIdentity.accessKeyId, sourceIPAddress\n| filter firstCall = \"GetCallerIdentity\"\n| sort firstSeen asc",
    explanation: "GetCallerIdentity answers \"whose key is this?\" and works even when the key has no permissions, so it is the first thing scanners and attackers run on a key they found. A long-term (AKIA) key whose first call from an address it never used before is GetCallerIdentity is a typical sign that someone new picked the key up. During the first days of the evidence (the baseline) every address is new, and an address in a network the key already used (same /24 or /48) is a neighbour rather than a stranger, so both are only Info.",
    recommendedAction: "Look at the source IP and user agent of that call and of the calls that follow; if they are unknown, treat the key as exposed.",
    falsePositives: "Tools that verify their credentials at start-up (CI jobs, Terraform) running from a new address, e.g. a new build agent.")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.Zero;

    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Evaluator(options);
    }

    private sealed class Evaluator : IRuleEvaluator
    {
        private readonly HashSet<(string Key, string Source)> _seen = [];
        private readonly HashSet<(string Key, string Network)> _networks = [];
        private readonly BaselineWindow _baseline;

        public Evaluator(DetectionOptions options)
        {
            // What a lone early event taught (its source, its network) is no baseline: the period that follows is.
            _baseline = new BaselineWindow(options.BaselinePeriod, () =>
            {
                _seen.Clear();
                _networks.Clear();
            });
        }

        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            var inBaseline = _baseline.Observe(ev.EventTime);
            var key = ev.UserIdentity?.AccessKeyId;
            if (key is null || CloudTrailFacts.KeyKind(key) != AccessKeyKind.LongTerm || !_seen.Add((key, ev.SourceIPAddress ?? "")))
            {
                return;
            }

            // A new address in a network the key already used (a new CI runner behind the same egress range) is not a
            // new party; an address in a new network is.
            var network = CloudTrailFacts.NetworkOf(ev.SourceIPAddress);
            var nearby = network is not null && !_networks.Add((key, network));
            if (ev.EventName == "GetCallerIdentity")
            {
                var note = inBaseline ? " during the baseline period" : nearby ? " (a network the key already used)" : "";
                report(new RuleMatch(ev, $"first call of key {key} from {ev.SourceIPAddress} was GetCallerIdentity ({ev.UserAgent}){note}",
                    inBaseline || nearby ? Severity.Info : null));
            }
        }

        public void Complete(Action<RuleMatch> report)
        {
        }
    }
}
