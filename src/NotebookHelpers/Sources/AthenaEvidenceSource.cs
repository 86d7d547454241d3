using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Athena;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.S3;
using NotebookHelpers.Evidence;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.Sources;

/// <summary>
/// <c>athena:DATABASE.TABLE</c>: a trail bucket too large to download, queried where it lies. Athena finds the log files
/// that hold the investigated key's events (<see cref="CloudTrailKeyFilesQuery"/>, bounded by the partitions of the time
/// range), those files are downloaded whole into the evidence folder, and the keys and sessions the key spawned
/// (<see cref="BlastRadiusBuilder"/> over what came back) are looked up the same way, round after round, until no new
/// key appears. Everything else then runs locally over those files, as for <c>s3://</c>. Before each query the scan
/// is estimated from the partitions' objects when it can be, and a query past the bound is refused or stopped.
/// </summary>
public sealed class AthenaEvidenceSource : FetchedEvidenceSource
{
    /// <summary>The most rounds of spawned keys looked up.</summary>
    public const int MaxRounds = 4;

    private readonly AthenaSourceName _name;

    /// <summary>Creates the source.</summary>
    /// <exception cref="ArgumentException">The parameter is not valid, the options give no key, or the range no start.</exception>
    public AthenaEvidenceSource(string parameter, EvidenceSourceOptions options)
        : base(parameter, options)
    {
        _name = AthenaSourceName.Parse(parameter);
        if (string.IsNullOrWhiteSpace(options.AccessKeyId))
        {
            throw new ArgumentException($"'{parameter}' reads only the investigated key's events: give the access key id (AccessKeyId).", nameof(options));
        }

        if (options.Range.Start is null)
        {
            throw new ArgumentException($"'{parameter}': give a start time (Start): it bounds the days Athena reads.", nameof(options));
        }
    }

    /// <inheritdoc />
    public override string Description => _name.ToString();

    /// <summary>What each Athena query scanned and cost, in order (for the notebook and the report).</summary>
    public IReadOnlyList<string> QueryCosts => _costs;

    private readonly List<string> _costs = [];

    /// <inheritdoc />
    protected override async Task<(IReadOnlyList<string> Paths, IReadOnlyList<string> Problems)> FetchAsync(
        AwsSession session, EvidenceDirectory evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(evidence);
        var client = new AthenaClient(session.Sender);
        var table = await client.GetTableMetadataAsync(session.Region, _name.Options.Catalog, _name.Database, _name.Table, cancellationToken).ConfigureAwait(false);
        var filter = CloudTrailPartitionFilter.For(Options.Range, _name.Accounts, _name.Regions, DateTimeOffset.UtcNow);
        using var s3 = session.CreateS3Client();
        var estimate = await new AthenaScanEstimator(s3).EstimateAsync(table, filter, cancellationToken).ConfigureAwait(false);
        Report($"{Description}: partitions {filter}; each query will scan {estimate}");
        estimate.EnsureWithin(_name.Options.MaxScanBytes, Description, "Start/End, accounts= or regions=");

        var executor = new AthenaQueryExecutor(client, session.Region, _name.Options, evidence);
        var fetcher = new TrailLogFetcher(s3, evidence);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var key = Options.AccessKeyId!.Trim();
        var asked = new CloudTrailIdentities([], [], []);
        var next = new CloudTrailIdentities([key], [], []);
        for (var round = 1; !next.IsEmpty && round <= MaxRounds; round++)
        {
            asked = asked.Union(next);
            var sql = CloudTrailKeyFilesQuery.Render(_name.Database, _name.Table, next, filter, table.PartitionKeys);
            var outcome = await executor.ExecuteAsync(sql, new Progress<string>(Report), cancellationToken).ConfigureAwait(false);
            _costs.Add($"query {outcome.Execution.Id} ({next}): {outcome.Cost}");
            Report($"{Description}: round {round}, {outcome.Rows.Count} files hold events of {next}; {outcome.Cost}");
            problems.AddRange(outcome.Warnings);
            foreach (var group in outcome.Rows.Select(r => r.Count > 0 ? r[0] : null).OfType<string>().Select(SplitPath).GroupBy(p => p.Bucket, StringComparer.Ordinal))
            {
                var result = await fetcher.FetchKeysAsync(group.Key, [.. group.Select(p => p.Key)], null, cancellationToken).ConfigureAwait(false);
                paths.UnionWith(result.Paths);
                problems.AddRange(result.Problems);
            }

            // What the key spawned (keys, sessions, users, roles), found in what came back, is looked up next.
            var events = new EvidenceReader(new EvidenceReaderOptions { TimeRange = Options.Range }).ReadEvents([.. paths.Select(evidence.FullPath)], cancellationToken).ToList();
            next = Spawned(BlastRadiusBuilder.Build(events, key)).Except(asked);
            if (round == MaxRounds && !next.IsEmpty)
            {
                problems.Add($"after {MaxRounds} rounds, these spawned identities were not looked up: {next}; query them with nbh query --engine athena.");
            }
        }

        return ([.. paths], problems);
    }

    // Every key, session, user and role in the blast radius; those already asked for are dropped by the caller.
    private static CloudTrailIdentities Spawned(BlastRadiusGraph graph) => new(
        [.. graph.AccessKeyIds],
        [.. graph.OfKind(BlastRadiusNodeKind.User).Select(n => n.Id["user:".Length..])],
        [.. graph.OfKind(BlastRadiusNodeKind.Role).Select(n => n.Id["role:".Length..])]);

    private void Report(string line) => Options.Progress?.Report(line);

    private static (string Bucket, string Key) SplitPath(string path)
    {
        var location = S3Location.Parse(path);
        return (location.Bucket, location.Prefix.TrimEnd('/'));
    }
}
