using NotebookHelpers.Detections.Rules;

namespace NotebookHelpers.Detections;

/// <summary>
/// Every rule of the library, grouped by ATT&amp;CK tactic in the order an intrusion usually unfolds. docs/detections.md
/// is generated from this list (a test fails when it drifts).
/// </summary>
public static class DetectionCatalog
{
    /// <summary>The rules, in catalogue order.</summary>
    public static IReadOnlyList<DetectionRule> All { get; } =
    [
        // Markers that start an investigation, and the defender's own moves.
        new QuarantinePolicyRule(),
        new ContainmentRecordedRule(),
        new AccessDeniedAfterContainmentRule(),
        new CallsAfterContainmentRule(),

        // Initial access and sign-in.
        new ConsoleLoginWithoutMfaRule(),
        new RootConsoleLoginRule(),
        new RootConsoleLoginFailedRule(),
        new ConsoleLoginFailedRule(),
        new RootApiUsageRule(),
        new InstanceCredentialsUsedExternallyRule(),

        // Discovery.
        new CallerIdentityFirstCallRule(),
        new TruffleHogValidationRule(),
        new DiscoveryBurstRule(),
        new DryRunProbeRule(),
        new QuotaProbeRule(),
        new AccountContactDiscoveryRule(),
        new AccessDeniedRule(),
        new AccessDeniedBurstRule(),

        // Persistence and privilege escalation.
        new IamUserCreatedRule(),
        new AccessKeyForOtherUserRule(),
        new RootAccessKeyCreatedRule(),
        new LoginProfileForOtherUserRule(),
        new PasswordChangedRule(),
        new AdminPolicyAttachedRule(),
        new InlinePolicyGrantedRule(),
        new PolicyVersionCreatedRule(),
        new UserAddedToGroupRule(),
        new RoleTrustBackdooredRule(),
        new RoleCreatedWithExternalTrustRule(),
        new RolesAnywhereTrustAnchorRule(),
        new FederationTokenRule(),
        new SessionTokenByUserRule(),
        new CrossAccountAssumeRoleRule(),
        new LambdaBackdoorRule(),
        new SecurityGroupOpenedRule(),
        new IdentityProviderChangedRule(),

        // Defence evasion.
        new CloudTrailLoggingStoppedRule(),
        new CloudTrailTrailWeakenedRule(),
        new TamperingAttemptFailedRule(),
        new TrailIntegrityBrokenRule(),
        new GuardDutyDisabledRule(),
        new ConfigRecordingStoppedRule(),
        new FlowLogsDeletedRule(),
        new DnsQueryLoggingDeletedRule(),
        new OrganizationLeftRule(),
        new BedrockInvocationLoggingDeletedRule(),
        new RegionFirstActivityRule(),

        // Credential access.
        new SecretsReadRule(),
        new SecureParameterReadRule(),
        new PasswordDataReadRule(),

        // Execution and impact.
        new GpuInstanceLaunchRule(),
        new MultiRegionLaunchRule(),
        new UserDataModifiedRule(),
        new InstanceCommandExecutionRule(),
        new BedrockModelAbuseRule(),
        new SesAbuseRule(),
        new S3ObjectsEncryptedWithCustomerKeyRule(),
        new S3DataDestructionRule(),

        // Collection and exfiltration.
        new S3DataAccessBurstRule(),
        new BucketExposureChangedRule(),
        new S3CopyToExternalAccountRule(),
        new SnapshotSharedRule(),
    ];

    /// <summary>The rule with <paramref name="id"/>, or null.</summary>
    public static DetectionRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    /// <summary>The rule with <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No rule has that id.</exception>
    public static DetectionRule Get(string id) => Find(id) ?? throw new KeyNotFoundException($"no detection rule has the id '{id}'.");
}
