using System.Globalization;

namespace NotebookHelpers.WriteUp;

/// <summary>The plain-text rendering of an <see cref="IncidentReport"/>: summary, counts and the questionnaire's state.</summary>
internal static class IncidentReportText
{
    public static void Write(IncidentReport report, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine(report.Title);
        if (IncidentReportHtml.CaseLine(report.Options) is { } caseLine)
        {
            w.WriteLine(caseLine);
        }

        foreach (var line in report.Summary)
        {
            w.WriteLine("- " + line);
        }

        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Timeline.Count} timeline entries, {report.Findings.Count} findings, {report.AffectedResources.Count} affected resources ({report.AffectedResources.Count(a => a.NeedsAction)} open), {report.ActionsTaken.Count} actions, {report.NextSteps.Count} next steps"));
        foreach (var answer in report.Questionnaire)
        {
            w.WriteLine($"Q{answer.Question.Number} {answer.Question.Text} [{answer.StatusText}]");
        }

        w.WriteLine("Trail integrity: " + (report.Options.Integrity?.Verdict ?? "not checked (no digest files in the evidence)"));
        if (report.Options.Manifest is { } manifest)
        {
            w.WriteLine(manifest.ToString());
        }
    }
}
