using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>AWS itself found the key exposed (on GitHub, a paste site…) and attached its quarantine policy.</summary>
public sealed class QuarantinePolicyRule() : EventRule(
    id: "aws-quarantine-policy-attached",
    title: "AWS quarantined an exposed access key",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.CredentialAccess, "T1552.001", "Unsecured Credentials: Credentials In Files"),
    insightsQuery: RuleQuery.Select(
        "eventSource = \"iam.amazonaws.com\" and ((eventName = \"AttachUserPolicy\" and requestParameters.policyArn like /AWSCompromisedKeyQuarantine/) or (eventName = \"PutUserPolicy\" and requestParameters.policyName like /^(AWSExposedCredentialPolicy_DO_NOT_REMOVE|AWSCompromisedKeyQuarantine)/))",
        "requestParameters.userName", "requestParameters.policyArn", "requestParameters.policyName"),
    explanation: "When AWS finds one of your access keys in public, it attaches an AWSCompromisedKeyQuarantine managed policy to the key's user (V1, V2, V3, and V4 created on 2026-11-06: any version is recognised), or in older cases an inline policy named AWSExposedCredentialPolicy_DO_NOT_REMOVE (or an inline copy named after the quarantine policy), and opens a support case. It denies a few high-risk actions only: the key still works for everything else. This is usually where an investigation starts.",
    recommendedAction: "Treat the user's keys as compromised: deactivate them (do not delete yet), then investigate everything they did, starting from this finding's user.",
    falsePositives: "None known: only AWS attaches these policies.")
{
    /// <summary>The inline policy name AWS used before the managed quarantine policy.</summary>
    public const string LegacyPolicyName = "AWSExposedCredentialPolicy_DO_NOT_REMOVE";

    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.Zero;

    /// <summary>True when <paramref name="ev"/> is AWS's quarantine of a user (either form), whatever its outcome.</summary>
    public static bool IsQuarantine(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "iam.amazonaws.com")
        {
            return false;
        }

        return ev.EventName switch
        {
            "AttachUserPolicy" => CloudTrailFacts.Request(ev, "policyArn")?.Contains("AWSCompromisedKeyQuarantine", StringComparison.Ordinal) == true,
            "PutUserPolicy" => CloudTrailFacts.Request(ev, "policyName") is { } name &&
                               (name == LegacyPolicyName || name.StartsWith("AWSCompromisedKeyQuarantine", StringComparison.Ordinal)),
            _ => false,
        };
    }

    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (!IsQuarantine(ev) || !CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        var user = CloudTrailFacts.Request(ev, "userName") ?? ev.UserIdentity?.UserName;
        var policy = CloudTrailFacts.LastSegment(CloudTrailFacts.Request(ev, "policyArn")) ?? CloudTrailFacts.Request(ev, "policyName");
        return new RuleMatch(ev, $"AWS attached {policy} to user '{user}': one of its access keys was found exposed");
    }
}
