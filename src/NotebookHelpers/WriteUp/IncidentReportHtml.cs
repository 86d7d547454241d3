using System.Globalization;
using NotebookHelpers.Charts;
using NotebookHelpers.Detections;
using NotebookHelpers.Events;
using NotebookHelpers.Html;

namespace NotebookHelpers.WriteUp;

/// <summary>
/// Renders an <see cref="IncidentReport"/> as HTML: a self-contained page (styles and plotly.js inlined, no URL to
/// anything outside it) or a fragment for a notebook output. Every value from the evidence is encoded, and cut past
/// 1,000 characters with its length stated.
/// </summary>
internal static class IncidentReportHtml
{
    private const int MaxManifestRows = 300;

    // The longest text the report shows whole (a few lines of a table cell); longer evidence (a 300 KB user agent) is
    // cut with its length stated, and findings.json keeps it whole.
    private const int MaxTextChars = 1_000;

    private const string Css =
        ".nbh-report{max-width:1200px;margin:0 auto;padding:16px 24px;line-height:1.45;}" +
        ".nbh-report h1{font-size:24px;margin:8px 0;}.nbh-report h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px;}" +
        ".nbh-report h3{font-size:15px;margin:16px 0 4px;}.nbh-meta{color:#57606a;}" +
        ".nbh-report nav a{margin-right:12px;}.nbh-report pre{background:#f6f8fa;padding:8px;overflow-x:auto;white-space:pre-wrap;word-break:break-all;}" +
        ".nbh-status{display:inline-block;padding:0 6px;border-radius:8px;font-size:11px;border:1px solid #d0d7de;}" +
        ".nbh-status-needs{background:#fff8c5;border-color:#d4a72c;}.nbh-status-evidence{background:#dafbe1;border-color:#4ac26b;}.nbh-status-analyst{background:#ddf4ff;border-color:#54aeff;}" +
        ".nbh-open{color:#cf222e;font-weight:600;}.nbh-guidance{color:#57606a;font-style:italic;}" +
        ".nbh-report .nbh-table{width:100%;min-width:0;}.nbh-report .nbh-table td{font-family:inherit;white-space:normal;max-width:none;}" +
        ".nbh-report .nbh-table code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11px;}" +
        // Long names, hashes and commands may break anywhere; ids (finding, rule, key, event) stay whole.
        ".nbh-report .nbh-table code.nbh-break{white-space:normal;word-break:break-all;}" +
        ".nbh-report .nbh-table th{cursor:default;}.nbh-nowrap{white-space:nowrap;}.nbh-detail{color:#57606a;}" +
        ".nbh-case{font-size:15px;margin:0 0 4px;}" +
        // Paper (A4 or Letter, whichever the printer has): collapsed details open, table headers repeat on every page,
        // a row is not split across pages, nothing scrolls, and the page margin leaves room for both paper sizes.
        "@page{margin:12mm 10mm;}" +
        "@media print{" +
        ".nbh-report{max-width:none;padding:0;font-size:10px;line-height:1.3;}.nbh-report h1{font-size:18px;}" +
        ".nbh-report h2{font-size:14px;margin:14px 0 4px;break-after:avoid;}.nbh-report h3{font-size:11px;margin:8px 0 2px;break-after:avoid;}" +
        ".nbh-report nav,.nbh-report .modebar-container{display:none;}" +
        ".nbh-report details>summary{list-style:none;font-weight:600;}.nbh-report details::details-content{content-visibility:visible;display:contents;}" +
        ".nbh-report .nbh-table-wrap{max-height:none;overflow:visible;border:none;}" +
        ".nbh-report .nbh-table{font-size:9px;}.nbh-report .nbh-table thead{display:table-header-group;}" +
        ".nbh-report .nbh-table tr{break-inside:avoid;}.nbh-report .nbh-table th{position:static;}" +
        ".nbh-report .nbh-table td,.nbh-report .nbh-table th{padding:2px 4px;}" +
        ".nbh-report .nbh-table code{font-size:8.5px;}.nbh-report pre{font-size:8.5px;padding:4px;margin:2px 0;}" +
        // Ten evidence events per finding on screen; on paper the first, with its file and position (the rest are
        // in findings.json, which the report's reader has beside it).
        ".nbh-report .nbh-evidence li:nth-child(n+2):not(:last-child){display:none;}.nbh-report .nbh-evidence ul{margin:0;padding-left:12px;}" +
        ".nbh-report .nbh-screen-only{display:none;}.nbh-report .nbh-figure{break-inside:avoid;}" +
        "}";

