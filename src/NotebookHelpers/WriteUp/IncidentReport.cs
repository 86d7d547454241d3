using NotebookHelpers.Charts;
using NotebookHelpers.Detections;
using NotebookHelpers.Display;
using NotebookHelpers.Html;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.WriteUp;

/// <summary>
/// The incident write-up: summary, timeline, findings with their evidence, affected resources, actions taken, next
/// steps, the impact questionnaire, charts and the evidence manifest. Built by <see cref="IncidentReportBuilder"/>
/// from an investigation; written as offline HTML plus findings JSON and CSV and the manifest by
/// <see cref="WriteFilesAsync"/>. Nothing in it depends on when or where it was made: the same evidence gives the same
/// bytes. Displays itself in a notebook.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class IncidentReport : IHtmlRenderable
{
    /// <summary>The HTML report's file name.</summary>
    public const string HtmlFileName = "incident-report.html";

    /// <summary>The findings JSON's file name.</summary>
    public const string FindingsJsonFileName = "findings.json";

    /// <summary>The findings CSV's file name.</summary>
    public const string FindingsCsvFileName = "findings.csv";

    /// <summary>The evidence manifest's file name.</summary>
    public const string ManifestFileName = "evidence-manifest.json";

    internal IncidentReport(
        IncidentReportOptions options,
        Investigator investigator,
        IReadOnlyList<KeyInvestigation> investigations,
        IReadOnlyList<string> summary,
        IReadOnlyList<TimelineEntry> timeline,
        IReadOnlyList<Finding> findings,
        IReadOnlyList<AffectedResource> affected,
        IReadOnlyList<ActionTaken> actions,
        IReadOnlyList<NextStep> nextSteps,
        IReadOnlyList<ImpactAnswer> questionnaire,
        IReadOnlyList<PlotlyFigure> charts)
    {
        Options = options;
        Investigator = investigator;
        Investigations = investigations;
        Summary = summary;
        Timeline = timeline;
        Findings = findings;
        AffectedResources = affected;
        ActionsTaken = actions;
        NextSteps = nextSteps;
        Questionnaire = questionnaire;
        Charts = charts;
    }

    /// <summary>The title.</summary>
    public string Title => Options.Title;

    /// <summary>The options it was built with (sources, manifest, actions log, analyst answers).</summary>
    public IncidentReportOptions Options { get; }

    /// <summary>The investigator over the whole evidence (every finding, not only the investigated keys').</summary>
    public Investigator Investigator { get; }

    /// <summary>The investigated keys, most urgent first.</summary>
    public IReadOnlyList<KeyInvestigation> Investigations { get; }

    /// <summary>The summary, one sentence per item.</summary>
    public IReadOnlyList<string> Summary { get; }

    /// <summary>The timeline, oldest first.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; }

    /// <summary>The findings on the investigated keys and their blast radius, in detection order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Everything in the blast radius, attack first, with its state.</summary>
    public IReadOnlyList<AffectedResource> AffectedResources { get; }

    /// <summary>Response actions: executed through nbh and seen in CloudTrail, oldest first.</summary>
    public IReadOnlyList<ActionTaken> ActionsTaken { get; }

    /// <summary>What the evidence shows is still open, with the commands that close it.</summary>
    public IReadOnlyList<NextStep> NextSteps { get; }

    /// <summary>The impact questionnaire.</summary>
    public IReadOnlyList<ImpactAnswer> Questionnaire { get; }

    /// <summary>The charts drawn in the HTML report.</summary>
    public IReadOnlyList<PlotlyFigure> Charts { get; }

    /// <summary>The id a finding has in this report and in findings.json/csv: <c>F001</c>… in detection order over the whole evidence.</summary>
    public string FindingId(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return FindingIds.Of(Investigator.Detections, finding);
    }

    /// <summary>The report as a complete offline HTML page.</summary>
    public string ToHtmlPage() => IncidentReportHtml.Page(this);

    /// <summary>Every finding over the evidence as JSON (schema in docs/incident-report.md).</summary>
    public string FindingsJson() => WriteUp.FindingsJson.Write(this);

    /// <summary>Every finding over the evidence as CSV (formula-like cells are quoted so spreadsheets show them as text).</summary>
    public string FindingsCsv() => WriteUp.FindingsCsv.Write(this);

    /// <summary>
    /// Writes the HTML report, findings.json, findings.csv and evidence-manifest.json into <paramref name="folder"/>
    /// (created when missing; files of the same names are replaced). Returns the files written, in that order.
    /// </summary>
    public Task<IReadOnlyList<string>> WriteFilesAsync(string folder, CancellationToken cancellationToken = default) =>
        IncidentReportFiles.WriteAsync(this, folder, cancellationToken);

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => IncidentReportHtml.Fragment(this, writer);

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer) => IncidentReportText.Write(this, writer);

    /// <inheritdoc />
    public override string ToString()
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        WritePlainText(writer);
        return writer.ToString();
    }
}
