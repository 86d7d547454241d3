using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>
/// A trust in an outside identity added or changed: IAM SAML and OpenID Connect providers (high), IAM Identity Center
/// permission sets, users and account assignments (medium).
/// </summary>
public sealed class IdentityProviderChangedRule() : QueryRule(
    id: "identity-provider-changed",
    title: "Identity provider or Identity Center access changed",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.PrivilegeEscalation, "T1484.002", "Domain or Tenant Policy Modification: Trust Modification"),
    filter: "((eventSource = \"iam.amazonaws.com\" and eventName in " + RuleQuery.List(IamNames) + ") or (eventSource in [\"sso.amazonaws.com\", \"identitystore.amazonaws.com\", \"sso-directory.amazonaws.com\"] and eventName in " + RuleQuery.List(IdentityCenterNames) + ")) and " + RuleQuery.Succeeded + " and " + RuleQuery.NotMadeByAws,
    fields: ["requestParameters.name", "requestParameters.url", "requestParameters.sAMLProviderArn"],
    explanation: "An IAM SAML or OpenID Connect provider makes the account trust sign-ins from an outside identity system: an attacker who registers their own (or changes the metadata, client ids or thumbprints of an existing one) can assume roles that trust it from anywhere, with no key in the account. In IAM Identity Center, a new user, a permission set with more rights or a new account assignment gives a person console and CLI access to accounts. Both outlive every deactivated key.",
    recommendedAction: "Compare the provider's metadata or URL with your real identity provider, delete providers nobody set up, and review Identity Center users, permission sets and assignments created by this principal.",
    falsePositives: "Identity teams connecting a new identity provider or rotating SAML certificates, GitHub Actions OIDC set-ups, onboarding through Identity Center.")
{
    private static readonly string[] IamNames =
    [
        "CreateSAMLProvider", "UpdateSAMLProvider", "CreateOpenIDConnectProvider", "UpdateOpenIDConnectProviderThumbprint",
        "AddClientIDToOpenIDConnectProvider",
    ];

    private static readonly string[] IdentityCenterNames =
    [
        "CreatePermissionSet", "PutInlinePolicyToPermissionSet", "AttachManagedPolicyToPermissionSet", "AttachCustomerManagedPolicyReferenceToPermissionSet",
        "CreateAccountAssignment", "ProvisionPermissionSet", "CreateUser", "CreateGroupMembership",
    ];

    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var name = ev.EventName!;
        if (ev.EventSource == "iam.amazonaws.com")
        {
            var provider = CloudTrailFacts.Request(ev, "name") ?? CloudTrailFacts.Request(ev, "url") ??
                           CloudTrailFacts.LastSegment(CloudTrailFacts.Request(ev, "sAMLProviderArn") ?? CloudTrailFacts.Request(ev, "openIDConnectProviderArn"));
            return new RuleMatch(ev, $"{name}: the account now trusts identity provider '{provider}'");
        }

        var what = CloudTrailFacts.Request(ev, "name") ?? CloudTrailFacts.Request(ev, "userName") ??
                   CloudTrailFacts.LastSegment(CloudTrailFacts.Request(ev, "permissionSetArn")) ?? CloudTrailFacts.Request(ev, "targetId");
        return new RuleMatch(ev, $"Identity Center {name}{(what is null ? "" : " " + what)}", Severity.Medium);
    }
}
