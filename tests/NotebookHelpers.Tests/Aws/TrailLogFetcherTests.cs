using System.Text;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.S3;
using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Aws;

public sealed class TrailLogFetcherTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2023, 11, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2023, 11, 6, 20, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nbh-s3-" + Guid.NewGuid().ToString("N"));

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

    private static FakeS3Bucket TrailBucket()
    {
        var bucket = new FakeS3Bucket("org-trail-logs", pageSize: 2);
        foreach (var (account, region, day, n) in new[]
        {
            ("111122223333", "us-east-1", "05", 3), ("111122223333", "us-east-1", "06", 1), ("111122223333", "us-east-1", "07", 1),
            ("111122223333", "eu-west-1", "05", 2), ("444455556666", "us-east-1", "06", 1),
        })
        {
            for (var i = 0; i < n; i++)
            {
                bucket.Put(
                    $"trail/AWSLogs/o-abc123/{account}/CloudTrail/{region}/2023/11/{day}/{account}_CloudTrail_{region}_202311{day}T10{i}0Z_x{i}.json.gz",
                    $"{{\"Records\":[{{\"eventID\":\"{account}-{region}-{day}-{i}\"}}]}}");
            }
        }

        bucket.Put("trail/AWSLogs/o-abc123/111122223333/CloudTrail/us-east-1/2023/11/04/too-early.json.gz", "{}");
        bucket.Put("trail/AWSLogs/o-abc123/111122223333/CloudTrail/us-east-1/2023/11/09/too-late.json.gz", "{}");
        return bucket;
    }

    [Fact]
    public async Task DownloadsEveryDayOfEveryAccountAndRegionOfAnOrganizationTrailFollowingContinuationTokens()
    {
        var bucket = TrailBucket();
        await using var server = await FakeAwsServer.StartAsync(bucket.Handle);
        using var session = TestAws.Session(server, "us-east-1");
        var evidence = EvidenceDirectory.Open(_folder);
        using var s3 = session.CreateS3Client();

        var result = await new TrailLogFetcher(s3, evidence, parallelDownloads: 3)
            .FetchAsync(new TrailFetchRequest(S3Location.Parse("s3://org-trail-logs/trail"), Start, End, [], []), null, CancellationToken.None);

        Assert.True(result.IsComplete, string.Join("\n", result.Problems));
        Assert.Equal((8, 8, 0), (result.Listed, result.Downloaded, result.Skipped));
        Assert.DoesNotContain(result.Paths, p => p.Contains("too-", StringComparison.Ordinal));
        var saved = "s3/org-trail-logs/trail/AWSLogs/o-abc123/111122223333/CloudTrail/us-east-1/2023/11/07/111122223333_CloudTrail_us-east-1_20231107T1000Z_x0.json.gz";
        Assert.Contains(saved, result.Paths);
        Assert.Equal("{\"Records\":[{\"eventID\":\"111122223333-us-east-1-07-0\"}]}", Encoding.UTF8.GetString(File.ReadAllBytes(evidence.FullPath(saved))));
        Assert.Equal(FakeS3Bucket.ETagOf(File.ReadAllBytes(evidence.FullPath(saved))), evidence.TryGet(saved)!.ETag);
        Assert.Contains(server.Requests, r => r.RawTarget.Contains("continuation-token=", StringComparison.Ordinal));
        Assert.All(server.Requests, r =>
        {
            Assert.True(r.Signature.IsValid, r.Signature.Problem + " " + r.RawTarget);
            Assert.Equal(("s3", "us-east-1"), (r.Service, r.Region));
        });
    }

    [Fact]
    public async Task SkipsObjectsAlreadySavedWithTheSameETagAndSize()
    {
        var bucket = TrailBucket();
        await using var server = await FakeAwsServer.StartAsync(bucket.Handle);
        using var session = TestAws.Session(server);
        using var s3 = session.CreateS3Client();
        var request = new TrailFetchRequest(S3Location.Parse("s3://org-trail-logs/trail/"), Start, End, ["111122223333"], ["us-east-1"]);
        await new TrailLogFetcher(s3, EvidenceDirectory.Open(_folder)).FetchAsync(request, null, CancellationToken.None);
        bucket.Downloads.Clear();
        bucket.Put("trail/AWSLogs/o-abc123/111122223333/CloudTrail/us-east-1/2023/11/06/111122223333_CloudTrail_us-east-1_20231106T1000Z_x0.json.gz", "{\"Records\":[]}");

        var again = await new TrailLogFetcher(s3, EvidenceDirectory.Open(_folder)).FetchAsync(request, null, CancellationToken.None);

        Assert.Equal((5, 1, 4), (again.Listed, again.Downloaded, again.Skipped));
        Assert.Equal(["trail/AWSLogs/o-abc123/111122223333/CloudTrail/us-east-1/2023/11/06/111122223333_CloudTrail_us-east-1_20231106T1000Z_x0.json.gz"], bucket.Downloads);
        Assert.Contains(again.Problems, p => p.Contains("changed since it was saved", StringComparison.Ordinal));
        Assert.Contains(again.Paths, p => p.Contains(".etag-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChangedObjectIsDownloadedOnceAndItsNewVersionSkippedOnLaterRuns()
    {
        var bucket = TrailBucket();
        await using var server = await FakeAwsServer.StartAsync(bucket.Handle);
        using var session = TestAws.Session(server);
        using var s3 = session.CreateS3Client();
        var request = new TrailFetchRequest(S3Location.Parse("s3://org-trail-logs/trail/"), Start, End, ["111122223333"], ["us-east-1"]);
        await new TrailLogFetcher(s3, EvidenceDirectory.Open(_folder)).FetchAsync(request, null, CancellationToken.None);
        bucket.Put("trail/AWSLogs/o-abc123/111122223333/CloudTrail/us-east-1/2023/11/06/111122223333_CloudTrail_us-east-1_20231106T1000Z_x0.json.gz", "{\"Records\":[]}");
        await new TrailLogFetcher(s3, EvidenceDirectory.Open(_folder)).FetchAsync(request, null, CancellationToken.None);
        bucket.Downloads.Clear();

        var third = await new TrailLogFetcher(s3, EvidenceDirectory.Open(_folder)).FetchAsync(request, null, CancellationToken.None);

        Assert.Equal((5, 0, 5), (third.Listed, third.Downloaded, third.Skipped));
        Assert.Empty(bucket.Downloads);
        Assert.Contains(third.Problems, p => p.Contains("changed since it was saved", StringComparison.Ordinal));
        Assert.Contains(third.Paths, p => p.Contains(".etag-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportsABucketThatDoesNotExist()
    {
        await using var server = await FakeAwsServer.StartAsync(TrailBucket().Handle);
        using var session = TestAws.Session(server);
        using var s3 = session.CreateS3Client();

        var result = await new TrailLogFetcher(s3, EvidenceDirectory.Open(_folder))
            .FetchAsync(new TrailFetchRequest(S3Location.Parse("s3://nope"), Start, End, [], []), null, CancellationToken.None);

        Assert.False(result.IsComplete);
        Assert.Contains("NoSuchBucket", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://b", "b", "")]
    [InlineData("s3://b/p", "b", "p/")]
    [InlineData("s3://b/p/q/", "b", "p/q/")]
    public void ParsesS3Locations(string text, string bucket, string prefix) =>
        Assert.Equal(new S3Location(bucket, prefix), S3Location.Parse(text));

    [Fact]
    public void KeepsHostileKeysInsideTheEvidenceFolder() =>
        Assert.Equal("s3/b/AWSLogs/%2E%2E/%2E%2E/etc/passwd%3F", TrailLogFetcher.EvidencePathOf("b", "AWSLogs/../../etc/passwd?"));
}
