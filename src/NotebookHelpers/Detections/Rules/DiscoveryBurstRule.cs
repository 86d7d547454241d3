using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Many different List/Describe/Get calls by one key in a few minutes: an inventory of the account.</summary>
public sealed class DiscoveryBurstRule() : StatefulRule(
    id: "recon-discovery-burst",
    title: "Discovery burst",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Discovery, "T1580", "Cloud Infrastructure Discovery"),
    filter: Candidates,
    insightsQuery: "fields @timestamp, eventName\n| filter " + Candidates + "\n| stats count_distinct(eventName) as distinctCalls, count(*) as calls by userIdentity.accessKeyId, bin(10m)\n| filter distinctCalls >= 8",
    explanation: "Right after getting a key, attackers enumerate what it can reach: users, roles, buckets, instances, secrets, functions, in quick succession and across services. Eight or more different discovery calls by one key within ten minutes (outside the console, which makes such calls itself) is that pattern.",
    recommendedAction: "Read the list of calls (it tells what the attacker learnt) and follow the key's next actions.",
    falsePositives: "Inventory and security tools (Prowler, ScoutSuite, CSPM scanners), and infrastructure-as-code refreshing state (Terraform plan).")
{
    private static readonly string[] DataReadNames =
    [
        "GetObject", "GetSecretValue", "BatchGetSecretValue", "GetParameter", "GetParameters", "GetParametersByPath",
        "GetPasswordData", "GetLogEvents", "GetQueryResults", "GetRecords", "GetItem", "GetObjectAcl", "GetObjectTagging",
    ];

    // What a discovery call is: a List/Describe/Get call that reads no data, made by a client outside the console.
    private static readonly string Candidates =
        "eventName like /^(List|Describe|Get)/ and eventName not in " + RuleQuery.List([.. DataReadNames]) + " and " + RuleQuery.NotMadeByAws + " and not " + RuleQuery.ConsoleSession;

    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Evaluator(options, FilterAlone());
    }

    /// <inheritdoc />
    protected internal override IRuleEvaluator CreateEvaluator(DetectionOptions options, Func<CloudTrailEvent, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Evaluator(options, filter);
    }

    private sealed class Evaluator(DetectionOptions options, Func<CloudTrailEvent, bool> candidate) : IRuleEvaluator
    {
        private readonly BurstTracker _tracker = new(options.DiscoveryWindow, options.DiscoveryBurstDistinctCalls, e => e.EventName);

        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            if (!candidate(ev) || BurstTracker.PrincipalKey(ev) is not { } key)
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
            var names = window.Select(e => e.EventName!).Distinct(StringComparer.Ordinal).ToList();
            var services = window.Select(e => e.EventSource?.Replace(".amazonaws.com", "", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Count();
            return $"{names.Count} different discovery calls across {services} service(s): {string.Join(", ", names.Take(8))}{(names.Count > 8 ? ", …" : "")}";
        }
    }
}
