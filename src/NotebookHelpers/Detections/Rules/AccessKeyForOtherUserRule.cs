using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>
/// CreateAccessKey for a user other than the caller: a backdoor key. The caller and target are compared in code
/// (a query language cannot compare two fields of one event reliably; SigmaHQ issue #6223).
/// </summary>
public sealed class AccessKeyForOtherUserRule() : EventRule(
    id: "iam-access-key-for-other-user",
    title: "Access key created for another user",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.Persistence, "T1098.001", "Account Manipulation: Additional Cloud Credentials"),
    insightsQuery: RuleQuery.Select(
        "eventSource = \"iam.amazonaws.com\" and eventName = \"CreateAccessKey\" and not ispresent(errorCode) and ispresent(requestParameters.userName)",
        "userIdentity.userName", "requestParameters.userName", "responseElements.accessKey.accessKeyId"),
    explanation: "The caller created an access key for a different IAM user. Attackers do this to get a second, independent key (a backdoor) that keeps working after the leaked one is disabled. The rule compares the caller's own name with the target user; failed calls are ignored because they have no target.",
    recommendedAction: "Deactivate the new key (it is in responseElements.accessKey.accessKeyId) and follow what it did; ask the target user's owner whether they requested it.",
    falsePositives: "Administrators issuing keys for service users; provisioning pipelines.")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "iam.amazonaws.com" || ev.EventName != "CreateAccessKey" || !CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        var target = CloudTrailFacts.Request(ev, "userName") ?? CloudTrailFacts.Response(ev, "accessKey.userName");
        if (target is null || (ev.UserIdentity?.Type != "Root" && string.Equals(target, CloudTrailFacts.CallerName(ev.UserIdentity), StringComparison.Ordinal)))
        {
            return null;
        }

        var key = CloudTrailFacts.Response(ev, "accessKey.accessKeyId");
        return new RuleMatch(ev, $"created access key {CloudTrailFacts.KeyText(key)} for user '{target}'");
    }
}
