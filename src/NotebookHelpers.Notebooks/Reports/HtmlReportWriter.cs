using System.Globalization;
using System.Reflection;
using System.Text;
using NotebookHelpers.Charts;
using NotebookHelpers.Html;
using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Notebooks.Parameters;

namespace NotebookHelpers.Notebooks.Reports;

/// <summary>
/// Writes the self-contained HTML report of an executed notebook: rendered markdown, highlighted code, every output,
/// failed cells highlighted and listed at the top, the parameters used, and plotly.js inlined once for all charts.
/// Nothing is loaded from the network, so the report opens on an air-gapped workstation. Text from the notebook and
/// its plain-text outputs is encoded; HTML outputs come from formatters that encode what they render. The report has
/// no timestamps, so re-running the same notebook on the same evidence writes the same bytes.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>The report for <paramref name="result"/> as a string.</summary>
    public static string Render(NotebookRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = result.Document;
        var body = new StringBuilder();
        var needsPlotly = false;
        var cellNumber = 0;
        var failedCells = result.Failures.Select(f => f.ExecutionCount).ToHashSet();
        var ran = true;
        foreach (var cell in document.Cells)
        {
            cellNumber++;
            if (cell.Kind == CellKind.Code && cell.ExecutionCount is null && !string.IsNullOrWhiteSpace(cell.Source))
            {
                ran = false;
            }

            WriteCell(body, cell, cellNumber, failedCells, ran, ref needsPlotly);
        }

        var html = new StringBuilder(body.Length + 8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta name=\"generator\" content=\"nbh run ").Append(HtmlText.Encode(Version())).Append("\">\n");
        html.Append("<title>").Append(HtmlText.Encode(document.Title)).Append("</title>\n");
        html.Append("<style>").Append(ReportStyles.Css).Append(HtmlStyles.Css).Append("</style>\n");
        if (needsPlotly)
        {
            html.Append(PlotlyJs.LoaderElement).Append('\n');
        }

        html.Append("</head>\n<body>\n");
        WriteHeader(html, result);
        html.Append("<main>\n").Append(body).Append("</main>\n");
        html.Append("<footer class=\"report\">Written by nbh run from ").Append(HtmlText.Encode(Path.GetFileName(document.Path)))
            .Append(". Self-contained: charts and tables work offline.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes the report to <paramref name="path"/> (UTF-8, no BOM).</summary>
    public static async Task WriteAsync(NotebookRunResult result, string path, CancellationToken cancellationToken = default)
    {
        await File.WriteAllTextAsync(path, Render(result), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    private static void WriteHeader(StringBuilder html, NotebookRunResult result)
    {
        var document = result.Document;
        var codeCells = document.Cells.Count(c => c.Kind == CellKind.Code && !string.IsNullOrWhiteSpace(c.Source));
        html.Append("<header class=\"report\">\n");
        if (!StartsWithHeading(document))
        {
            html.Append("<h1>").Append(HtmlText.Encode(document.Title)).Append("</h1>\n");
        }

        html.Append("<div class=\"meta\">").Append(HtmlText.Encode(Path.GetFileName(document.Path))).Append(" · ")
            .Append(codeCells.ToString(CultureInfo.InvariantCulture)).Append(" code cells · ");
        html.Append(result.Succeeded
            ? "<span class=\"badge ok\">all cells ran</span>"
            : "<span class=\"badge failed\">" + result.UnexpectedFailures.Count.ToString(CultureInfo.InvariantCulture) + " failed</span>");
        html.Append("</div>\n");
        WriteParameters(html, document, result.Injection);
        var failures = result.UnexpectedFailures;
        if (failures.Count > 0)
        {
            html.Append("<div class=\"failures\" role=\"alert\"><strong>Failed cells</strong><ul>");
            foreach (var failure in failures)
            {
                html.Append("<li><a href=\"#in-").Append(failure.ExecutionCount.ToString(CultureInfo.InvariantCulture)).Append("\">")
                    .Append(HtmlText.Encode(failure.Where)).Append("</a>: ")
                    .Append(HtmlText.Encode(failure.ErrorName)).Append(": ").Append(HtmlText.Encode(failure.FirstLine)).Append("</li>");
            }

            html.Append("</ul>");
            if (result.StoppedEarly)
            {
                html.Append("The run stopped at the first failure; later cells did not run.");
            }

            html.Append("</div>\n");
        }

        if (result.Warnings.Count > 0)
        {
            html.Append("<div class=\"warnings\"><strong>Warnings</strong><ul>");
            foreach (var warning in result.Warnings)
            {
                html.Append("<li>").Append(HtmlText.Encode(warning)).Append("</li>");
            }

            html.Append("</ul></div>\n");
        }

        html.Append("</header>\n");
    }

    private static void WriteParameters(StringBuilder html, NotebookDocument document, ParameterInjection? injection)
    {
        var parametersCell = document.Cells.FirstOrDefault(c => c.Kind == CellKind.Code && c.HasTag(ParameterInjection.ParametersTag));
        var declared = parametersCell is null ? [] : ParametersCellParser.Parse(parametersCell.Source);
        var injected = injection?.Values.ToDictionary(v => v.Name, StringComparer.Ordinal) ?? [];
        if (declared.Count == 0 && injected.Count == 0)
        {
            return;
        }

        html.Append("<table class=\"params\"><thead><tr><th>Parameter</th><th>Value</th><th>From</th></tr></thead><tbody>");
        foreach (var parameter in declared)
        {
            var given = injected.GetValueOrDefault(parameter.Name);
            AppendParameterRow(html, parameter.Name, given?.Text ?? parameter.DefaultText ?? string.Empty, given is null ? "notebook default" : "-p (" + given.TypeName + ")");
        }

        foreach (var extra in injected.Values.Where(v => !v.Declared))
        {
            AppendParameterRow(html, extra.Name, extra.Text, "-p (" + extra.TypeName + "), not declared by the notebook");
        }

        html.Append("</tbody></table>\n");
    }

    private static void AppendParameterRow(StringBuilder html, string name, string value, string from) =>
        html.Append("<tr><td>").Append(HtmlText.Encode(name)).Append("</td><td class=\"value\">").Append(HtmlText.Encode(value))
            .Append("</td><td>").Append(HtmlText.Encode(from)).Append("</td></tr>");

    private static void WriteCell(StringBuilder html, NotebookCell cell, int number, HashSet<int> failedCells, bool ran, ref bool needsPlotly)
    {
        switch (cell.Kind)
        {
            case CellKind.Markdown:
                html.Append("<section class=\"cell markdown\" id=\"cell-").Append(number.ToString(CultureInfo.InvariantCulture)).Append("\">")
                    .Append(MarkdownRenderer.ToHtml(cell.Source)).Append("</section>\n");
                return;
            case CellKind.Raw:
                html.Append("<section class=\"cell raw\" id=\"cell-").Append(number.ToString(CultureInfo.InvariantCulture)).Append("\"><pre class=\"raw\">")
                    .Append(HtmlText.Encode(cell.Source)).Append("</pre></section>\n");
                return;
        }

        if (string.IsNullOrWhiteSpace(cell.Source))
        {
            return;
        }

        var failed = cell.ExecutionCount is { } count && failedCells.Contains(count);
        var classes = "cell code" + (failed ? " failed" : string.Empty) + (!ran && cell.ExecutionCount is null ? " not-run" : string.Empty);
        html.Append("<section class=\"").Append(classes).Append("\" id=\"cell-").Append(number.ToString(CultureInfo.InvariantCulture)).Append('"').Append('>');
        if (cell.ExecutionCount is { } n)
        {
            html.Append("<a id=\"in-").Append(n.ToString(CultureInfo.InvariantCulture)).Append("\"></a>");
        }

        var label = cell.HasTag(ParameterInjection.InjectedTag) ? "Injected parameters"
            : cell.HasTag(ParameterInjection.ParametersTag) ? "Parameters (defaults)"
            : cell.ExecutionCount is null ? "Not run" : null;
        if (label is not null)
        {
            html.Append("<div class=\"cell-label\">").Append(label).Append("</div>");
        }

        html.Append("<div class=\"input\"><div class=\"prompt\">")
            .Append(cell.ExecutionCount is { } e ? "In [" + e.ToString(CultureInfo.InvariantCulture) + "]:" : "In [ ]:")
            .Append("</div><pre><code class=\"language-csharp\">").Append(CSharpHighlighter.ToHtml(cell.Source)).Append("</code></pre></div>");
        if (cell.Outputs.Count > 0)
        {
            html.Append("<div class=\"outputs\">");
            foreach (var output in cell.Outputs)
            {
                WriteOutput(html, output, ref needsPlotly);
            }

            html.Append("</div>");
        }

        html.Append("</section>\n");
    }

    private static void WriteOutput(StringBuilder html, CellOutput output, ref bool needsPlotly)
    {
        html.Append("<div class=\"output\">");
        switch (output)
        {
            case StreamOutput stream:
                html.Append("<pre class=\"stream ").Append(stream.Name == "stderr" ? "stderr" : "stdout").Append("\">")
                    .Append(HtmlText.Encode(stream.Text)).Append("</pre>");
                break;
            case DisplayDataOutput display:
                WriteData(html, display.Data, ref needsPlotly);
                break;
            case ExecuteResultOutput result:
                WriteData(html, result.Data, ref needsPlotly);
                break;
            case ErrorOutput error:
                html.Append("<div class=\"error\" role=\"alert\"><div class=\"error-title\">")
                    .Append(HtmlText.Encode(error.Name)).Append("</div><pre>").Append(HtmlText.Encode(error.Value));
                if (error.Traceback.Count > 0)
                {
                    html.Append('\n').Append(HtmlText.Encode(string.Join('\n', error.Traceback)));
                }

                html.Append("</pre></div>");
                break;
        }

        html.Append("</div>");
    }

    private static void WriteData(StringBuilder html, IReadOnlyDictionary<string, string> data, ref bool needsPlotly)
    {
        if (data.TryGetValue("text/html", out var fragment))
        {
            // One plotly.js per report, in <head>: the notebook's first chart output carries the loader (for Jupyter),
            // later ones wait for it; here it is removed, and a chart in any output asks for the copy in <head>.
            var stripped = PlotlyJs.RemoveLoaders(fragment, out var removed);
            needsPlotly |= removed || stripped.Contains(PlotlyHtml.FigureClass, StringComparison.Ordinal);
            html.Append(stripped);
        }
        else if (data.TryGetValue("image/png", out var png))
        {
            html.Append("<img alt=\"\" src=\"data:image/png;base64,").Append(HtmlText.Encode(png.Trim())).Append("\">");
        }
        else if (data.TryGetValue("text/markdown", out var markdown))
        {
            html.Append("<div class=\"markdown\">").Append(MarkdownRenderer.ToHtml(markdown)).Append("</div>");
        }
        else if (data.TryGetValue("text/plain", out var text))
        {
            html.Append("<pre class=\"plain\">").Append(HtmlText.Encode(text)).Append("</pre>");
        }
        else if (data.Count > 0)
        {
            var first = data.First();
            html.Append("<pre class=\"plain\">").Append(HtmlText.Encode(first.Key + ":\n" + first.Value)).Append("</pre>");
        }
    }

    private static bool StartsWithHeading(NotebookDocument document) =>
        document.Cells.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Source)) is { Kind: CellKind.Markdown } first &&
        first.Source.TrimStart().StartsWith('#');

    private static string Version() =>
        typeof(HtmlReportWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
