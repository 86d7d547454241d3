using System.Text;
using NotebookHelpers.Aws.CloudTrail;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Aws;

public sealed class EventHistorySweepTests : IDisposable
{
    private static readonly LookupAttribute Key = new(LookupAttributeKey.AccessKeyId, "AKIAEXPOSEDKEY000001");
    private static readonly DateTimeOffset Start = new(2023, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2023, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nbh-lookup-" + Guid.NewGuid().ToString("N"));

    private static EventHistorySweepOptions Fast => new() { RequestsPerSecondPerRegion = 200 };

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            foreach (var file in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task FollowsNextTokenInEveryRegionAndSavesEachPageRaw()
    {
        var history = new FakeEventHistory(new() { ["us-east-1"] = 3, ["eu-west-1"] = 1, ["ap-southeast-2"] = 2 });
        await using var server = await FakeAwsServer.StartAsync(history.Handle);
        using var session = TestAws.Session(server);
        var evidence = EvidenceDirectory.Open(_folder);

        var result = await new EventHistorySweep(new CloudTrailClient(session.Sender), evidence, Fast)
            .RunAsync(["us-east-1", "eu-west-1", "ap-southeast-2"], Key, Start, End);

        Assert.True(result.IsComplete);
        Assert.Equal([3, 1, 2], result.Regions.Select(r => r.Pages));
        Assert.Equal(12, result.Events);
        Assert.Equal(6, result.PagePaths.Count);
        var firstPage = result.PagePaths[0];
        Assert.Equal("lookup/AccessKeyId=AKIAEXPOSEDKEY000001/20231101T000000Z--20231130T000000Z/us-east-1/page-0001.json", firstPage);
        Assert.Equal(FakeEventHistory.PageBody("us-east-1", 0, 3), Encoding.UTF8.GetString(File.ReadAllBytes(evidence.FullPath(firstPage))));
        var entry = evidence.TryGet(firstPage)!;
        Assert.Contains("LookupEvents region=us-east-1 AccessKeyId=AKIAEXPOSEDKEY000001", entry.Source, StringComparison.Ordinal);
        Assert.Empty(await evidence.VerifyAsync());

        var requests = server.Requests.Where(r => r.Region == "us-east-1").ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(server.Requests, r =>
        {
            Assert.True(r.Signature.IsValid, r.Signature.Problem);
            Assert.Equal("cloudtrail", r.Service);
            Assert.Equal("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents", r.Target);
            var body = r.Json;
            Assert.Equal(50, body.GetProperty("MaxResults").GetInt32());
            var attribute = Assert.Single(body.GetProperty("LookupAttributes").EnumerateArray());
            Assert.Equal("AccessKeyId", attribute.GetProperty("AttributeKey").GetString());
            Assert.Equal("AKIAEXPOSEDKEY000001", attribute.GetProperty("AttributeValue").GetString());
            Assert.Equal(Start.ToUnixTimeSeconds(), body.GetProperty("StartTime").GetInt64());
            Assert.Equal(End.ToUnixTimeSeconds(), body.GetProperty("EndTime").GetInt64());
        });
        Assert.False(requests[0].Json.TryGetProperty("NextToken", out _));
        Assert.Equal(FakeEventHistory.Token("us-east-1", 1), requests[1].Json.GetProperty("NextToken").GetString());
        Assert.Equal(FakeEventHistory.Token("us-east-1", 2), requests[2].Json.GetProperty("NextToken").GetString());
    }

    [Fact]
    public async Task KeepsEachRegionUnderTwoRequestsPerSecondWhileRegionsRunInParallel()
    {
        var history = new FakeEventHistory(new() { ["us-east-1"] = 4, ["eu-west-1"] = 4 });
        await using var server = await FakeAwsServer.StartAsync(history.Handle);
        using var session = TestAws.Session(server);

        await new EventHistorySweep(new CloudTrailClient(session.Sender), EvidenceDirectory.Open(_folder))
            .RunAsync(["us-east-1", "eu-west-1"], Key, Start, End);

        // Measured where AWS counts: arrival times at the server. Tolerances absorb network jitter on a busy machine.
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
        {
            var times = server.Requests.Where(r => r.Region == region).Select(r => r.ReceivedAt.TotalSeconds).ToList();
            Assert.Equal(4, times.Count);
            var rate = (times.Count - 1) / (times[^1] - times[0]);
            Assert.True(rate <= 2.0, $"{region}: {rate:0.00} requests/s");
            for (var i = 2; i < times.Count; i++)
            {
                Assert.True(times[i] - times[i - 2] >= 0.9, $"{region}: three requests within {times[i] - times[i - 2]:0.000} s");
            }
        }

        // In parallel, each region's first page is asked for before the other region's last one; one after the other,
        // a whole region would come first. (Each region spans at least 1.5 s, so this holds on a busy machine too.)
        var byRegion = server.Requests.GroupBy(r => r.Region).Select(g => (First: g.Min(r => r.ReceivedAt), Last: g.Max(r => r.ReceivedAt))).ToList();
        Assert.True(byRegion.Max(r => r.First) < byRegion.Min(r => r.Last), "the regions were swept one after the other, not in parallel");
    }

    [Fact]
    public async Task RetriesAThrottledPageAndKeepsPacingTheRetry()
    {
        var throttled = 0;
        var history = new FakeEventHistory(new() { ["us-east-1"] = 2 })
        {
            Fault = (_, token) => token is not null && Interlocked.Increment(ref throttled) <= 2
                ? FakeResponse.JsonError("ThrottlingException", "Rate exceeded")
                : null,
        };
        await using var server = await FakeAwsServer.StartAsync(history.Handle);
        using var session = TestAws.Session(server);

        var result = await new EventHistorySweep(new CloudTrailClient(session.Sender), EvidenceDirectory.Open(_folder), new() { RequestsPerSecondPerRegion = 5 })
            .RunAsync(["us-east-1"], Key, Start, End);

        Assert.True(result.IsComplete);
        Assert.Equal(2, result.Regions[0].Pages);
        var times = server.Requests.Select(r => r.ReceivedAt).ToList();
        Assert.Equal(4, times.Count);
        var span = (times[^1] - times[0]).TotalSeconds;
        Assert.True(span >= 0.5, $"4 requests (2 of them retries) within {span:0.000} s: the retries were not paced at 5 requests/s");
    }

    [Fact]
    public async Task ResumesAnInterruptedSweepFromTheLastSavedPage()
    {
        var broken = new FakeEventHistory(new() { ["us-east-1"] = 4, ["eu-west-1"] = 2 })
        {
            Fault = (region, token) => region == "us-east-1" && token == FakeEventHistory.Token("us-east-1", 2)
                ? FakeResponse.JsonError("InternalFailure", "We encountered an internal error.", 500)
                : null,
        };
        EventHistorySweepResult first;
        await using (var server = await FakeAwsServer.StartAsync(broken.Handle))
        {
            using var session = TestAws.Session(server);
            first = await new EventHistorySweep(new CloudTrailClient(session.Sender), EvidenceDirectory.Open(_folder), Fast)
                .RunAsync(["us-east-1", "eu-west-1"], Key, Start, null);
        }

        Assert.False(first.IsComplete);
        Assert.Equal(2, first.Regions[0].Pages);
        Assert.Contains("InternalFailure", first.Regions[0].Error, StringComparison.Ordinal);
        Assert.True(first.Regions[1].IsComplete);

        var healthy = new FakeEventHistory(new() { ["us-east-1"] = 4, ["eu-west-1"] = 2 });
        await using var again = await FakeAwsServer.StartAsync(healthy.Handle);
        using var againSession = TestAws.Session(again);
        var second = await new EventHistorySweep(new CloudTrailClient(againSession.Sender), EvidenceDirectory.Open(_folder), Fast)
            .RunAsync(["us-east-1", "eu-west-1"], Key, Start, null);

        Assert.True(second.IsComplete);
        Assert.Equal(first.End, second.End);
        Assert.Equal((4, 2), (second.Regions[0].Pages, second.Regions[0].ResumedPages));
        Assert.Equal((2, 2), (second.Regions[1].Pages, second.Regions[1].ResumedPages));
        var requests = again.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("us-east-1", r.Region));
        Assert.Equal(FakeEventHistory.Token("us-east-1", 2), requests[0].Json.GetProperty("NextToken").GetString());
        Assert.Equal(first.End.ToUnixTimeSeconds(), requests[0].Json.GetProperty("EndTime").GetInt64());
    }

    [Fact]
    public void ResumesFromTheLastPageNumberNotTheLastNameOncePagesPassTenThousand()
    {
        // A resumed sweep takes its NextToken from the last saved page: page-10000, not page-9999.
        var saved = new[] { "r/page-10001.json", "r/page-0002.json", "r/page-9999.json", "r/page-10000.json", "r/page-0001.json" };

        Assert.Equal(["r/page-0001.json", "r/page-0002.json", "r/page-9999.json", "r/page-10000.json", "r/page-10001.json"], EventHistorySweep.InPageOrder(saved));
    }

    [Fact]
    public async Task KeepsSweepingOtherRegionsWhenOneDeniesAccess()
    {
        var history = new FakeEventHistory(new() { ["us-east-1"] = 1, ["eu-west-1"] = 1 })
        {
            Fault = (region, _) => region == "eu-west-1"
                ? FakeResponse.JsonError("AccessDeniedException", "User: arn:aws:iam::111122223333:user/analyst is not authorized to perform: cloudtrail:LookupEvents", 400)
                : null,
        };
        await using var server = await FakeAwsServer.StartAsync(history.Handle);
        using var session = TestAws.Session(server);

        var result = await new EventHistorySweep(new CloudTrailClient(session.Sender), EvidenceDirectory.Open(_folder), Fast)
            .RunAsync(["us-east-1", "eu-west-1"], Key, Start, End);

        Assert.False(result.IsComplete);
        Assert.True(result.Regions[0].IsComplete);
        Assert.Equal(
            "cloudtrail:LookupEvents in eu-west-1: AccessDeniedException: User: arn:aws:iam::111122223333:user/analyst is not authorized to perform: cloudtrail:LookupEvents → grant cloudtrail:LookupEvents to the credentials you use (or use an incident-response role).",
            result.Regions[1].Error);
    }
}
