using System.Globalization;
using NotebookHelpers.Display;
using NotebookHelpers.Evidence;
using NotebookHelpers.Html;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Sources;

/// <summary>
/// The evidence a notebook investigates, opened once from its <c>Source</c>, <c>Start</c> and <c>End</c>
/// parameters: every query of the notebook then runs over the same source and time range, with its progress shown in
/// place. Displays itself as a short description of what is being read.
/// <code>
/// var evidence = await EvidenceSession.OpenAsync(Source, Start, End);
/// var activity = await evidence.QueryAsync(InvestigationQueries.ActivityByAccessKey(AccessKeyId));
/// </code>
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class EvidenceSession : IHtmlRenderable
{
    /// <summary>
    /// Local evidence up to this size on disk is read once and held in memory, so the dozen queries of a notebook
    /// do not decompress and parse the same files a dozen times. Larger evidence is streamed by every query.
    /// </summary>
    public const long InMemoryLimitBytes = 64L * 1024 * 1024;

    private EvidenceSession(IEvidenceSource source, IInsightsQueryRunner runner, TimeRange range, string? readSummary)
    {
        Source = source;
        Runner = runner;
        Range = range;
        ReadSummary = readSummary;
    }

    /// <summary>The source the parameter selected.</summary>
    public IEvidenceSource Source { get; }

    /// <summary>Where queries run: offline over files, or on CloudWatch Logs.</summary>
    public IInsightsQueryRunner Runner { get; }

    /// <summary>The time range every query covers.</summary>
    public TimeRange Range { get; }

    /// <summary>What reading local evidence into memory found (files, events, duplicates, problems); null otherwise.</summary>
    public string? ReadSummary { get; }

    /// <summary>
    /// What a live fetch (<c>lookup:</c>, <c>s3://</c>) could not get, e.g. a region a policy denies: the evidence, and
    /// every query over it, is incomplete there. Shown as warnings with the session.
    /// </summary>
    public IReadOnlyList<string> FetchProblems => Source is FetchedEvidenceSource fetched ? fetched.IncompleteWarnings : [];

    /// <summary>
    /// Opens the evidence. <paramref name="source"/> is <c>sample</c>, a path, <c>cwl:GROUP</c>, <c>lookup:</c> or
    /// <c>s3://BUCKET/PREFIX</c> (see <see cref="EvidenceSources"/>); <paramref name="start"/> and <paramref name="end"/>
    /// are ISO 8601 times, <c>now-7d</c>-style relative times, or empty for the whole evidence.
    /// </summary>
    /// <param name="source">The source parameter.</param>
    /// <param name="start">Start of the range, inclusive; empty for unbounded.</param>
    /// <param name="end">End of the range, inclusive; empty for unbounded.</param>
    /// <param name="evidenceFolder">Where <c>lookup:</c>, <c>s3://</c> and <c>athena:</c> save what they fetch.</param>
    /// <param name="cancellationToken">Stops fetching.</param>
    /// <param name="accessKeyId">The key under investigation: an <c>athena:</c> source fetches only the files of its events.</param>
    /// <exception cref="ArgumentException">The source names nothing usable.</exception>
    /// <exception cref="FormatException">A time does not parse.</exception>
    public static async Task<EvidenceSession> OpenAsync(
        string source, string? start = null, string? end = null, string? evidenceFolder = null, CancellationToken cancellationToken = default, string? accessKeyId = null)
    {
        var range = TimeRange.Parse(start, end);
        var progress = ProgressDisplay.Start("Opening " + source, unit: "steps");
        var options = new EvidenceSourceOptions
        {
            Range = range,
            EvidenceFolder = evidenceFolder,
            Progress = new Progress<string>(line => progress.Report(progress.Done + 1, line)),
            AccessKeyId = AccessKeyIdParameter.CheckOrNull(accessKeyId),
        };
        var opened = EvidenceSources.Parse(source, options);
        if (opened is LocalEvidenceSource local && SizeOnDisk(local.Paths) <= InMemoryLimitBytes)
        {
            var reader = new EvidenceReader(new EvidenceReaderOptions { TimeRange = range });
            var records = new List<Events.LogRecord>();
            foreach (var batch in reader.ReadBatches(local.Paths, cancellationToken))
            {
                records.AddRange(batch.Records);
                progress.Report(records.Count, "events read");
            }

            progress.Complete(string.Create(CultureInfo.InvariantCulture, $"ready: {records.Count:N0} events of {opened.Description} in memory"));
            var inMemory = OfflineQueryRunner.FromRecords(records, string.Create(CultureInfo.InvariantCulture, $"offline, over {records.Count:N0} events held in memory"));
            return new EvidenceSession(opened, inMemory, range, reader.Report.Summary());
        }

        var runner = await opened.OpenQueryRunnerAsync(cancellationToken).ConfigureAwait(false);
        progress.Complete("ready: " + opened.Description);
        return new EvidenceSession(opened, runner, range, null);
    }

    /// <summary>
    /// Checks that <paramref name="accessKeyId"/> appears in this evidence and returns the check (it displays where the
    /// key appears); stops the notebook with <see cref="Investigation.KeyNotInEvidenceException"/> when it does not.
    /// </summary>
    /// <exception cref="Investigation.KeyNotInEvidenceException">The key does not appear in the evidence.</exception>
    /// <exception cref="ArgumentException">The key is not shaped like an access key id (<see cref="AccessKeyIdParameter"/>).</exception>
    public async Task<Investigation.KeyInEvidence> RequireKeyAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        var check = await Investigation.KeyInEvidence.FindAsync(Runner, AccessKeyIdParameter.Check(accessKeyId), $"{Source.Parameter} ({Source.Description})", Range, cancellationToken).ConfigureAwait(false);
        return check.Require();
    }

    /// <summary>Runs a query (parameters already bound) over the evidence and range, showing its progress.</summary>
    public Task<QueryResults> QueryAsync(InsightsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return QueryAsync(query.ToString(), cancellationToken);
    }

    /// <summary>Runs Logs Insights query text over the evidence and range, showing its progress.</summary>
    /// <exception cref="InsightsQueryException">The query is not valid or cannot run on this source.</exception>
    public async Task<QueryResults> QueryAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var progress = ProgressDisplay.Start("Query", unit: "records scanned");
        var results = await Runner.RunAsync(
            query,
            Range,
            new Progress<QueryProgress>(p => progress.Report((long)p.Statistics.RecordsScanned, p.Message)),
            cancellationToken).ConfigureAwait(false);
        progress.Complete(string.Create(
            CultureInfo.InvariantCulture,
            $"{results.Status}, {results.Rows.Count:N0} rows from {results.Statistics.RecordsMatched:N0} matching records of {results.Statistics.RecordsScanned:N0} scanned"));
        return results;
    }

    /// <summary>What the session reads, as a table.</summary>
    public HtmlTable ToHtmlTable()
    {
        var rows = new List<IReadOnlyList<string?>>
        {
            new[] { "Source", Source.Parameter },
            new[] { "Reads", Source.Description },
            new[] { "Time range", Range.IsUnbounded ? "the whole evidence" : Range.ToString() },
            new[] { "Queries run", Runner.Description },
        };
        if (ReadSummary is not null)
        {
            rows.Add(["Read", ReadSummary]);
        }

        return new HtmlTable(["", ""], rows) { Title = "Evidence", Warnings = FetchProblems };
    }

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => ToHtmlTable().WriteHtml(writer);

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"Evidence: {Source.Parameter} ({Source.Description})");
        writer.WriteLine($"Time range: {(Range.IsUnbounded ? "the whole evidence" : Range.ToString())}");
        writer.Write($"Queries run: {Runner.Description}");
        if (ReadSummary is not null)
        {
            writer.WriteLine();
            writer.Write($"Read: {ReadSummary}");
        }

        foreach (var problem in FetchProblems)
        {
            writer.WriteLine();
            writer.Write($"warning: {problem}");
        }
    }

    private static long SizeOnDisk(IEnumerable<string> paths)
    {
        long total = 0;
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                total += new FileInfo(path).Length;
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in FolderFiles.Under(path))
                {
                    total += new FileInfo(file).Length;
                    if (total > InMemoryLimitBytes)
                    {
                        return total;
                    }
                }
            }
        }

        return total;
    }

    /// <inheritdoc />
    public override string ToString() => $"Evidence: {Source.Parameter} ({Source.Description})";
}
