using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>
/// Minutes after the push a scanner validates the key (GetCallerIdentity) and checks whether SES can send spam;
/// a quarter of an hour later an operator on the same VPS maps the account with the AWS CLI.
/// </summary>
internal static class ReconnaissancePhase
{
    public const string Phase = "reconnaissance";

    public static void Run(AttackContext c)
    {
        var f = c.F;
        var key = AttackContext.LeakedKey;
        var ip = Cast.ScannerIp;
        var bot = UserAgents.ScannerBoto3;

        c.Plant(Phase, "First use of the leaked key: validation by an automated scanner, 3 min 28 s after the push",
            f.Call(Timeline.At(9, 16, 5), key, "sts", "GetCallerIdentity", Regions.UsEast1, ip, bot, true));
        var t = Timeline.At(9, 16, 9);
        foreach (var region in new[] { Regions.UsEast1, Regions.EuWest1, "us-west-2" })
        {
            c.Plant(Phase, "Scanner checks the SES sending quota (spam potential)",
                f.Call(t, key, "email", "GetSendQuota", region, ip, bot, true, tlsHost: $"email.{region}.amazonaws.com"));
            t = t.AddSeconds(2);
        }

        c.Plant(Phase, "Scanner lists IAM users", f.Call(t.AddSeconds(1), key, "iam", "ListUsers", Regions.UsEast1, ip, bot, true));

        string Cli(string command) => UserAgents.AttackerCli(command);
        c.Plant(Phase, "Operator confirms the key by hand", f.Call(Timeline.At(9, 27, 41), key, "sts", "GetCallerIdentity", Regions.UsEast1, ip, Cli("sts.get-caller-identity"), true));
        c.Plant(Phase, "Whose key is it", f.Call(Timeline.At(9, 27, 58), key, "iam", "GetUser", Regions.UsEast1, ip, Cli("iam.get-user"), true));
        c.Plant(Phase, "What may it do", f.Call(Timeline.At(9, 28, 15), key, "iam", "ListAttachedUserPolicies", Regions.UsEast1, ip,
            Cli("iam.list-attached-user-policies"), true, new JsonMap { { "userName", Cast.LeakedUser } }));
        c.Plant(Phase, "IAM users", f.Call(Timeline.At(9, 28, 40), key, "iam", "ListUsers", Regions.UsEast1, ip, Cli("iam.list-users"), true));
        c.Plant(Phase, "IAM roles (finds the cross-account analytics role)", f.Call(Timeline.At(9, 29, 2), key, "iam", "ListRoles", Regions.UsEast1, ip, Cli("iam.list-roles"), true));
        c.Plant(Phase, "Full IAM dump", f.Call(Timeline.At(9, 29, 30), key, "iam", "GetAccountAuthorizationDetails", Regions.UsEast1, ip,
            Cli("iam.get-account-authorization-details"), true));
        c.Plant(Phase, "S3 buckets", f.Call(Timeline.At(9, 30, 5), key, "s3", "ListBuckets", Regions.UsEast1, ip, Cli("s3api.list-buckets"), true,
            new JsonMap { { "Host", "s3.amazonaws.com" } }));
        c.Plant(Phase, "Regions", f.Call(Timeline.At(9, 30, 40), key, "ec2", "DescribeRegions", Regions.UsEast1, ip, Cli("ec2.describe-regions"), true,
            new JsonMap { { "regionSet", new JsonMap() } }));

        // A loop over every region: the organization's SCP denies the ones it does not allow.
        t = Timeline.At(9, 31, 0);
        foreach (var region in Regions.DefaultEnabled)
        {
            var allowed = Regions.IsAllowedByScp(region);
            c.Plant(Phase, allowed ? "Instances per region" : "Instances per region (denied by the organization's region SCP)",
                f.Call(t, key, "ec2", "DescribeInstances", region, ip, Cli("ec2.describe-instances"), true,
                    new JsonMap { { "instancesSet", new JsonMap() }, { "filterSet", new JsonMap() } },
                    errorCode: allowed ? null : "Client.UnauthorizedOperation",
                    errorMessage: allowed ? null : "You are not authorized to perform this operation. " +
                        AttackContext.ExplicitDenyScp(AttackContext.LeakedKey.Arn, "ec2:DescribeInstances", null)));
            t = t.AddSeconds(4);
        }

        t = Timeline.At(9, 33, 10);
        foreach (var region in Regions.AllowedByScp)
        {
            c.Plant(Phase, "GPU quota (Running On-Demand G and VT instances)",
                f.Call(t, key, "servicequotas", "GetServiceQuota", region, ip, Cli("service-quotas.get-service-quota"), true,
                    new JsonMap { { "serviceCode", "ec2" }, { "quotaCode", "L-DB2E81BA" } }));
            t = t.AddSeconds(3);
        }

        c.Plant(Phase, "Trails", f.Call(Timeline.At(9, 35, 20), key, "cloudtrail", "DescribeTrails", Regions.UsEast1, ip, Cli("cloudtrail.describe-trails"), true,
            new JsonMap { { "includeShadowTrails", true } }));
        c.Plant(Phase, "Is the organization trail logging", f.Call(Timeline.At(9, 35, 31), key, "cloudtrail", "GetTrailStatus", Regions.UsEast1, ip,
            Cli("cloudtrail.get-trail-status"), true, new JsonMap { { "name", Accounts.TrailArn } }));
        c.Plant(Phase, "Organization", f.Call(Timeline.At(9, 36, 2), key, "organizations", "DescribeOrganization", Regions.UsEast1, ip,
            Cli("organizations.describe-organization"), true));
        c.Plant(Phase, "SES identities", f.Call(Timeline.At(9, 37, 15), key, "email", "ListIdentities", Regions.UsEast1, ip,
            Cli("ses.list-identities"), true, new JsonMap { { "identityType", "EmailAddress" } }, tlsHost: "email.us-east-1.amazonaws.com"));
    }
}
