using System.Globalization;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Charts;
using NotebookHelpers.Detections;
using NotebookHelpers.Display;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Html;
using NotebookHelpers.Insights;
using NotebookHelpers.Integrity;
using NotebookHelpers.Investigation;
using NotebookHelpers.Sources;

namespace NotebookHelpers.WriteUp;

/// <summary>
/// One incident as the investigation notebooks and <c>nbh report</c> work on it: the evidence a source parameter
/// selects, read once; the detections over it; the investigated key (the one asked for, else the most urgent the
/// evidence points at) with its profile, blast radius and findings; and what the write-up needs (evidence roots for
/// the manifest, the evidence folder's actions log). Displays itself as a short overview.
/// <code>
/// var incident = await IncidentCase.OpenAsync(Source, AccessKeyId, Start, End, EvidenceFolder);
/// incident.Investigation.BlastRadius
/// </code>
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class IncidentCase : IHtmlRenderable
{
    private IncidentCase(
        string sourceParameter,
        IEvidenceSource source,
        TimeRange range,
        string? evidenceFolder,
        Investigator investigator,
        IReadOnlyList<KeySuggestion> suggestions,
        KeyInvestigation? investigation,
        long readProblems,
        IReadOnlyList<string> problems,
        TrailIntegrityReport? integrity)
    {
        SourceParameter = sourceParameter;
        Source = source;
        Range = range;
        EvidenceFolder = evidenceFolder;
        Investigator = investigator;
        Suggestions = suggestions;
        Investigation = investigation;
        ReadProblems = readProblems;
        Problems = problems;
        Integrity = integrity;
        Activity = investigation is null ? null : KeyActivity.From(investigator, investigation);
    }

    /// <summary>The source parameter as given (<c>sample</c>, a path, <c>lookup:</c>…).</summary>
    public string SourceParameter { get; }

    /// <summary>The source it selected.</summary>
    public IEvidenceSource Source { get; }

    /// <summary>The time range read.</summary>
    public TimeRange Range { get; }

    /// <summary>The evidence folder (live fetches, the actions log), or null.</summary>
    public string? EvidenceFolder { get; }

    /// <summary>The detections and indexes over the evidence.</summary>
    public Investigator Investigator { get; }

    /// <summary>The events read, in time order.</summary>
    public IReadOnlyList<CloudTrailEvent> Events => Investigator.Index.Events;

    /// <summary>Every finding over the evidence.</summary>
    public DetectionResult Detections => Investigator.Detections;

    /// <summary>Keys the evidence points at, most urgent first (empty when a key was asked for).</summary>
    public IReadOnlyList<KeySuggestion> Suggestions { get; }

    /// <summary>The investigated key's profile, blast radius and findings; null when no key was asked for and none is suggested.</summary>
    public KeyInvestigation? Investigation { get; }

    /// <summary>
    /// With no key asked for, the other suggested keys linked to <see cref="Investigation"/>'s (same principal or source
    /// address, <see cref="LinkedCandidates"/>): the report covers their blast radius too. Empty when a key was asked for.
    /// </summary>
    public IReadOnlyList<KeyInvestigation> LinkedInvestigations { get; private init; } = [];

    /// <summary>The investigated key's and its blast radius' calls, for the charts; null without an investigation.</summary>
    public KeyActivity? Activity { get; }

    /// <summary>Records or files that could not be read.</summary>
    public long ReadProblems { get; }

    /// <summary>The read problems (file and position), up to the reader's listing limit.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>
    /// The validation of the trail copy the events came from (digest chain, signatures, log file hashes), or null when
    /// the evidence holds no digest files (Event History, CloudWatch Logs, a copy without digests).
    /// </summary>
    public TrailIntegrityReport? Integrity { get; }

    /// <summary>
    /// Reads the evidence <paramref name="source"/> selects (see <see cref="EvidenceSources"/>) between
    /// <paramref name="start"/> and <paramref name="end"/>, runs the detections and investigates
    /// <paramref name="accessKeyId"/> (empty: the most urgent key the evidence points at).
    /// </summary>
    /// <exception cref="ArgumentException">The source names nothing usable, or the key is not an access key id.</exception>
    /// <exception cref="FormatException">A time does not parse.</exception>
    public static async Task<IncidentCase> OpenAsync(
        string source,
        string? accessKeyId = null,
        string? start = null,
        string? end = null,
        string? evidenceFolder = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var key = AccessKeyIdParameter.CheckOrNull(accessKeyId);

        var range = TimeRange.Parse(start, end);
        var folder = string.IsNullOrWhiteSpace(evidenceFolder) ? null : evidenceFolder;
        var progress = ProgressDisplay.Start("Reading " + source, unit: "events");
        var lines = new SourceLines(line => progress.Report(progress.Done, line));
        var options = new EvidenceSourceOptions
        {
            Range = range,
            EvidenceFolder = folder,
            Progress = lines,
            AccessKeyId = key,
        };
        var parsed = EvidenceSources.Parse(source, options);
        var events = new List<CloudTrailEvent>();
        long readProblems = 0;
        var problems = new List<string>();
        // A live fetch (lookup:, s3://) saves files first; they are then read like local evidence, so read problems are
        // counted with their file and position, and the fetch's progress lines stay progress rather than problems.
        var readable = parsed switch
        {
            LocalEvidenceSource local => local,
            FetchedEvidenceSource fetched => await fetched.FetchAsLocalAsync(cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        if (readable is not null)
        {
            if (parsed is FetchedEvidenceSource fetched)
            {
                problems.AddRange(fetched.IncompleteWarnings);
            }

            var reader = new EvidenceReader(new EvidenceReaderOptions { TimeRange = range });
            await Task.Run(
                () =>
                {
                    foreach (var e in reader.ReadEvents(readable.Paths, cancellationToken))
                    {
                        events.Add(e);
                        if (events.Count % 2000 == 0)
                        {
                            progress.Report(events.Count);
                        }
                    }
                },
                cancellationToken).ConfigureAwait(false);
            readProblems = reader.Report.Skipped;
            problems.AddRange(reader.Report.Problems.Where(p => !p.IsNotice).Select(p => p.ToString()));
        }
        else
        {
            await foreach (var e in parsed.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(e);
                if (events.Count % 2000 == 0)
                {
                    progress.Report(events.Count);
                }
            }

            problems.AddRange(lines.Snapshot());
        }

        var roots = Roots(source, folder);
        var integrity = readable is null ? null : await Task.Run(() => ValidateTrail(source, roots), cancellationToken).ConfigureAwait(false);
        var investigator = await Task.Run(() => new Investigator(events, new DetectionOptions { TrailIntegrity = integrity }), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<KeySuggestion> suggestions = [];
        IReadOnlyList<KeyInvestigation> linked = [];
        KeyInvestigation? investigation;
        if (key is not null)
        {
            investigation = investigator.Investigate(key);
        }
        else
        {
            suggestions = investigator.SuggestKeys();
            investigation = suggestions.Count == 0 ? null : investigator.Investigate(suggestions[0].AccessKeyId, suggestions[0].Reason);
            if (investigation is not null)
            {
                var top = investigation;
                linked = LinkedCandidates.Find(top, suggestions, k => AccessKeyProfiler.Build(investigator.Index, k))
                    .Select(l => investigator.Investigate(l.Suggestion.AccessKeyId, $"linked to {top.AccessKeyId}: {l.Link}; {l.Suggestion.Reason}"))
                    .ToList();
            }
        }

        var counts = string.Create(CultureInfo.InvariantCulture, $"{events.Count:N0} events, {investigator.Detections.Findings.Count:N0} findings");
        progress.Complete(counts + (investigation is null ? "; no key to investigate" : $"; investigating {investigation.AccessKeyId}"));
        return new IncidentCase(source, parsed, range, folder, investigator, suggestions, investigation, readProblems, problems, integrity)
        {
            LinkedInvestigations = linked,
        };
    }

    /// <summary>
    /// The files and folders the evidence came from, labelled for the manifest: the sample incident's copy, the local
    /// path, or the evidence folder for live fetches (and for the actions log).
    /// </summary>
    public IReadOnlyList<EvidenceRoot> EvidenceRoots => Roots(SourceParameter, EvidenceFolder);

    /// <summary>Hashes the evidence roots (see <see cref="EvidenceManifest"/>).</summary>
    public EvidenceManifest BuildManifest()
    {
        var notes = new List<string>();
        if (Source is CloudWatchLogsEvidenceSource)
        {
            notes.Add($"{SourceParameter}: events were queried live from CloudWatch Logs Insights; no local files hold them. Export the log group to keep the evidence.");
        }

        return EvidenceManifest.Build(EvidenceRoots, notes, Integrity);
    }

    /// <summary>
    /// The incident report of this case: the investigated key, the evidence manifest, and the evidence folder's
    /// actions log. <paramref name="options"/> supplies the title, analyst and analyst answers; what it leaves empty
    /// (sources, manifest, actions) is filled in from the case.
    /// </summary>
    public IncidentReport Report(IncidentReportOptions? options = null)
    {
        options ??= new IncidentReportOptions();
        var full = new IncidentReportOptions
        {
            Title = options.Title,
            Analyst = options.Analyst,
            CaseId = options.CaseId,
            Sources = options.Sources.Count > 0 ? options.Sources : [SourceParameter],
            SourceDescription = options.SourceDescription ?? Source.Description,
            ReadProblems = options.ReadProblems > 0 ? options.ReadProblems : ReadProblems,
            Manifest = options.Manifest ?? BuildManifest(),
            Actions = options.Actions.Path is not null ? options.Actions : ActionsLog.Read(EvidenceFolder),
            Integrity = options.Integrity ?? Integrity,
            AnalystAnswers = options.AnalystAnswers,
            IncludeCharts = options.IncludeCharts,
        };
        return IncidentReportBuilder.Build(Investigator, Investigation is null ? [] : [Investigation, .. LinkedInvestigations], full);
    }

    /// <summary>
    /// What the evidence shows is still open in the investigated key's blast radius (what the attacker created and
    /// nothing removed or contained), with the command that closes each.
    /// </summary>
    public HtmlFragment StillOpen()
    {
        if (Investigation is null)
        {
            return new HtmlFragment("<p>No key investigated.</p>", "No key investigated.");
        }

        var report = IncidentReportBuilder.Build(Investigator, [Investigation], new IncidentReportOptions { IncludeCharts = false });
        var open = report.AffectedResources.Where(a => a.NeedsAction).ToList();
        var items = new HtmlTable(
            ["kind", "name", "reached by", "state as far as the evidence shows"],
            [.. open.Select(a => (IReadOnlyList<string?>)[a.Kind, a.Name, a.ReachedBy, a.State])])
        {
            Title = open.Count == 0 ? "Nothing the attacker created is left open in the evidence" : $"Still open in the blast radius of {Investigation.AccessKeyId}",
        };
        var commands = new HtmlTable(["to do", "why", "AWS CLI"], [.. report.NextSteps.Select(n => (IReadOnlyList<string?>)[n.What, n.Why, n.Command])])
        {
            // Every column wraps so the command, the part to act on, is read whole and never pushed off screen.
            WrapColumns = ["to do", "why", "AWS CLI"],
            Title = "Commands that close them (check the live state first: the evidence ends at its last event)",
        };
        using var html = new StringWriter(CultureInfo.InvariantCulture);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var table in new[] { items, commands })
        {
            table.WriteHtml(html);
            table.WritePlainText(text);
            text.WriteLine();
        }

        return new HtmlFragment(html.ToString(), text.ToString());
    }

    /// <summary>The findings of at least <paramref name="minimum"/> severity: the investigated key's blast radius, or the whole evidence.</summary>
    public HtmlFragment Findings(Severity minimum = Severity.Low, bool investigatedKeyOnly = true)
    {
        var scoped = investigatedKeyOnly && Investigation is not null;
        var all = scoped ? Investigation!.Findings : Detections.Findings;
        return FindingsFragment(all.Where(f => f.Severity >= minimum).ToList(), all.Count,
            $"finding(s) of {minimum.ToString().ToLowerInvariant()} severity or more {(scoped ? $"on {Investigation!.AccessKeyId} and its blast radius" : "over the whole evidence")}");
    }

    /// <summary>
    /// The findings of at least <paramref name="minimum"/> severity that are <em>not</em> about the investigated key's
    /// blast radius: other keys the evidence points at, or noise to explain in the write-up.
    /// </summary>
    public HtmlFragment OtherFindings(Severity minimum = Severity.Low)
    {
        var inside = Investigation?.Findings.ToHashSet() ?? [];
        var others = Detections.Findings.Where(f => !inside.Contains(f)).ToList();
        return FindingsFragment(others.Where(f => f.Severity >= minimum).ToList(), others.Count,
            $"finding(s) of {minimum.ToString().ToLowerInvariant()} severity or more outside the investigated key's blast radius");
    }

    /// <summary>
    /// The rules behind the findings of at least <paramref name="minimum"/> severity on the investigated key: what each
    /// catches, what to do, its known false positives, and the Logs Insights query that finds the same on the live service.
    /// </summary>
    public HtmlFragment RuleGuide(Severity minimum = Severity.Medium) =>
        RuleGuideRendering.For(
            (Investigation?.Findings ?? Detections.Findings).Where(f => f.Severity >= minimum),
            $"The rules behind the {minimum.ToString().ToLowerInvariant()}-or-higher findings");

    private static HtmlFragment FindingsFragment(IReadOnlyList<Finding> findings, int total, string what)
    {
        var header = string.Create(CultureInfo.InvariantCulture, $"{findings.Count:N0} {what} ({total:N0} in all)");
        return new HtmlFragment(
            "<p><b>" + HtmlText.Encode(header) + "</b></p>" + FindingsRendering.FindingsTable(findings),
            header + "\n" + (findings.Count == 0 ? "none\n" : FindingsRendering.ToText(findings)));
    }

    /// <summary>
    /// Checks that the investigated key appears in the evidence and returns the check (it displays where the key
    /// appears); stops the notebook with <see cref="KeyNotInEvidenceException"/> when it does not, or when no key was
    /// given and nothing in the evidence points at one. Pass <paramref name="stop"/> false to show the check and go on
    /// (containment of a key still makes sense live when the evidence does not hold it).
    /// </summary>
    /// <exception cref="KeyNotInEvidenceException">The key does not appear in the evidence, or there is no key.</exception>
    public KeyInEvidence RequireKey(bool stop = true)
    {
        var source = $"{SourceParameter} ({Source.Description})";
        if (Investigation is null)
        {
            throw new KeyNotInEvidenceException(string.Create(CultureInfo.InvariantCulture,
                $"No AccessKeyId was given and nothing in this evidence points at a key (no quarantine marker, no finding above info). Looked at: {source}, {(Range.IsUnbounded ? "all times" : Range.ToString())}, {Events.Count:N0} events. Give AccessKeyId."));
        }

        var check = KeyInEvidence.FindAsync(OfflineQueryRunner.FromEvents(Events, source), Investigation.AccessKeyId, source, Range)
            .GetAwaiter().GetResult();
        return stop ? check.Require() : check;
    }

    /// <summary>The overview as a table.</summary>
    public HtmlTable ToHtmlTable()
    {
        var rows = new List<IReadOnlyList<string?>>
        {
            new[] { "Source", $"{SourceParameter} ({Source.Description})" },
            new[] { "Time range", Range.IsUnbounded ? "the whole evidence" : Range.ToString() },
            new[] { "Events", string.Create(CultureInfo.InvariantCulture, $"{Events.Count:N0}") + (Events.Count > 0 ? $" from {IncidentReportBuilder.Time(Events[0].EventTime)} to {IncidentReportBuilder.Time(Events[^1].EventTime)}" : "") },
            new[] { "Read problems", string.Create(CultureInfo.InvariantCulture, $"{ReadProblems:N0}") },
            new[] { "Trail integrity", Integrity?.Verdict ?? "not checked: no digest files in this evidence" },
            new[] { "Findings", Detections.Findings.Count == 0 ? "none" : string.Join(", ", Detections.CountsBySeverity().Select(c => $"{c.Count} {c.Severity.ToString().ToLowerInvariant()}")) },
        };
        foreach (var s in Suggestions)
        {
            rows.Add(["Key the evidence points at", $"{s.AccessKeyId} ({s.Severity.ToString().ToLowerInvariant()}): {s.Reason}"]);
        }

        rows.Add(["Investigated key", Investigation is null ? "none: give AccessKeyId" : $"{Investigation.AccessKeyId} ({Investigation.Profile.Owner?.ToString() ?? "owner not in the evidence"})"]);
        return new HtmlTable(["", ""], rows) { Title = "Incident", Warnings = [.. Problems.Take(5)] };
    }

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => ToHtmlTable().WriteHtml(writer);

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer) => ToHtmlTable().WritePlainText(writer);

    /// <inheritdoc />
    public override string ToString() =>
        $"Incident: {SourceParameter}, {Events.Count} events, {Detections.Findings.Count} findings, investigating {Investigation?.AccessKeyId ?? "no key"}";

    private static List<EvidenceRoot> Roots(string sourceParameter, string? evidenceFolder)
    {
        var roots = new List<EvidenceRoot>();
        var text = sourceParameter.Trim();
        if (SampleIncidentLocator.TryParseSourceName(text, out var copy))
        {
            roots.Add(new EvidenceRoot(text, SampleIncidentLocator.Find(copy)));
        }
        else if (File.Exists(text) || Directory.Exists(text))
        {
            roots.Add(new EvidenceRoot(text, text));
        }

        if (evidenceFolder is { } folder && Directory.Exists(folder) &&
            !roots.Any(r => string.Equals(Path.GetFullPath(r.Path), Path.GetFullPath(folder), StringComparison.Ordinal)))
        {
            roots.Add(new EvidenceRoot("evidence folder", folder));
        }

        return roots;
    }

    // The first evidence root that holds digest files is validated: the sample's trail copy with the sample's own key,
    // an evidence folder with the keys it saved, another folder with a ListPublicKeys file saved in it.
    private static TrailIntegrityReport? ValidateTrail(string sourceParameter, IReadOnlyList<EvidenceRoot> roots)
    {
        foreach (var root in roots.Where(r => Directory.Exists(r.Path)))
        {
            var index = TrailEvidenceIndex.Build(root.Path);
            if (index.Digests.Count == 0)
            {
                continue;
            }

            var keyFiles = new[]
            {
                SampleIncidentLocator.TryParseSourceName(sourceParameter, out _) ? Path.Combine(Path.GetDirectoryName(index.Root)!, SampleIncidentLocator.PublicKeysFileName) : null,
                Path.Combine(index.Root, SampleIncidentLocator.PublicKeysFileName),
            }.Where(File.Exists).Cast<string>().Distinct(StringComparer.Ordinal).ToList();
            return TrailIntegrityValidator.Validate(index, new TrailIntegrityOptions { PublicKeys = PublicKeySet.Load(keyFiles) });
        }

        return null;
    }

    // Collected as they are reported: Progress<T> would post each line to the caller's context or the thread pool,
    // where it could arrive after the problems were copied into the case, and be lost.
    private sealed class SourceLines(Action<string> show) : IProgress<string>
    {
        private readonly List<string> _lines = [];

        public void Report(string value)
        {
            lock (_lines)
            {
                _lines.Add(value);
            }

            show(value);
        }

        public List<string> Snapshot()
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }
}
