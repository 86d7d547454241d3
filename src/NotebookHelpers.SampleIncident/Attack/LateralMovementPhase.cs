using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>
/// The backdoor user assumes the analytics account's cross-account role (found in the IAM dump); the resulting
/// <c>ASIA</c> session is used from a third address to look around the data lake and to try to mint a key there.
/// </summary>
internal static class LateralMovementPhase
{
    public const string Phase = "lateral-movement";

    public static readonly DateTimeOffset AssumedAt = Timeline.At(10, 52, 40);

    public const string SessionUserAgent =
        "aws-cli/2.24.10 md/awscrt#0.23.8 ua/2.1 os/linux#6.8.0-52-generic md/arch#x86_64 lang/python#3.12.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off md/command#";

    public static void Run(AttackContext c)
    {
        var f = c.F;
        var assumed = StsRecords.AssumeRole(f, AssumedAt, AttackContext.BackdoorKey, Cast.AnalyticsCrossAccountRole, Cast.AttackerSessionName,
            Regions.UsEast1, Cast.OperatorIp, UserAgents.AttackerCli("sts.assume-role"), sessionKeyId: Cast.AttackerSessionKeyId);
        c.Plant(Phase, "AssumeRole into the analytics account (record in production)", assumed.Records[0]);
        c.Plant(Phase, "AssumeRole into the analytics account (record in analytics, same sharedEventID)", assumed.Records[1]);

        var s = assumed.Session;
        var ip = Cast.SessionUseIp;
        string Ua(string command) => SessionUserAgent + command;
        c.Plant(Phase, "Session used from a third address", f.Call(Timeline.At(11, 5, 3), s, "sts", "GetCallerIdentity", Regions.UsEast1, ip, Ua("sts.get-caller-identity"), true));
        c.Plant(Phase, "Analytics buckets", f.Call(Timeline.At(11, 5, 40), s, "s3", "ListBuckets", Regions.UsEast1, ip, Ua("s3.ls"), true,
            new JsonMap { { "Host", "s3.amazonaws.com" } }));
        c.Plant(Phase, "Glue databases", f.Call(Timeline.At(11, 6, 22), s, "glue", "GetDatabases", Regions.EuWest1, ip, Ua("glue.get-databases"), true));
        c.Plant(Phase, "Glue tables", f.Call(Timeline.At(11, 6, 51), s, "glue", "GetTables", Regions.EuWest1, ip, Ua("glue.get-tables"), true,
            new JsonMap { { "databaseName", "sales" } }));
        c.Plant(Phase, "Athena workgroups", f.Call(Timeline.At(11, 7, 30), s, "athena", "ListWorkGroups", Regions.EuWest1, ip, Ua("athena.list-work-groups"), true));
        c.Plant(Phase, "Analytics IAM users", f.Call(Timeline.At(11, 10, 15), s, "iam", "ListUsers", Regions.UsEast1, ip, Ua("iam.list-users"), true));
        c.Plant(Phase, "Tries to mint a key in analytics: denied (read-only role)", f.Call(Timeline.At(11, 10, 48), s, "iam", "CreateAccessKey",
            Regions.UsEast1, ip, Ua("iam.create-access-key"), false, new JsonMap { { "userName", "analytics-etl" } },
            errorCode: "AccessDenied",
            errorMessage: $"User: {s.Arn} is not authorized to perform: iam:CreateAccessKey on resource: user analytics-etl because no identity-based policy allows the iam:CreateAccessKey action"));
        c.Plant(Phase, "Analytics instances", f.Call(Timeline.At(11, 12, 30), s, "ec2", "DescribeInstances", Regions.EuWest1, ip, Ua("ec2.describe-instances"), true,
            new JsonMap { { "instancesSet", new JsonMap() }, { "filterSet", new JsonMap() } }));
    }
}
