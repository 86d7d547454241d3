using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Reads of the account's own details and contacts.</summary>
public sealed class AccountContactDiscoveryRule() : QueryRule(
    id: "recon-account-details",
    title: "Account details read",
    severity: Severity.Info,
    attack: new AttackTechnique(AttackTactic.Discovery, "T1087.004", "Account Discovery: Cloud Account"),
    filter: "eventName in " + RuleQuery.List(Names) + " and " + RuleQuery.NotMadeByAws,
    fields: [],
    explanation: "Calls that tell who owns the account and how to reach them (account description, alternate and primary contacts, aliases). Attackers use them to size up a victim; on their own they are routine.",
    recommendedAction: "Look at who made them together with the other findings for the same key.",
    falsePositives: "Console pages and billing tools read these routinely.")
{
    private static readonly string[] Names = ["DescribeAccount", "GetAlternateContact", "GetContactInformation", "ListAccountAliases", "GetAccountSummary"];

    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"read account details ({ev.EventName})");
    }
}
