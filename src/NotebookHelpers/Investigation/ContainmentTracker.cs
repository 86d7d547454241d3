using NotebookHelpers.Detections;
using NotebookHelpers.Detections.Rules;
using NotebookHelpers.Events;

namespace NotebookHelpers.Investigation;

/// <summary>
/// Recognises containment in a time-ordered stream: key deactivation or deletion, deny-all policies (inline, or a
/// managed policy whose deny-all document was created earlier in the stream), session revocation, AWS's
/// quarantine, console password removal. Keeps only the names of contained keys and principals.
/// </summary>
public sealed class ContainmentTracker
{
    private readonly HashSet<string> _denyAllManagedPolicies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContainmentAction> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Name), ContainmentAction> _principals = [];
    private readonly List<ContainmentAction> _actions = [];

    /// <summary>Every containment action seen so far, in time order.</summary>
    public IReadOnlyList<ContainmentAction> Actions => _actions;

    /// <summary>Looks at the next event; returns the containment action it is, or null.</summary>
    public ContainmentAction? Observe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "iam.amazonaws.com" || !CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        var action = Recognise(ev);
        if (action is null)
        {
            return null;
        }

        _actions.Add(action);
        if (action.AccessKeyId is { } key)
        {
            _keys.TryAdd(key, action);
        }
        else if (action is { PrincipalType: { } type, PrincipalName: { } name })
        {
            _principals.TryAdd((type, name), action);
        }

        return action;
    }

    /// <summary>
    /// The first containment that applies to an event's caller (its key, its user, or its role), or null when the
    /// caller was not contained before the event.
    /// </summary>
    public ContainmentAction? AppliesTo(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var identity = ev.UserIdentity;
        if (identity is null)
        {
            return null;
        }

        ContainmentAction? found = null;
        if (identity.AccessKeyId is { } key && _keys.TryGetValue(key, out var byKey))
        {
            found = byKey;
        }

        if (identity.Type == "IAMUser" && identity.UserName is { } user && _principals.TryGetValue(("user", user), out var byUser))
        {
            found = Earliest(found, byUser);
        }

        if (identity.SessionContext?.SessionIssuer is { Type: "Role", UserName: { } role } && _principals.TryGetValue(("role", role), out var byRole))
        {
            found = Earliest(found, byRole);
        }

        return found is not null && found.Time <= ev.EventTime ? found : null;
    }

    /// <summary>Recognises a containment action in one event, without state (managed deny-all policies need the tracker).</summary>
    private ContainmentAction? Recognise(CloudTrailEvent ev)
    {
        var actor = ev.UserIdentity?.DisplayName;
        var evidence = EvidenceEvent.From(ev);
        var userName = CloudTrailFacts.Request(ev, "userName");
        switch (ev.EventName)
        {
            case "UpdateAccessKey" when string.Equals(CloudTrailFacts.Request(ev, "status"), "Inactive", StringComparison.OrdinalIgnoreCase):
                return new ContainmentAction(ContainmentKind.KeyDeactivated, ev.EventTime, CloudTrailFacts.Request(ev, "accessKeyId"), "user",
                    userName ?? CloudTrailFacts.CallerName(ev.UserIdentity), actor, evidence);
            case "DeleteAccessKey":
                return new ContainmentAction(ContainmentKind.KeyDeleted, ev.EventTime, CloudTrailFacts.Request(ev, "accessKeyId"), "user",
                    userName ?? CloudTrailFacts.CallerName(ev.UserIdentity), actor, evidence);
            case "DeleteLoginProfile":
                return new ContainmentAction(ContainmentKind.LoginProfileDeleted, ev.EventTime, null, "user", userName, actor, evidence);
            case "CreatePolicy":
                if (IamPolicyDocument.TryParse(CloudTrailFacts.Request(ev, "policyDocument")) is { DeniesEverything: true } &&
                    CloudTrailFacts.Response(ev, "policy.arn") is { } arn)
                {
                    _denyAllManagedPolicies.Add(arn);
                }

                return null;
        }

        if (QuarantinePolicyRule.IsQuarantine(ev))
        {
            return new ContainmentAction(ContainmentKind.AwsQuarantine, ev.EventTime, null, "user", userName, actor, evidence);
        }

        var (type, name) = PolicyTarget(ev);
        if (type is null)
        {
            return null;
        }

        if (ev.EventName is "PutUserPolicy" or "PutRolePolicy" or "PutGroupPolicy")
        {
            var policyName = CloudTrailFacts.Request(ev, "policyName");
            var text = CloudTrailFacts.Request(ev, "policyDocument");
            if (policyName == "AWSRevokeOlderSessions" || (text?.Contains("aws:TokenIssueTime", StringComparison.Ordinal) == true && IamPolicyDocument.TryParse(text) is { IsDenyOnly: true }))
            {
                return new ContainmentAction(ContainmentKind.SessionsRevoked, ev.EventTime, null, type, name, actor, evidence);
            }

            if (IamPolicyDocument.TryParse(text) is { DeniesEverything: true })
            {
                return new ContainmentAction(ContainmentKind.DenyAllPolicy, ev.EventTime, null, type, name, actor, evidence);
            }
        }

        if (ev.EventName is "AttachUserPolicy" or "AttachRolePolicy" or "AttachGroupPolicy" &&
            CloudTrailFacts.Request(ev, "policyArn") is { } policyArn && _denyAllManagedPolicies.Contains(policyArn))
        {
            return new ContainmentAction(ContainmentKind.DenyAllPolicy, ev.EventTime, null, type, name, actor, evidence);
        }

        return null;
    }

    private static (string? Type, string? Name) PolicyTarget(CloudTrailEvent ev) => ev.EventName switch
    {
        "PutUserPolicy" or "AttachUserPolicy" => ("user", CloudTrailFacts.Request(ev, "userName")),
        "PutRolePolicy" or "AttachRolePolicy" => ("role", CloudTrailFacts.Request(ev, "roleName")),
        "PutGroupPolicy" or "AttachGroupPolicy" => ("group", CloudTrailFacts.Request(ev, "groupName")),
        _ => (null, null),
    };

    private static ContainmentAction Earliest(ContainmentAction? a, ContainmentAction b) => a is null || b.Time < a.Time ? b : a;
}
