using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A new IAM user: the attacker's favourite way to keep access after the leaked key is disabled.</summary>
public sealed class IamUserCreatedRule() : QueryRule(
    id: "iam-user-created",
    title: "IAM user created",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Persistence, "T1136.003", "Create Account: Cloud Account"),
    filter: "eventSource = \"iam.amazonaws.com\" and eventName = \"CreateUser\" and " + RuleQuery.Succeeded,
    fields: ["requestParameters.userName", "responseElements.user.arn"],
    explanation: "A leaked key that can create users is used to make new ones (often with admin rights and their own keys or passwords) so the attacker keeps access after the leaked key is disabled.",
    recommendedAction: "Check with the owner whether the user is expected; if not, follow the blast radius from this user (keys, login profile, policies), disable it and delete it once evidence is kept.",
    falsePositives: "Onboarding by administrators or identity automation; compare the creator with the usual provisioning principal.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"created IAM user '{CloudTrailFacts.Request(ev, "userName")}'");
    }
}
