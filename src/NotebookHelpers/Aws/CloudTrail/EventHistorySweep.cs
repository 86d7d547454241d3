using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>
/// Sweeps CloudTrail Event History (LookupEvents) for one attribute in many regions at once, each region paced under
/// its 2 requests/second quota, throttling retried. Every page is saved raw to the evidence folder as
/// <c>lookup/KEY=VALUE/START--END/REGION/page-NNNN.json</c>; a sweep that was interrupted resumes from the NextToken
/// of its last saved page, with the same time range (kept in the sweep's <c>query.json</c>).
/// </summary>
public sealed class EventHistorySweep
{
    private const string QueryFileName = "query.json";
    private readonly CloudTrailClient _client;
    private readonly EvidenceDirectory _evidence;
    private readonly EventHistorySweepOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Creates a sweep that saves into <paramref name="evidence"/>.</summary>
    public EventHistorySweep(CloudTrailClient client, EvidenceDirectory evidence, EventHistorySweepOptions? options = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(evidence);
        _client = client;
        _evidence = evidence;
        _options = options ?? new EventHistorySweepOptions();
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The sweep folder (relative to the evidence folder) for an attribute (null: all events) and a requested range.</summary>
    public static string FolderFor(LookupAttribute? attribute, DateTimeOffset? start, DateTimeOffset? end) =>
        EvidenceRelativePath.Combine(
            "lookup",
            attribute is null ? "all" : EvidenceRelativePath.FromName($"{attribute.Key}={attribute.Value}").Replace("/", "%2F", StringComparison.Ordinal),
            $"{Stamp(start)}--{Stamp(end)}");

    /// <summary>
    /// Sweeps <paramref name="regions"/> for <paramref name="attribute"/> (null: every management event) over
    /// [start, end] (null end: now).
    /// </summary>
    public async Task<EventHistorySweepResult> RunAsync(
        IReadOnlyList<string> regions,
        LookupAttribute? attribute,
        DateTimeOffset? start,
        DateTimeOffset? end,
        IProgress<EventHistoryProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var folder = FolderFor(attribute, start, end);
        var query = await FixQueryAsync(folder, attribute, start, end, cancellationToken).ConfigureAwait(false);
        var outcomes = new EventHistoryRegionOutcome[regions.Count];
        var paths = new List<string>[regions.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, regions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelRegions), CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                paths[index] = [];
                outcomes[index] = await SweepRegionAsync(regions[index], attribute, query, folder, paths[index], progress, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return new EventHistorySweepResult(attribute, query.Start, query.End, folder, outcomes, [.. paths.SelectMany(p => p)]);
    }

    private async Task<EventHistoryRegionOutcome> SweepRegionAsync(
        string region,
        LookupAttribute? attribute,
        SweepQuery query,
        string folder,
        List<string> paths,
        IProgress<EventHistoryProgress>? progress,
        CancellationToken cancellationToken)
    {
        var regionFolder = EvidenceRelativePath.Combine(folder, EvidenceRelativePath.FromName(region));
        var pages = 0;
        long events = 0;
        string? token = null;
        foreach (var saved in SavedPages(regionFolder))
        {
            var page = LookupEventsPage.FromRaw(await File.ReadAllBytesAsync(_evidence.FullPath(saved), cancellationToken).ConfigureAwait(false));
            pages++;
            events += page.EventCount;
            token = page.NextToken;
            paths.Add(saved);
        }

        var resumed = pages;
        if (pages > 0 && token is null)
        {
            progress?.Report(new EventHistoryProgress(region, pages, events, $"{region}: complete in the evidence folder ({pages} pages)"));
            return new EventHistoryRegionOutcome(region, pages, events, resumed, true, null);
        }

        if (resumed > 0)
        {
            progress?.Report(new EventHistoryProgress(region, pages, events, $"{region}: resuming after page {pages}"));
        }

        var limiter = new RequestRateLimiter(_options.RequestsPerSecondPerRegion, _clock);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            do
            {
                if (token is not null && !tokens.Add(token))
                {
                    // CloudTrail never repeats a NextToken; following one again would write the same pages forever.
                    var repeated = $"LookupEvents returned a NextToken it had already returned; stopped after page {pages} (check AWS_ENDPOINT_URL_CLOUDTRAIL and any proxy).";
                    progress?.Report(new EventHistoryProgress(region, pages, events, $"{region}: stopped: {repeated}"));
                    return new EventHistoryRegionOutcome(region, pages, events, resumed, false, repeated);
                }

                var page = await _client.LookupEventsAsync(region, attribute, query.Start, query.End, token, limiter, cancellationToken).ConfigureAwait(false);
                pages++;
                var path = EvidenceRelativePath.Combine(regionFolder, string.Create(CultureInfo.InvariantCulture, $"page-{pages:D4}.json"));
                var source = string.Create(CultureInfo.InvariantCulture,
                    $"cloudtrail:LookupEvents region={region} {attribute?.ToString() ?? "all-events"} start={Stamp(query.Start)} end={Stamp(query.End)} page={pages}");
                await _evidence.WriteAsync(path, page.RawJson, source, null, cancellationToken).ConfigureAwait(false);
                paths.Add(path);
                events += page.EventCount;
                token = page.NextToken;
                progress?.Report(new EventHistoryProgress(region, pages, events, string.Create(CultureInfo.InvariantCulture, $"{region}: page {pages}, {events} events")));
            }
            while (token is not null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One region never stops the sweep (an error, an answer that is not a LookupEvents page, a refused
            // connection): it is named as incomplete, with what it saved.
            var message = AwsErrorAdvice.Describe(e);
            progress?.Report(new EventHistoryProgress(region, pages, events, $"{region}: stopped: {message}"));
            return new EventHistoryRegionOutcome(region, pages, events, resumed, false, message);
        }

        return new EventHistoryRegionOutcome(region, pages, events, resumed, true, null);
    }

    /// <summary>
    /// Saved page paths of one region in page order. Past page-9999 the numbers outgrow their four digits and
    /// <c>page-10000</c> sorts before <c>page-9999</c> by text alone; with the same prefix and suffix and digits only,
    /// the shorter name is the lower number.
    /// </summary>
    internal static IEnumerable<string> InPageOrder(IEnumerable<string> pagePaths) =>
        pagePaths.OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal);

    private IEnumerable<string> SavedPages(string regionFolder) =>
        InPageOrder(_evidence.Entries
            .Where(e => e.Path.StartsWith(regionFolder + "/page-", StringComparison.Ordinal))
            .Select(e => e.Path));

    // The first run fixes the range (an open end becomes "now"): NextTokens are only valid with the same parameters.
    private async Task<SweepQuery> FixQueryAsync(string folder, LookupAttribute? attribute, DateTimeOffset? start, DateTimeOffset? end, CancellationToken cancellationToken)
    {
        var path = EvidenceRelativePath.Combine(folder, QueryFileName);
        if (_evidence.TryGet(path) is not null)
        {
            var saved = JsonSerializer.Deserialize<SweepQuery>(await File.ReadAllBytesAsync(_evidence.FullPath(path), cancellationToken).ConfigureAwait(false));
            if (saved is not null)
            {
                return saved;
            }
        }

        var query = new SweepQuery(attribute?.Key.ToString(), attribute?.Value, start, end ?? _clock.GetUtcNow());
        await _evidence.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(query), $"nbh lookup {attribute?.ToString() ?? "all-events"}", null, cancellationToken).ConfigureAwait(false);
        return query;
    }

    private static string Stamp(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) : "open";

    private sealed record SweepQuery(
        [property: JsonPropertyName("attributeKey")] string? AttributeKey,
        [property: JsonPropertyName("attributeValue")] string? AttributeValue,
        [property: JsonPropertyName("start")] DateTimeOffset? Start,
        [property: JsonPropertyName("end")] DateTimeOffset End);
}
