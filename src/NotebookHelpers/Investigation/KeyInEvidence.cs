using System.Globalization;
using NotebookHelpers.Charts;
using NotebookHelpers.Display;
using NotebookHelpers.Evidence;
using NotebookHelpers.Html;
using NotebookHelpers.Insights;
using NotebookHelpers.Spelling;

namespace NotebookHelpers.Investigation;

/// <summary>
/// Whether the access key a notebook investigates appears in the evidence at all, checked before anything else: a
/// mistyped key, the wrong source or a time range that misses the incident would otherwise give empty tables and
/// charts that read like an answer. <see cref="Require"/> stops the notebook there, saying what was looked at.
/// <code>
/// await evidence.RequireKeyAsync(AccessKeyId)   // or incident.RequireKey()
/// </code>
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class KeyInEvidence : IHtmlRenderable
{
    private KeyInEvidence(string accessKeyId, string source, TimeRange range, long eventsLookedAt, long events, long calls, DateTimeOffset? first, DateTimeOffset? last, string? closestKey)
    {
        AccessKeyId = accessKeyId;
        Source = source;
        Range = range;
        EventsLookedAt = eventsLookedAt;
        Events = events;
        Calls = calls;
        First = first;
        Last = last;
        ClosestKey = closestKey;
    }

    /// <summary>The key looked for.</summary>
    public string AccessKeyId { get; }

    /// <summary>The evidence looked at: the source parameter and what it selected.</summary>
    public string Source { get; }

    /// <summary>The time range looked at.</summary>
    public TimeRange Range { get; }

    /// <summary>The events in that source and range.</summary>
    public long EventsLookedAt { get; }

    /// <summary>Events that hold the key: calls signed with it and calls that name it (its creation, its deactivation).</summary>
    public long Events { get; }

    /// <summary>Calls signed with the key.</summary>
    public long Calls { get; }

    /// <summary>The first event that holds the key, if any.</summary>
    public DateTimeOffset? First { get; }

    /// <summary>The last event that holds the key, if any.</summary>
    public DateTimeOffset? Last { get; }

    /// <summary>When the key is absent: the key in the evidence that is spelled most like it (a likely typo), if any.</summary>
    public string? ClosestKey { get; }

    /// <summary>True when at least one event holds the key.</summary>
    public bool Found => Events > 0;

    /// <summary>One sentence: <c>KEY does not appear in this evidence</c>, or where it appears.</summary>
    public string Summary => Found
        ? string.Create(CultureInfo.InvariantCulture,
            $"{AccessKeyId} appears in this evidence: {Calls:N0} calls signed with it and {Events - Calls:N0} other events naming it, from {Time(First)} to {Time(Last)}.")
        : $"{AccessKeyId} does not appear in this evidence.";

    /// <summary>What was looked at and what to check, for the absent case.</summary>
    public string LookedAt =>
        string.Create(CultureInfo.InvariantCulture, $"Looked at: {Source}, {(Range.IsUnbounded ? "all times" : Range.ToString())}, {EventsLookedAt:N0} events.")
        + (ClosestKey is null ? "" : $" The key in it spelled most like it is {ClosestKey}.")
        + " Check AccessKeyId, Source, Start and End; the sections that would only show empty tables and charts are skipped.";

    /// <summary>
    /// Looks for <paramref name="accessKeyId"/> with <paramref name="runner"/> (offline or on CloudWatch Logs: two
    /// small queries, a third for the spelling suggestion when the key is absent).
    /// </summary>
    /// <param name="runner">Where the evidence is queried.</param>
    /// <param name="accessKeyId">The key.</param>
    /// <param name="source">The source parameter and what it selected, as shown to the analyst.</param>
    /// <param name="range">The time range of the evidence.</param>
    /// <param name="cancellationToken">Stops the queries.</param>
    public static async Task<KeyInEvidence> FindAsync(IInsightsQueryRunner runner, string accessKeyId, string source, TimeRange range, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        var key = accessKeyId.Trim();
        var found = await runner.RunAsync(InvestigationQueries.KeyAppearances(key).ToString(), range, null, cancellationToken).ConfigureAwait(false);
        var row = found.Rows.FirstOrDefault();
        var events = Number(row?.Get("events"));
        string? closest = null;
        if (events == 0)
        {
            var keys = await runner.RunAsync(InvestigationQueries.KeysUsed().ToString(), range, null, cancellationToken).ConfigureAwait(false);
            closest = ClosestMatch.Find(key, keys.Column<string>("userIdentity.accessKeyId").OfType<string>(), maxDistance: 4);
        }

        return new KeyInEvidence(
            key, source, range, (long)found.Statistics.RecordsScanned, events, Number(row?.Get("calls")),
            events == 0 ? null : found.Column<DateTimeOffset?>("first")[0], events == 0 ? null : found.Column<DateTimeOffset?>("last")[0], closest);
    }

    /// <summary>This check when the key appears; otherwise stops the notebook with <see cref="KeyNotInEvidenceException"/>.</summary>
    /// <exception cref="KeyNotInEvidenceException">The key does not appear in the evidence.</exception>
    public KeyInEvidence Require() => Found ? this : throw new KeyNotInEvidenceException(this);

    /// <summary>The check as a small table.</summary>
    public HtmlTable ToHtmlTable()
    {
        var rows = new List<IReadOnlyList<string?>>
        {
            new[] { "Key", AccessKeyId },
            new[] { "Source", Source },
            new[] { "Time range", Range.IsUnbounded ? "all times" : Range.ToString() },
            new[] { "Events looked at", EventsLookedAt.ToString("N0", CultureInfo.InvariantCulture) },
            new[] { "Events holding the key", Events.ToString("N0", CultureInfo.InvariantCulture) },
        };
        if (Found)
        {
            rows.Add(["Signed with it", Calls.ToString("N0", CultureInfo.InvariantCulture)]);
            rows.Add(["First and last", $"{Time(First)} to {Time(Last)}"]);
        }

        return new HtmlTable(["", ""], rows) { Title = Summary, Warnings = Found ? [] : [LookedAt] };
    }

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => ToHtmlTable().WriteHtml(writer);

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer) => ToHtmlTable().WritePlainText(writer);

    /// <inheritdoc />
    public override string ToString() => Found ? Summary : Summary + " " + LookedAt;

    private static long Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? (long)n : 0;

    private static string Time(DateTimeOffset? time) => time is { } t ? NotebookHelpers.Events.UtcTime.Text(t) : "?";
}
