using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Reads of the account's own details and contacts.</summary>
public sealed class AccountContactDiscoveryRule() : EventRule(
    id: "recon-account-details",
    title: "Account details read",
    severity: Severity.Info,
    attack: new AttackTechnique(AttackTactic.Discovery, "T1087.004", "Account Discovery: Cloud Account"),
    insightsQuery: RuleQuery.Select("eventName in [\"DescribeAccount\", \"GetAlternateContact\", \"GetContactInformation\", \"ListAccountAliases\", \"GetAccountSummary\"]"),
    explanation: "Calls that tell who owns the account and how to reach them (account description, alternate and primary contacts, aliases). Attackers use them to size up a victim; on their own they are routine.",
    recommendedAction: "Look at who made them together with the other findings for the same key.",
    falsePositives: "Console pages and billing tools read these routinely.")
{
    private static readonly string[] Names = ["DescribeAccount", "GetAlternateContact", "GetContactInformation", "ListAccountAliases", "GetAccountSummary"];

    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.EventName is not null && Names.Contains(ev.EventName) && !CloudTrailFacts.IsMadeByAws(ev)
            ? new RuleMatch(ev, $"read account details ({ev.EventName})")
            : null;
    }
}
