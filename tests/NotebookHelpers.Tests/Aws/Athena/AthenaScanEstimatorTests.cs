using NotebookHelpers.Aws.Athena;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Aws.Athena;

/// <summary>
/// What a query will scan, found before it runs: the sample organization trail's files in a loopback bucket, a table
/// made by nbh athena-table's statement, and the partitions a time range, accounts and regions select.
/// </summary>
public sealed class AthenaScanEstimatorTests
{
    private const string Org = "o-7pq2xk4m9d";
    private const string Victim = "318204759611";
    private static readonly string TrailFolder = Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "trail-s3");
    private static readonly TimeRange Tuesday = new(new DateTimeOffset(2025, 3, 10, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 10, 20, 0, 0, TimeSpan.Zero));

    private static FakeS3Bucket SampleBucket()
    {
        var bucket = new FakeS3Bucket("org-trail-logs", pageSize: 3);
        foreach (var file in Directory.EnumerateFiles(TrailFolder, "*", SearchOption.AllDirectories))
        {
            bucket.Put(Path.GetRelativePath(TrailFolder, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }

        return bucket;
    }

    // Independently of the template: the trail's log files (not digests) of an account on the folder days given.
    private static (long Bytes, int Count) SampleFiles(string account, params string[] days)
    {
        var files = Directory.EnumerateFiles(Path.Combine(TrailFolder, "AWSLogs", Org, account, "CloudTrail"), "*", SearchOption.AllDirectories)
            .Where(f => days.Any(d => f.Replace('\\', '/').Contains("/" + d + "/", StringComparison.Ordinal)))
            .ToList();
        return (files.Sum(f => new FileInfo(f).Length), files.Count);
    }

    private static async Task<(AthenaScanEstimate Estimate, FakeAwsServer Server)> EstimateAsync(CloudTrailTableSpec spec, CloudTrailPartitionFilter filter, int maxPartitions = 2000)
    {
        var bucket = SampleBucket();
        var athena = new FakeAthena(sql => throw new FakeAthena.QueryFailure("no query expected: " + sql));
        athena.CreateTable(CloudTrailTableDdl.Render(spec));
        var server = await FakeAwsServer.StartAsync(r => r.Service == "s3" ? bucket.Handle(r) : athena.Handle(r));
        using var session = TestAws.Session(server);
        var table = await new AthenaClient(session.Sender).GetTableMetadataAsync("us-east-1", null, spec.Database, spec.Table, CancellationToken.None);
        using var s3 = session.CreateS3Client();
        var estimate = await new AthenaScanEstimator(s3) { MaxPartitions = maxPartitions }.EstimateAsync(table, filter, CancellationToken.None);
        return (estimate, server);
    }

    private static CloudTrailTableSpec Spec(IReadOnlyList<string>? accounts = null) => new()
    {
        Bucket = "org-trail-logs",
        OrganizationId = Org,
        Accounts = accounts ?? Directory.GetDirectories(Path.Combine(TrailFolder, "AWSLogs", Org)).Select(d => Path.GetFileName(d)!).ToList(),
        Database = "security",
        Table = "org_trail",
    };

    [Fact]
    public async Task TheEstimateIsEveryFileInTheSelectedAccountRegionAndDayFoldersWithADayOfPaddingEachSide()
    {
        var filter = CloudTrailPartitionFilter.For(Tuesday, [Victim], null, DateTimeOffset.UnixEpoch);

        var (estimate, server) = await EstimateAsync(Spec(), filter);
        await using var _ = server;

        var expected = SampleFiles(Victim, "2025/03/09", "2025/03/10", "2025/03/11");
        Assert.True(expected.Count > 0);
        Assert.True(expected.Bytes < SampleFiles(Victim, "2025/03/07", "2025/03/08", "2025/03/09", "2025/03/10", "2025/03/11", "2025/03/12").Bytes);
        Assert.Equal(expected.Bytes, estimate.Bytes);
        Assert.Equal(expected.Count, estimate.Objects);
        Assert.Equal(3 * NotebookHelpers.Aws.Credentials.AwsRegionName.Commercial.Count, estimate.Partitions);
        Assert.Contains("2025/03/09..2025/03/11", estimate.ToString(), StringComparison.Ordinal);
        Assert.All(server.Requests.Where(r => r.Service == "s3"), r => Assert.Contains("prefix=AWSLogs%2F" + Org + "%2F" + Victim + "%2FCloudTrail%2F", r.RawTarget, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInjectedAccountPartitionThatTheQueryDoesNotNameCannotBeEstimated()
    {
        var filter = CloudTrailPartitionFilter.For(Tuesday, null, ["us-east-1"], DateTimeOffset.UnixEpoch);

        var (estimate, server) = await EstimateAsync(Spec(accounts: []), filter);
        await using var _ = server;

        Assert.False(estimate.IsKnown);
        Assert.Contains("does not list its accounts (an injected projection) and the query names none", estimate.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Service == "s3");
    }

    [Fact]
    public async Task MorePartitionsThanTheListingBoundAreNotListed()
    {
        var filter = CloudTrailPartitionFilter.For(Tuesday, null, null, DateTimeOffset.UnixEpoch);

        var (estimate, server) = await EstimateAsync(Spec(), filter, maxPartitions: 100);
        await using var _ = server;

        Assert.False(estimate.IsKnown);
        Assert.Equal($"{Spec().Accounts.Count * 3 * NotebookHelpers.Aws.Credentials.AwsRegionName.Commercial.Count:N0} partitions are more than the 100 listed before a query", estimate.Explanation);
        Assert.DoesNotContain(server.Requests, r => r.Service == "s3");
    }
}
