using System.Collections.Concurrent;
using System.Globalization;
using Amazon.S3;
using Amazon.S3.Model;

namespace NotebookHelpers.Aws.Athena;

/// <summary>
/// Finds out before a query runs what it will scan on a CloudTrail table with partition projection: the table's
/// <c>storage.location.template</c> expanded for every account, region and day the query's partition filter selects
/// (enum projections give the accounts and regions it does not name), each folder listed with ListObjectsV2 and the
/// sizes added. Athena reads each selected JSON file whole (JSON has no column pruning), so this is what it scans.
/// It cannot be known for a table without a template, for an injected account partition the query does not name,
/// or past <see cref="MaxPartitions"/> folders; the running query's statistics are then the only bound.
/// </summary>
public sealed class AthenaScanEstimator
{
    private readonly IAmazonS3 _s3;

    /// <summary>Creates an estimator that lists with <paramref name="s3"/>.</summary>
    public AthenaScanEstimator(IAmazonS3 s3)
    {
        ArgumentNullException.ThrowIfNull(s3);
        _s3 = s3;
    }

    /// <summary>The most partition folders listed for one estimate.</summary>
    public int MaxPartitions { get; init; } = 2000;

    /// <summary>Folders listed at once.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>What a query with <paramref name="filter"/> on <paramref name="table"/> will scan.</summary>
    public async Task<AthenaScanEstimate> EstimateAsync(AthenaTableMetadata table, CloudTrailPartitionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(filter);
        var template = table.Parameter("storage.location.template");
        if (template is null || !template.StartsWith("s3://", StringComparison.Ordinal) || !template.Contains("${timestamp}", StringComparison.Ordinal))
        {
            return AthenaScanEstimate.Unknown($"table {table.Name} has no storage.location.template with ${{timestamp}}");
        }

        if (!string.Equals(table.Parameter("projection.timestamp.format"), "yyyy/MM/dd", StringComparison.Ordinal))
        {
            return AthenaScanEstimate.Unknown($"table {table.Name}'s day partitions are not yyyy/MM/dd");
        }

        var accounts = Values(template, "account", filter.Accounts, table);
        var regions = Values(template, "region", filter.Regions, table);
        if (accounts is null || regions is null)
        {
            return AthenaScanEstimate.Unknown(
                $"table {table.Name} does not list its {(accounts is null ? "accounts" : "regions")} (an injected projection) and the query names none");
        }

        var folders = (from account in accounts
                       from region in regions
                       from day in filter.Days
                       select template.Replace("${account}", account, StringComparison.Ordinal)
                           .Replace("${region}", region, StringComparison.Ordinal)
                           .Replace("${timestamp}", CloudTrailPartitionFilter.Folder(day), StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        if (folders.Count > MaxPartitions)
        {
            return AthenaScanEstimate.Unknown(string.Create(CultureInfo.InvariantCulture,
                $"{folders.Count:N0} partitions are more than the {MaxPartitions:N0} listed before a query"));
        }

        long bytes = 0;
        var objects = 0;
        var problems = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(folders, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (folder, ct) =>
        {
            var (bucket, prefix) = Split(folder);
            string? token = null;
            do
            {
                var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, ContinuationToken = token }, ct).ConfigureAwait(false);
                foreach (var item in page.S3Objects ?? [])
                {
                    Interlocked.Add(ref bytes, item.Size ?? 0);
                    Interlocked.Increment(ref objects);
                }

                token = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (token is not null);
        }).ConfigureAwait(false);
        return new AthenaScanEstimate(bytes, objects, folders.Count, $"listed s3://…/{{account}}/CloudTrail/{{region}}/{{day}} for {filter}");
    }

    // The values of a template variable: those the query names, else the table's enum; null when neither is known.
    // A template without the variable needs none.
    private static IReadOnlyList<string>? Values(string template, string column, IReadOnlyList<string> named, AthenaTableMetadata table) =>
        !template.Contains("${" + column + "}", StringComparison.Ordinal) ? [""]
        : named.Count > 0 ? named
        : table.EnumValues(column);

    private static (string Bucket, string Prefix) Split(string folder)
    {
        var rest = folder["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (rest, "") : (rest[..slash], rest[(slash + 1)..].TrimEnd('/') + "/");
    }
}
