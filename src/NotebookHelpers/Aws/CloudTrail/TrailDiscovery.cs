using System.Collections.Concurrent;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>
/// Finds every trail visible from the given regions (DescribeTrails in each, in parallel), reads each trail's status
/// and event selectors in its home region, and states what evidence can exist (<see cref="TrailVerdict"/>), so a
/// notebook finds the log group and the bucket by itself.
/// </summary>
public sealed class TrailDiscovery
{
    private readonly CloudTrailClient _client;

    /// <summary>Creates the discovery over a CloudTrail client.</summary>
    public TrailDiscovery(CloudTrailClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>Discovers trails in <paramref name="regions"/>; <paramref name="incidentStart"/> sharpens the verdict.</summary>
    public async Task<TrailDiscoveryResult> DiscoverAsync(IReadOnlyList<string> regions, DateTimeOffset? incidentStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var trails = new ConcurrentDictionary<string, TrailInfo>(StringComparer.Ordinal);
        var failures = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var checkedRegions = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(regions, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (region, ct) =>
        {
            try
            {
                foreach (var trail in await _client.DescribeTrailsAsync(region, ct).ConfigureAwait(false))
                {
                    trails.TryAdd(trail.Arn, trail);
                }

                checkedRegions.Add(region);
            }
            catch (AwsServiceException e)
            {
                failures[region] = AwsErrorAdvice.Describe(e);
            }
        }).ConfigureAwait(false);

        var reports = new List<TrailReport>();
        foreach (var trail in trails.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var problems = new List<string>();
            var status = await TryAsync(() => _client.GetTrailStatusAsync(trail.HomeRegion, trail.Arn, cancellationToken), problems).ConfigureAwait(false);
            var coverage = await TryAsync(() => _client.GetEventSelectorsAsync(trail.HomeRegion, trail.Arn, cancellationToken), problems).ConfigureAwait(false);
            reports.Add(new TrailReport(trail, status, coverage, problems));
        }

        var swept = checkedRegions.Order(StringComparer.Ordinal).ToList();
        var verdict = new List<string>(TrailVerdict.Describe(reports, swept, incidentStart));
        verdict.AddRange(failures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"INCOMPLETE: trails in {f.Key} could not be listed: {f.Value}"));
        return new TrailDiscoveryResult(reports, swept, failures, verdict);
    }

    private static async Task<T?> TryAsync<T>(Func<Task<T>> call, List<string> problems)
        where T : class
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            problems.Add(AwsErrorAdvice.Describe(e));
            return null;
        }
    }
}
