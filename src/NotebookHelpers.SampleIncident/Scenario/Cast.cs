using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident.Scenario;

/// <summary>
/// Every principal, key and address in the story. Fixed, not drawn from the seed: the answer key names them,
/// and the seed only varies request IDs, event IDs and the timing of the background.
/// </summary>
internal static class Cast
{
    // ---- the leaked key (production) ----
    public const string LeakedUser = "svc-reporting";
    public const string LeakedUserId = "AIDA3NWPX4QHLM2RZ6TKE";
    public const string LeakedAccessKeyId = "AKIA3NWPX4QHZRT7K2MD";

    /// <summary>Where svc-reporting normally runs: the reporting server behind the office NAT.</summary>
    public const string ReportingServerIp = "198.51.100.24";

    // ---- the attacker ----
    public const string ScannerIp = "203.0.113.47";
    public const string OperatorIp = "192.0.2.77";
    public const string SessionUseIp = "203.0.113.199";

    public const string BackdoorUser = "svc-backup-sync";
    public const string BackdoorUserId = "AIDA3NWPX4QHQ5VJ2XWBN";
    public const string BackdoorAccessKeyId = "AKIA3NWPX4QH6YBVJ5WE";

    public const string AttackerSessionName = "botocore-session-1741690360";
    public const string AttackerSessionKeyId = "ASIAWQ7HZKD3M5TXRB2N";

    // ---- defenders and other people ----
    public const string Defender = "tom.becker";
    public const string DefenderId = "AIDA3NWPX4QHB7Q2MKD4T";
    public const string PlatformLead = "priya.nair";
    public const string PlatformLeadId = "AIDA3NWPX4QHN4E8VYC2S";

    public const string CiUser = "ci-deployer";
    public const string CiUserId = "AIDA3NWPX4QHC3GH7PLQA";
    public const string CiAccessKeyId = "AKIA3NWPX4QHTC2ML9RA";

    public const string OfficeIp = "198.51.100.25";
    public const string VpnIp = "198.51.100.130";
    public const string HotelIp = "198.51.100.163";
    /// <summary>The self-hosted runner that deploys production (one egress address).</summary>
    public const string ProductionRunnerIp = "198.51.100.201";

    /// <summary>GitHub-hosted runners that deploy staging (a pool of addresses).</summary>
    public static readonly IReadOnlyList<string> CiRunnerIps = ["198.51.100.202", "198.51.100.203", "198.51.100.204", "198.51.100.205"];

    // ---- roles ----
    public static readonly RoleDefinition AnalyticsCrossAccountRole =
        new(Accounts.Analytics, "analytics-readonly-xacct", "AROA5ANLX2QH7KP4WDME3");

    public static readonly RoleDefinition OrdersApiTaskRole = new(Accounts.Production, "orders-api-task-role", "AROA3NWPX4QHJ6TRD8N2F");
    public static readonly RoleDefinition NightlyExportRole = new(Accounts.Production, "nightly-customer-export-role", "AROA3NWPX4QHV2XKQ7M5P");
    public static readonly RoleDefinition BatchInstanceRole = new(Accounts.Production, "batch-worker-instance-role", "AROA3NWPX4QHY8CM3BZ6R");
    public static readonly RoleDefinition GrafanaReadRole = new(Accounts.Production, "grafana-cloudwatch-read", "AROA3NWPX4QHK5WN2GF7D");
    public static readonly RoleDefinition GrafanaServerRole = new(Accounts.Management, "grafana-server", "AROA2MGTQ6RXP3HZ9KD4B");
    public static readonly RoleDefinition CloudTrailLogsRole =
        new(Accounts.Management, "CloudTrailRoleForCloudWatchLogs", "AROA2MGTQ6RXC7TW4NE5V", "/service-role/");

    public static RoleDefinition ConfigRole(string account) => new(account, "AWSServiceRoleForConfig",
        "AROA" + StableId.Upper("config-role-" + account, 17), "/aws-service-role/config.amazonaws.com/");

    /// <summary>The role IAM Identity Center creates in an account for a permission set.</summary>
    public static RoleDefinition SsoRole(string account, string permissionSet) => new(account,
        $"AWSReservedSSO_{permissionSet}_{StableId.Hex("sso-" + permissionSet, 16)}",
        "AROA" + StableId.Upper("sso-" + permissionSet + account, 17),
        "/aws-reserved/sso.amazonaws.com/");

    public static readonly RoleDefinition GithubDeployRole = new(Accounts.Staging, "github-actions-deploy", "AROA4STGR8MN2XQ5JWT6C");

    public const string GithubOidcProvider = "arn:aws:iam::307816459282:oidc-provider/token.actions.githubusercontent.com";

    /// <summary>
    /// The principal AWS uses to attach the quarantine policy is not documented. The sample follows the
    /// sanitised record in Panther's rule tests (an assumed role, <c>AWS Internal</c> as user agent);
    /// detections must key on the policy ARN, never on this identity.
    /// </summary>
    public static readonly RoleDefinition AwsQuarantineOperatorRole = new("985062417330", "aws-security-quarantine", "AROA6AWSQ4RNT2Z8KLM3X");

    public const string QuarantinePolicyArn = "arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV2";
    public const string AdministratorAccessArn = "arn:aws:iam::aws:policy/AdministratorAccess";

    public const string S3GatewayEndpoint = "vpce-0a7c3e51d29b84f60";
    public const string SsmInterfaceEndpoint = "vpce-04d1b9e6a23c7f815";
}
