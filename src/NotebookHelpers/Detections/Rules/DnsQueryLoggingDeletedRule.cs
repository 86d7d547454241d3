using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Route 53 (Resolver) query logging deleted or detached: DNS evidence stops.</summary>
public sealed class DnsQueryLoggingDeletedRule() : QueryRule(
    id: "dns-query-logging-deleted",
    title: "DNS query logging deleted",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1562.008", "Impair Defenses: Disable or Modify Cloud Logs"),
    filter: "eventSource in [\"route53resolver.amazonaws.com\", \"route53.amazonaws.com\"] and eventName in [\"DeleteResolverQueryLogConfig\", \"DisassociateResolverQueryLogConfig\", \"DeleteQueryLoggingConfig\"] and " + RuleQuery.Succeeded,
    fields: ["requestParameters.resolverQueryLogConfigId"],
    explanation: "DNS query logs show which domains the account's workloads looked up (mining pools, paste sites, attacker servers). Deleting the query-logging configuration removes that trail.",
    recommendedAction: "Recreate the query-logging configuration and associations, and check the last logs before the deletion.",
    falsePositives: "Planned logging changes by the network team.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"{ev.EventName} {CloudTrailFacts.Request(ev, "resolverQueryLogConfigId") ?? CloudTrailFacts.Request(ev, "id") ?? ""}".TrimEnd());
    }
}
