using NotebookHelpers.Aws.Athena;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>
/// A loopback account whose trail bucket holds the sample incident's organization trail and whose Athena has the
/// table <c>nbh athena-table</c> makes over it (<c>security.org_trail</c>, workgroup <c>ir</c> writing to
/// <c>s3://ir-results/</c>); Athena evaluates the <c>athena:</c> source's query over those files, and the Logs
/// Insights queries registered with <see cref="Twin"/> in embedded DuckDB (<see cref="DuckDbAthenaTwin"/>).
/// </summary>
public sealed class SampleTrailAthena : IAsyncDisposable
{
    /// <summary>The trail bucket.</summary>
    public const string Bucket = "org-trail-logs";

    /// <summary>The sample's organization.</summary>
    public const string Organization = "o-7pq2xk4m9d";

    /// <summary>The source parameter that reads this account's table.</summary>
    public const string Source = "athena:security.org_trail?workgroup=ir";

    /// <summary>The sample's trail folder.</summary>
    public static readonly string TrailFolder = Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "trail-s3");

    /// <summary>The sample's table.</summary>
    public const string Table = "security.org_trail";

    private SampleTrailAthena(FakeAwsServer server, FakeAthena athena, FakeS3Bucket bucket, DuckDbAthenaTwin twin)
    {
        Server = server;
        Athena = athena;
        Bucket_ = bucket;
        Twin = twin;
    }

    /// <summary>Evaluates the registered Logs Insights queries' Trino renderings.</summary>
    public DuckDbAthenaTwin Twin { get; }

    /// <summary>The loopback server (S3 and Athena).</summary>
    public FakeAwsServer Server { get; }

    /// <summary>Its Athena.</summary>
    public FakeAthena Athena { get; }

    /// <summary>Its trail bucket.</summary>
    public FakeS3Bucket Bucket_ { get; }

    /// <summary>
    /// Starts the account. Its executions succeed at the first poll unless <paramref name="queuedPolls"/> and
    /// <paramref name="runningPolls"/> say otherwise: every poll that does not end the query costs nbh a real wait
    /// (0.5 s, then half as long again each time), so only a test about the state walk asks for one.
    /// </summary>
    public static async Task<SampleTrailAthena> StartAsync(int queuedPolls = 0, int runningPolls = 0)
    {
        var bucket = new FakeS3Bucket(Bucket, pageSize: 1000);
        var objects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(TrailFolder, "*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(TrailFolder, file).Replace('\\', '/');
            bucket.Put(key, File.ReadAllBytes(file));
            objects[key] = file;
        }

        var twin = new DuckDbAthenaTwin(objects, Bucket, Table);
        var athena = new FakeAthena(sql => sql.StartsWith("SELECT DISTINCT \"$path\"", StringComparison.Ordinal) ? SampleTrailKeyFiles.Evaluate(sql, TrailFolder, Bucket) : twin.Evaluate(sql))
        {
            QueuedPolls = queuedPolls,
            RunningPolls = runningPolls,
            WorkGroups = new Dictionary<string, string?> { ["primary"] = null, ["ir"] = "s3://ir-results/" },
        };
        athena.CreateTable(CloudTrailTableDdl.Render(new CloudTrailTableSpec
        {
            Bucket = Bucket,
            OrganizationId = Organization,
            Accounts = [.. Directory.GetDirectories(Path.Combine(TrailFolder, "AWSLogs", Organization)).Select(d => Path.GetFileName(d)!)],
            Database = "security",
            Table = "org_trail",
        }));
        var server = await FakeAwsServer.StartAsync(r => r.Service == "s3" ? bucket.Handle(r) : athena.Handle(r));
        return new SampleTrailAthena(server, athena, bucket, twin);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
