using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Background;

/// <summary>
/// What a person clicking through the console leaves in CloudTrail: bursts of read-only calls with the console
/// session's key, <c>sessionCredentialFromConsole</c>, and the user agent of the console component that called.
/// </summary>
internal static class ConsoleBrowsing
{
    private const string S3Console =
        "[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.780 Linux/5.10.233-223.887.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.442-b06 java/1.8.0_442 vendor/Oracle_Corporation cfg/retry-mode/standard]";

    private sealed record Page(string Service, string Name, bool Global, Func<RecordFactory, JsonMap?> Request, string? Agent = null);

    private static readonly Page[] Pages =
    [
        new("ec2", "DescribeInstances", false, _ => new JsonMap { { "instancesSet", new JsonMap() }, { "filterSet", new JsonMap() }, { "maxResults", 50 } }),
        new("ec2", "DescribeInstanceStatus", false, _ => new JsonMap { { "instancesSet", new JsonMap() }, { "filterSet", new JsonMap() }, { "includeAllInstances", true } }),
        new("ec2", "DescribeSecurityGroups", false, _ => new JsonMap { { "securityGroupSet", new JsonMap() }, { "securityGroupIdSet", new JsonMap() }, { "filterSet", new JsonMap() } }),
        new("ec2", "DescribeAccountAttributes", false, _ => new JsonMap { { "accountAttributeNameSet", new JsonMap { { "items", new object?[] { new JsonMap { { "attributeName", "supported-platforms" } } } } } }, { "filterSet", new JsonMap() } }),
        new("ec2", "DescribeRegions", false, _ => new JsonMap { { "regionSet", new JsonMap() }, { "allRegions", true } }),
        new("ecs", "ListClusters", false, _ => new JsonMap { { "maxResults", 100 } }),
        new("ecs", "ListServices", false, _ => new JsonMap { { "cluster", "orders" }, { "maxResults", 100 } }),
        new("ecs", "DescribeServices", false, _ => new JsonMap { { "cluster", "orders" }, { "services", new object?[] { "orders-api" } }, { "include", new object?[] { "TAGS" } } }),
        new("monitoring", "DescribeAlarms", false, _ => new JsonMap { { "maxRecords", 100 } }),
        new("logs", "DescribeLogGroups", false, _ => new JsonMap { { "limit", 50 } }),
        new("rds", "DescribeDBInstances", false, _ => new JsonMap { { "maxRecords", 100 } }),
        new("cloudtrail", "LookupEvents", false, _ => new JsonMap { { "maxResults", 50 } }, "console.amazonaws.com"),
        new("s3", "ListBuckets", true, _ => new JsonMap { { "Host", "s3.amazonaws.com" } }, S3Console),
        new("iam", "GetAccountSummary", true, _ => null, UserAgents.AwsInternal),
        new("iam", "ListRoles", true, _ => new JsonMap { { "maxItems", 1000 } }, UserAgents.AwsInternal),
        new("ce", "GetCostAndUsage", true, _ => new JsonMap
        {
            { "timePeriod", new JsonMap { { "start", "2025-03-01" }, { "end", "2025-03-31" } } },
            { "granularity", "DAILY" },
            { "metrics", new object?[] { "UnblendedCost" } },
        }, "console.amazonaws.com"),
    ];

    /// <summary>Emits <paramref name="count"/> console calls starting at <paramref name="start"/>; returns when the last one happened.</summary>
    public static DateTimeOffset Browse(RecordFactory f, Identity session, DateTimeOffset start, int count, string sourceIp, string browser,
        IEventCollector collector, string homeRegion = Regions.EuWest1)
    {
        var t = start;
        for (var i = 0; i < count; i++)
        {
            t = t.AddSeconds(f.Random.Chance(0.7) ? f.Random.Between(1, 8) : f.Random.Between(20, 240));
            var page = f.Random.Pick(Pages);
            var region = page.Global ? Regions.UsEast1 : homeRegion;
            var agent = page.Agent ?? browser;
            var service = page.Service == "ce" ? "ce" : page.Service;
            collector.Add(f.Call(t, session, service, page.Name, region, sourceIp, agent, true, page.Request(f), fromConsole: true));
        }

        return t;
    }
}
