using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>API calls made as root (other than the sign-in itself), e.g. with a root access key.</summary>
public sealed class RootApiUsageRule() : QueryRule(
    id: "root-api-usage",
    title: "Root user activity",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.PrivilegeEscalation, "T1078.004", "Valid Accounts: Cloud Accounts"),
    filter: "userIdentity.type = \"Root\" and eventType != \"AwsServiceEvent\" and not ispresent(userIdentity.invokedBy) and eventName != \"ConsoleLogin\"",
    fields: ["userAgent"],
    explanation: "The root user made API calls. With a root access key (AKIA… belonging to root) this is the worst case of a leaked key: nothing in IAM can restrict it. Calls AWS makes on root's behalf are left out.",
    recommendedAction: "If a root access key exists, deactivate and delete it; change the root password and MFA; review every call listed.",
    falsePositives: "An owner doing one of the few root-only tasks from the console.")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.FromHours(1);

    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var via = CloudTrailFacts.KeyKind(ev.UserIdentity?.AccessKeyId) == AccessKeyKind.LongTerm && !CloudTrailFacts.IsConsoleSession(ev) ? "a root access key" : "the root console session";
        return new RuleMatch(ev, $"root made API calls with {via}");
    }
}
