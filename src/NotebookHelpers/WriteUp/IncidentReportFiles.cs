using System.Text;

namespace NotebookHelpers.WriteUp;

/// <summary>Writes a report's files: the HTML page, findings JSON and CSV, and the evidence manifest.</summary>
internal static class IncidentReportFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<IReadOnlyList<string>> WriteAsync(IncidentReport report, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        var files = new List<(string Name, string Text)>
        {
            (IncidentReport.HtmlFileName, report.ToHtmlPage()),
            (IncidentReport.FindingsJsonFileName, report.FindingsJson()),
            (IncidentReport.FindingsCsvFileName, report.FindingsCsv()),
        };
        if (report.Options.Manifest is { } manifest)
        {
            files.Add((IncidentReport.ManifestFileName, manifest.ToJson()));
        }

        var written = new List<string>();
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            await File.WriteAllTextAsync(path, text, Utf8, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        Display.WrittenOutputs.Announce(folder, "incident report");
        return written;
    }
}