    // Every text of the report is written through these two: encoded (evidence is data) and cut when too long.
    private static string Encode(string? text) => HtmlText.Encode(LongText.Cut(text, MaxTextChars));

    private static void Write(TextWriter w, string? text) => w.Write(Encode(text));

    public static string Page(IncidentReport report)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        w.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>");
        Write(w, report.Title);
        w.Write("</title><style>");
        w.Write(HtmlStyles.Css);
        w.Write(Css);
        w.Write("</style></head><body>");
        Body(report, w, standalone: true);
        w.Write("</body></html>\n");
        return w.ToString();
    }

    public static void Fragment(IncidentReport report, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.Write("<style>");
        w.Write(HtmlStyles.Css);
        w.Write(Css);
        w.Write("</style>");
        Body(report, w, standalone: false);
    }

    private static void Body(IncidentReport report, TextWriter w, bool standalone)
    {
        w.Write("<div class=\"nbh nbh-report\"><header><h1>");
        Write(w, report.Title);
        w.Write("</h1>");
        if (CaseLine(report.Options) is { } caseLine)
        {
            w.Write("<p class=\"nbh-case\"><b>");
            Write(w, caseLine);
            w.Write("</b></p>");
        }

        w.Write("<p class=\"nbh-meta\">");
        Write(w, Meta(report));
        w.Write("</p></header>");
        if (standalone)
        {
            w.Write("<nav><a href=\"#summary\">Summary</a><a href=\"#timeline\">Timeline</a><a href=\"#findings\">Findings</a><a href=\"#affected\">Affected resources</a>" +
                    "<a href=\"#actions\">Actions taken</a><a href=\"#next-steps\">Next steps</a><a href=\"#impact\">Impact</a><a href=\"#charts\">Charts</a><a href=\"#integrity\">Evidence integrity</a><a href=\"#evidence\">Evidence</a></nav>");
        }

        Section(w, "summary", "Summary");
        List(w, report.Summary);
        Section(w, "timeline", "Timeline");
        Timeline(report, w);
        Section(w, "findings", "Findings");
        Findings(report, w);
        Section(w, "affected", "Affected resources");
        Affected(report, w);
        Section(w, "actions", "Actions taken");
        Actions(report, w);
        Section(w, "next-steps", "Next steps");
        NextSteps(report, w);
        Section(w, "impact", "Impact questionnaire");
        Questionnaire(report, w);
        if (report.Charts.Count > 0)
        {
            Section(w, "charts", "Charts");
            w.Write(PlotlyJs.LoaderElement);
            foreach (var chart in report.Charts)
            {
                PlotlyHtml.WriteFigure(w, chart, includePlotlyJs: false);
                if (chart.Summary is not null)
                {
                    w.Write("<p class=\"nbh-caption\">");
                    Write(w, chart.Summary);
                    w.Write("</p>");
                }
            }
        }

        Section(w, IncidentReportIntegrity.SectionId, IncidentReportIntegrity.SectionTitle);
        IncidentReportIntegrity.Write(report, w);
        Section(w, "evidence", "Evidence");
        Evidence(report, w);
        w.Write("<footer><p class=\"nbh-caption\">Written by NotebookHelpers from the evidence listed above. The report records no time of writing: the same evidence gives the same bytes.</p></footer></div>");
    }

    private static string Meta(IncidentReport report)
    {
        var d = report.Investigator.Detections;
        var parts = new List<string>
        {
            "Evidence: " + (report.Options.SourceDescription ?? string.Join(", ", report.Options.Sources.DefaultIfEmpty("(not named)"))),
            string.Create(CultureInfo.InvariantCulture, $"{d.EventsExamined:N0} events") +
            (d.FirstEventTime is { } first && d.LastEventTime is { } last ? $" from {IncidentReportBuilder.Time(first)} to {IncidentReportBuilder.Time(last)}" : ""),
        };
        if (report.Options.ReadProblems > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{report.Options.ReadProblems:N0} records or files could not be read"));
        }

        if (report.Options.Manifest is { } manifest)
        {
            parts.Add("evidence fingerprint " + manifest.Fingerprint);
        }

        return string.Join(" · ", parts);
    }

    /// <summary>"Case INC-1234 · analyst Jane Doe", from what the options give; null when neither is given.</summary>
    internal static string? CaseLine(IncidentReportOptions options)
    {
        var parts = new List<string>();
        if (options.CaseId is { Length: > 0 } caseId)
        {
            parts.Add("Case " + caseId);
        }

        if (options.Analyst is { Length: > 0 } analyst)
        {
            parts.Add("analyst " + analyst);
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    private static void Section(TextWriter w, string id, string title) => w.Write($"<h2 id=\"{id}\">{title}</h2>");

    private static void List(TextWriter w, IEnumerable<string> items)
    {
        w.Write("<ul>");
        foreach (var item in items)
        {
            w.Write("<li>");
            Write(w, item);
            w.Write("</li>");
        }

        w.Write("</ul>");
    }

    private static void Timeline(IncidentReport report, TextWriter w)
    {
        Table(w, ["time", "", "what happened", "who"], [15, 9, 56, 20], report.Timeline.Select(t => new[]
        {
            Text(Encode(UtcTime.Text(t.Time))),
            t.Severity is { } s ? Badge(s) : Text(Encode(t.Kind)),
            "<b>" + Encode(t.Title) + "</b><br><span class=\"nbh-detail\">" + Encode(t.Detail) + " · event <code>" + Encode(t.EventId) + "</code></span>",
            Encode(t.Actor),
        }));
    }

    private static void Findings(IncidentReport report, TextWriter w)
    {
        var all = report.Investigator.Detections;
        w.Write("<p>");
        Write(w, string.Create(CultureInfo.InvariantCulture,
            $"{report.Findings.Count:N0} finding(s) on the investigated keys and their blast radius ({all.Findings.Count:N0} over the whole evidence, from {all.Rules.Count:N0} rules; findings.json and findings.csv list them all). Ids are the same in every file."));
        w.Write("</p>");
        Table(w, ["id", "severity", "finding", "principal · key", "first – last", "what happened"], [6, 8, 25, 16, 13, 32], report.Findings.Select(f => new[]
        {
            "<b class=\"nbh-nowrap\">" + Encode(report.FindingId(f)) + "</b>",
            Badge(f.Severity),
            "<b>" + Encode(f.Title) + "</b><br><code>" + Encode(f.RuleId) + "</code><br>" +
            Encode($"{f.Rule.Attack.Id} {f.Rule.Attack.Name} ({f.Rule.Attack.Tactic.Name})") +
            "<details><summary>what to do</summary>" + Encode(f.Rule.RecommendedAction) + "</details>",
            Encode(f.Principal ?? "unknown") + "<br><code>" + Encode(f.AccessKeyId) + "</code>",
            Text(Encode(UtcTime.Text(f.First))) + (f.Last == f.First ? "" : "<br>" + Text(Encode("– " + UtcTime.Text(f.Last)))),
            Encode(f.Summary) + EvidenceList(report, f),
        }));
    }

    private static string EvidenceList(IncidentReport report, Finding f)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        w.Write("<details class=\"nbh-evidence\"><summary>");
        w.Write(string.Create(CultureInfo.InvariantCulture, $"evidence: {f.EventCount:N0} event(s)"));
        w.Write("</summary><ul>");
        foreach (var e in f.Evidence.Take(10))
        {
            w.Write("<li><code>");
            Write(w, e.EventId ?? "(no eventID)");
            w.Write("</code> ");
            Write(w, $"{UtcTime.Text(e.EventTime)} {e.EventName}{(e.ErrorCode is null ? "" : " (" + e.ErrorCode + ")")} at {report.Options.Manifest?.Cite(e.Location) ?? e.Location.ToString()}");
            w.Write("</li>");
        }

        if (f.Evidence.Count > 1)
        {
            // On paper only the first is printed (the print stylesheet); this line stays last either way.
            w.Write("<li>");
            Write(w, string.Create(CultureInfo.InvariantCulture, $"… findings.json lists all {f.Evidence.Count:N0}"));
            w.Write("</li>");
        }

        w.Write("</ul></details>");
        return w.ToString();
    }

    private static void Affected(IncidentReport report, TextWriter w)
    {
        var during = report.AffectedResources.Where(a => a.DuringAttack).ToList();
        var before = report.AffectedResources.Where(a => !a.DuringAttack).ToList();
        if (report.AffectedResources.Count == 0)
        {
            w.Write("<p>The investigated keys spawned nothing the evidence shows.</p>");
            return;
        }

        AffectedTable(w, during);
        if (before.Count > 0)
        {
            w.Write("<details><summary>");
            Write(w, string.Create(CultureInfo.InvariantCulture, $"{before.Count:N0} reached before the first suspicious call (the key's normal use)"));
            w.Write("</summary>");
            AffectedTable(w, before);
            w.Write("</details>");
        }
    }

    private static void AffectedTable(TextWriter w, IReadOnlyList<AffectedResource> rows) =>
        Table(w, ["kind", "name", "reached by", "first seen", "state as far as the evidence shows"], [11, 24, 22, 15, 28], rows.Select(a => new[]
        {
            Encode(a.Kind),
            "<code class=\"nbh-break\">" + Encode(a.Name) + "</code>",
            Encode(a.ReachedBy),
            Text(Encode(UtcTime.Text(a.FirstSeen))),
            (a.NeedsAction ? "<span class=\"nbh-open\">open:</span> " + Encode(a.State) : Encode(a.State)) +
            "<br><span class=\"nbh-detail\">event <code>" + Encode(a.EventId) + "</code></span>",
        }));

    private static void Actions(IncidentReport report, TextWriter w)
    {
        var log = report.Options.Actions;
        w.Write("<p>");
        Write(w, log.Path is null
            ? "No containment was executed through nbh for this evidence (no actions log in the evidence folder). Actions seen in CloudTrail:"
            : string.Create(CultureInfo.InvariantCulture, $"{log.Records.Count:N0} action(s) executed through nbh (the evidence folder's actions log), and the actions seen in CloudTrail:"));
        w.Write("</p>");
        foreach (var problem in log.Problems)
        {
            w.Write("<div class=\"nbh-warning\">");
            Write(w, problem);
            w.Write("</div>");
        }

        Table(w, ["time", "source", "what", "by", "outcome", "command / event id"], [15, 10, 25, 14, 12, 24], report.ActionsTaken.Select(a => new[]
        {
            Text(Encode(UtcTime.Text(a.Time))),
            Encode(a.Source),
            Encode(a.What),
            Encode(a.By),
            Encode(a.Outcome),
            "<code class=\"nbh-break\">" + Encode(a.Command ?? a.EventId) + "</code>",
        }));
    }

    private static void NextSteps(IncidentReport report, TextWriter w)
    {
        if (report.NextSteps.Count == 0)
        {
            w.Write("<p>The evidence shows nothing left open.</p>");
            return;
        }

        w.Write("<p>What the evidence shows is still open, with the command that closes it. Check the current state first (the evidence ends at its last event), and keep a record of what you run.</p><ol>");
        foreach (var step in report.NextSteps)
        {
            w.Write("<li><b>");
            Write(w, step.What);
            w.Write("</b>: ");
            Write(w, step.Why);
            w.Write("<pre><code>");
            Write(w, step.Command);
            w.Write("</code></pre></li>");
        }

        w.Write("</ol>");
    }

    private static void Questionnaire(IncidentReport report, TextWriter w)
    {
        w.Write("<p>The impact questions of the AWS incident-response playbooks workshop (IAM credential exposure, Part 3). Facts come from the evidence; questions only people can answer are marked, and the write-up notebook's parameters take the analyst's answers.</p>");
        foreach (var answer in report.Questionnaire)
        {
            w.Write("<h3>");
            Write(w, $"{answer.Question.Number}. {answer.Question.Text}");
            w.Write(" <span class=\"nbh-status ");
            w.Write(answer.Status switch
            {
                AnswerStatus.FromEvidence => "nbh-status-evidence",
                AnswerStatus.AnsweredByAnalyst => "nbh-status-analyst",
                _ => "nbh-status-needs",
            });
            w.Write("\">");
            Write(w, answer.StatusText);
            w.Write("</span></h3><p class=\"nbh-guidance\">");
            Write(w, answer.Question.Guidance);
            w.Write("</p>");
            if (answer.AnalystAnswer is { } analyst)
            {
                w.Write("<p><b>Analyst:</b> ");
                Write(w, analyst);
                w.Write("</p>");
            }

            List(w, answer.Facts);
            if (answer.EventIds.Count > 0)
            {
                w.Write("<p class=\"nbh-caption\">Events: ");
                Write(w, string.Join(", ", answer.EventIds));
                w.Write("</p>");
            }
        }
    }

    private static void Evidence(IncidentReport report, TextWriter w)
    {
        if (report.Options.Manifest is not { } manifest)
        {
            w.Write("<p>No evidence manifest was built for this report.</p>");
            return;
        }

        w.Write("<p>");
        Write(w, string.Create(CultureInfo.InvariantCulture,
            $"{manifest.Files.Count:N0} file(s), {manifest.TotalBytes:N0} bytes, hashed with SHA-256 (evidence-manifest.json lists every file). Fingerprint of the manifest: {manifest.Fingerprint}."));
        w.Write("</p>");
        foreach (var note in manifest.Notes)
        {
            w.Write("<div class=\"nbh-warning\">");
            Write(w, note);
            w.Write("</div>");
        }

        foreach (var mismatch in manifest.Mismatches)
        {
            w.Write("<div class=\"nbh-warning\">");
            Write(w, $"{mismatch.Root}:{mismatch.Path} differs from its evidence folder's manifest: the file changed after it was fetched.");
            w.Write("</div>");
        }

        w.Write("<details><summary>");
        Write(w, manifest.Files.Count > MaxManifestRows ? string.Create(CultureInfo.InvariantCulture, $"The first {MaxManifestRows} files") : "The files");
        w.Write("</summary>");
        w.Write("<div class=\"nbh-screen-only\">");
        Table(w, ["root", "path", "bytes", "SHA-256", "check"], [8, 37, 9, 36, 10], manifest.Files.Take(MaxManifestRows).Select(f => new[]
        {
            Encode(f.Root),
            "<code>" + Encode(f.Path) + "</code>",
            f.Size.ToString("N0", CultureInfo.InvariantCulture),
            "<code class=\"nbh-break\">" + f.Sha256 + "</code>",
            Encode(f.ManifestCheck),
        }));
        w.Write("</div></details>");
    }

    // Cells are HTML already encoded by the caller.
    internal static void Table(TextWriter w, IReadOnlyList<string> headers, IEnumerable<string[]> rows) => Table(w, headers, null, rows);

    // Cells are HTML already encoded by the caller. With widths (percentages, one per column) the table takes the
    // page's width in those proportions, so narrow ids and times do not squeeze the prose columns into slivers.
    internal static void Table(TextWriter w, IReadOnlyList<string> headers, IReadOnlyList<int>? widths, IEnumerable<string[]> rows)
    {
        w.Write(widths is null
            ? "<div class=\"nbh-table-wrap\" style=\"max-height:none\"><table class=\"nbh-table\">"
            : "<div class=\"nbh-table-wrap\" style=\"max-height:none\"><table class=\"nbh-table nbh-fit\"><colgroup>");
        if (widths is not null)
        {
            foreach (var width in widths)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"<col style=\"width:{width}%\">"));
            }

            w.Write("</colgroup>");
        }

        w.Write("<thead><tr>");
        foreach (var h in headers)
        {
            w.Write("<th>");
            Write(w, h);
            w.Write("</th>");
        }

        w.Write("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            w.Write("<tr>");
            foreach (var cell in row)
            {
                w.Write("<td>");
                w.Write(cell);
                w.Write("</td>");
            }

            w.Write("</tr>");
        }

        w.Write("</tbody></table></div>");
    }

    private static string Text(string encoded) => "<span class=\"nbh-nowrap\">" + encoded + "</span>";

    private static string Badge(Severity severity) => FindingsRendering.SeverityBadge(severity);
}
