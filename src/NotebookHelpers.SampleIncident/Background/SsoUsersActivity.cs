using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Background;

/// <summary>
/// People who reach the other accounts through IAM Identity Center: developers in staging (who sometimes start and
/// stop a t3 test instance), an analyst querying Athena in analytics, an administrator in management. Each session
/// starts with a federated ConsoleLogin whose <c>MFAUsed</c> is <c>No</c> although the IdP enforced MFA.
/// </summary>
internal sealed class SsoUsersActivity : IBackgroundActivity
{
    private sealed record Person(string Email, string Account, string PermissionSet, string Ip, string Browser, double PerWorkHour);

    private static readonly Person[] People =
    [
        new("jonas.keller@northwind.example", Accounts.Staging, "Developer", Cast.OfficeIp, UserAgents.EdgeWindows, 0.25),
        new("ana.silva@northwind.example", Accounts.Staging, "Developer", Cast.VpnIp, UserAgents.ChromeMac, 0.2),
        new("mei.tanaka@northwind.example", Accounts.Analytics, "AnalystAccess", Cast.OfficeIp, UserAgents.ChromeMac, 0.25),
        new("priya.nair@northwind.example", Accounts.Management, "AdministratorAccess", Cast.OfficeIp, UserAgents.ChromeMac, 0.08),
    ];

    private readonly RecordFactory _f;
    private readonly int _scale;

    public SsoUsersActivity(long seed, int scale)
    {
        _f = new RecordFactory(DeterministicRandom.Create(seed, "sso-users"));
        _scale = scale;
    }

    public void Generate(DateTimeOffset hourStart, IEventCollector collector)
    {
        if (ActivityRate.IsWeekend(hourStart) || hourStart.Hour is < 8 or >= 18)
        {
            return;
        }

        foreach (var person in People)
        {
            for (var i = 0; i < _scale; i++)
            {
                if (_f.Random.Chance(person.PerWorkHour))
                {
                    Session(person, hourStart.AddSeconds(_f.Random.Between(0, 3400)), collector);
                }
            }
        }
    }

    private void Session(Person p, DateTimeOffset start, IEventCollector collector)
    {
        var role = Cast.SsoRole(p.Account, p.PermissionSet);
        var login = new AssumedRoleIdentity(role, p.Email, null, start.AddSeconds(-1));
        collector.Add(ConsoleRecords.FederatedLogin(_f, start, login, p.Ip, p.Browser));
        var session = new AssumedRoleIdentity(role, p.Email, _f.SessionKeyId(), start);
        var last = p.PermissionSet == "AnalystAccess"
            ? Athena(session, start, p, collector)
            : ConsoleBrowsing.Browse(_f, session, start.AddSeconds(2), _f.Random.Between(8, 30), p.Ip, p.Browser, collector);
        if (p.Account == Accounts.Staging && _f.Random.Chance(0.2))
        {
            TestInstance(session, last, p, collector);
        }
    }

    private DateTimeOffset Athena(AssumedRoleIdentity session, DateTimeOffset start, Person p, IEventCollector collector)
    {
        var t = start;
        var queries = _f.Random.Between(2, 6);
        for (var q = 0; q < queries; q++)
        {
            t = t.AddSeconds(_f.Random.Between(30, 400));
            collector.Add(_f.Call(t, session, "glue", "GetTables", Regions.EuWest1, p.Ip, UserAgents.AwsInternal, true,
                new JsonMap { { "databaseName", "sales" } }, fromConsole: true));
            var id = _f.Random.Uuid();
            t = t.AddSeconds(_f.Random.Between(10, 90));
            collector.Add(_f.Call(t, session, "athena", "StartQueryExecution", Regions.EuWest1, p.Ip, UserAgents.AwsInternal, false,
                new JsonMap
                {
                    { "queryString", "SELECT product, count(*) FROM sales.orders_daily WHERE day >= date '2025-03-01' GROUP BY 1 ORDER BY 2 DESC LIMIT 20" },
                    { "clientRequestToken", _f.Random.Uuid() },
                    { "queryExecutionContext", new JsonMap { { "database", "sales" }, { "catalog", "AwsDataCatalog" } } },
                    { "workGroup", "primary" },
                },
                new JsonMap { { "queryExecutionId", id } }, fromConsole: true));
            for (var poll = _f.Random.Between(1, 4); poll > 0; poll--)
            {
                t = t.AddSeconds(_f.Random.Between(1, 3));
                collector.Add(_f.Call(t, session, "athena", "GetQueryExecution", Regions.EuWest1, p.Ip, UserAgents.AwsInternal, true,
                    new JsonMap { { "queryExecutionId", id } }, fromConsole: true));
            }

            t = t.AddSeconds(1);
            collector.Add(_f.Call(t, session, "athena", "GetQueryResults", Regions.EuWest1, p.Ip, UserAgents.AwsInternal, true,
                new JsonMap { { "queryExecutionId", id }, { "maxResults", 100 } }, fromConsole: true));
        }

        return t;
    }

    private void TestInstance(AssumedRoleIdentity session, DateTimeOffset after, Person p, IEventCollector collector)
    {
        var t = after.AddSeconds(_f.Random.Between(10, 120));
        var instanceId = "i-0" + _f.Random.Hex(16);
        var token = _f.Random.Uuid();
        collector.Add(_f.Call(t, session, "ec2", "RunInstances", Regions.EuWest1, p.Ip, p.Browser, false,
            new JsonMap
            {
                { "instancesSet", new JsonMap { { "items", new object?[] { new JsonMap { { "imageId", "ami-0d64bb532e0502c46" }, { "minCount", 1 }, { "maxCount", 1 } } } } } },
                { "instanceType", "t3.medium" },
                { "blockDeviceMapping", new JsonMap() },
                { "monitoring", new JsonMap { { "enabled", false } } },
                { "subnetId", "subnet-0c5e2b7a91d3f4e68" },
                { "disableApiTermination", false },
                { "disableApiStop", false },
                { "clientToken", token },
                { "tagSpecificationSet", new JsonMap { { "items", new object?[] { new JsonMap { { "resourceType", "instance" }, { "tags", new object?[] { new JsonMap { { "key", "Name" }, { "value", "dev-" + p.Email.Split('.')[0] } } } } } } } } },
            },
            Ec2Records.RunInstancesResponse(_f, t, Accounts.Staging, Regions.EuWest1, "t3.medium", [instanceId], "ami-0d64bb532e0502c46", token),
            fromConsole: true));
        t = t.AddSeconds(_f.Random.Between(600, 2400));
        collector.Add(_f.Call(t, session, "ec2", "TerminateInstances", Regions.EuWest1, p.Ip, p.Browser, false,
            new JsonMap { { "instancesSet", new JsonMap { { "items", new object?[] { new JsonMap { { "instanceId", instanceId } } } } } } },
            new JsonMap
            {
                { "requestId", _f.Random.Uuid() },
                {
                    "instancesSet", new JsonMap
                    {
                        {
                            "items", new object?[]
                            {
                                new JsonMap
                                {
                                    { "instanceId", instanceId },
                                    { "currentState", new JsonMap { { "code", 32 }, { "name", "shutting-down" } } },
                                    { "previousState", new JsonMap { { "code", 16 }, { "name", "running" } } },
                                },
                            }
                        },
                    }
                },
            },
            fromConsole: true));
    }
}
