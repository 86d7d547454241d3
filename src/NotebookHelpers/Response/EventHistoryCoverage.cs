using System.Globalization;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Detections;
using NotebookHelpers.Display;
using NotebookHelpers.Events;
using NotebookHelpers.Html;

namespace NotebookHelpers.Response;

/// <summary>
/// What an Event History sweep saved (the folder <c>nbh lookup</c> or a <c>lookup:</c> source writes: one folder of
/// LookupEvents pages per region, a manifest with every page's hash and the request that fetched it): which lookup,
/// which regions, how many pages and events each, when it was fetched. Displays itself as a table per region.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class EventHistoryCoverage : IHtmlRenderable
{
    private EventHistoryCoverage(string folder, IReadOnlyList<string> lookups, IReadOnlyList<RegionCoverage> regions, string? fetchedAt, int events)
    {
        Folder = folder;
        Lookups = lookups;
        Regions = regions;
        FetchedAt = fetchedAt;
        Events = events;
    }

    /// <summary>The evidence folder.</summary>
    public string Folder { get; }

    /// <summary>The lookups saved (e.g. <c>AccessKeyId=AKIA… from open to 20250312T000000Z</c>).</summary>
    public IReadOnlyList<string> Lookups { get; }

    /// <summary>Per region: pages and events, regions with events first.</summary>
    public IReadOnlyList<RegionCoverage> Regions { get; }

    /// <summary>When the pages were fetched (from the manifest), or null.</summary>
    public string? FetchedAt { get; }

    /// <summary>Events read from the pages.</summary>
    public int Events { get; }

    /// <summary>Pages saved.</summary>
    public int Pages => Regions.Sum(r => r.Pages);

    /// <summary>How long a live sweep of the same pages takes at LookupEvents' two requests per second per region, regions in parallel (whole seconds, rounded up).</summary>
    public TimeSpan LiveDuration => TimeSpan.FromSeconds(Regions.Count == 0 ? 0 : Math.Ceiling(Regions.Max(r => r.Pages) / 2.0));

    /// <summary>Reads the sweep saved in <paramref name="folder"/>; <paramref name="events"/> are the events read from it (for per-region counts).</summary>
    /// <exception cref="ArgumentException">The folder has no nbh manifest.</exception>
    public static EventHistoryCoverage From(string folder, IReadOnlyList<CloudTrailEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(events);
        if (!File.Exists(Path.Combine(folder, EvidenceDirectory.ManifestFileName)))
        {
            throw new ArgumentException($"{folder} is not an evidence folder written by nbh (no {EvidenceDirectory.ManifestFileName}).", nameof(folder));
        }

        var entries = EvidenceDirectory.Open(folder).Entries;
        var pages = entries
            .Select(e => (Entry: e, Parts: e.Path.Split('/')))
            .Where(x => x.Parts.Length == 5 && x.Parts[0] == "lookup" && x.Parts[4].StartsWith("page-", StringComparison.Ordinal))
            .ToList();
        var lookups = pages.Select(p => $"{p.Parts[1]} from {p.Parts[2].Replace("--", " to ", StringComparison.Ordinal)}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var byRegion = events.GroupBy(e => e.AwsRegion ?? "(none)", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var regions = pages.GroupBy(p => p.Parts[3], StringComparer.Ordinal)
            .Select(g =>
            {
                var list = byRegion.GetValueOrDefault(g.Key) ?? [];
                return new RegionCoverage(g.Key, g.Count(), list.Count, list.Count(e => !CloudTrailFacts.Succeeded(e)),
                    list.Count == 0 ? null : list.Min(e => e.EventTime), list.Count == 0 ? null : list.Max(e => e.EventTime));
            })
            .OrderByDescending(r => r.Events)
            .ThenBy(r => r.Region, StringComparer.Ordinal)
            .ToList();
        var fetched = pages.Select(p => p.Entry.FetchedAt).DefaultIfEmpty().Max();
        return new EventHistoryCoverage(folder, lookups, regions, pages.Count == 0 ? null : NotebookHelpers.Events.UtcTime.Text(fetched), events.Count);
    }

    /// <summary>The coverage as a table, one row per region.</summary>
    public HtmlTable ToHtmlTable() =>
        new(["region", "pages", "events", "failed", "first (UTC)", "last (UTC)"],
            [.. Regions.Select(r => (IReadOnlyList<string?>)[r.Region, Number(r.Pages), Number(r.Events), Number(r.Failed), Time(r.First), Time(r.Last)])])
        {
            Title = "Event History sweep: " + string.Join("; ", Lookups.DefaultIfEmpty("no lookup pages")),
            Notes =
            [
                string.Create(CultureInfo.InvariantCulture, $"{Pages:N0} pages, {Events:N0} events, {Regions.Count:N0} regions"),
                FetchedAt is null ? "never fetched" : "fetched " + FetchedAt,
                string.Create(CultureInfo.InvariantCulture, $"a live sweep of these pages takes about {LiveDuration.TotalSeconds:N0} s at 2 requests per second per region"),
            ],
        };

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => ToHtmlTable().WriteHtml(writer);

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer) => ToHtmlTable().WritePlainText(writer);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Event History sweep: {Pages:N0} pages, {Events:N0} events in {Regions.Count:N0} regions");

    /// <summary>
    /// What the trail holds that the Event History sweep does not, for the calls of <paramref name="accessKeyIds"/>:
    /// grouped by why (a data event, recorded in another account, outside the sweep), with counts and examples.
    /// </summary>
    public static HtmlTable Compare(IReadOnlyList<CloudTrailEvent> eventHistory, IReadOnlyList<CloudTrailEvent> trail, IReadOnlyCollection<string> accessKeyIds)
    {
        ArgumentNullException.ThrowIfNull(eventHistory);
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(accessKeyIds);
        var swept = eventHistory.Select(e => (e.EventID, e.RecipientAccountId)).ToHashSet();
        var accounts = eventHistory.Select(e => e.RecipientAccountId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var sweptKeys = eventHistory.Select(e => e.UserIdentity?.AccessKeyId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var missing = trail.Where(e => e.UserIdentity?.AccessKeyId is { } k && accessKeyIds.Contains(k) && !swept.Contains((e.EventID, e.RecipientAccountId))).ToList();
        string Why(CloudTrailEvent e) =>
            e.ManagementEvent == false || e.EventCategory == "Data" ? "data event: Event History never records them"
            : e.RecipientAccountId is { } a && accounts.Count > 0 && !accounts.Contains(a) ? $"recorded in account {a}: Event History is per account"
            : !sweptKeys.Contains(e.UserIdentity!.AccessKeyId!) ? "a key the sweep did not look up: sweep again with lookup:" + e.UserIdentity.AccessKeyId
            : "outside the sweep's regions or time range";
        var rows = missing
            .GroupBy(e => (Why: Why(e), Key: e.UserIdentity!.AccessKeyId!))
            .Select(g => (g.Key.Why, g.Key.Key, Count: g.Count(), Names: string.Join(", ", g.GroupBy(e => e.EventName).OrderByDescending(n => n.Count()).ThenBy(n => n.Key, StringComparer.Ordinal).Take(4).Select(n => $"{n.Key} ×{n.Count()}"))))
            .OrderBy(r => r.Why, StringComparer.Ordinal)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => (IReadOnlyList<string?>)[r.Why, r.Key, Number(r.Count), r.Names])
            .ToList();
        return new HtmlTable(["why Event History lacks them", "access key", "calls", "most frequent"], rows)
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"In the trail but not in Event History: {missing.Count:N0} calls"),
        };
    }

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? t) => NotebookHelpers.Events.UtcTime.Text(t);
}
