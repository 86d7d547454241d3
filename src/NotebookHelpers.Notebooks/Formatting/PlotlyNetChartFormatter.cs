using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookHelpers.Charts;
using Plotly.NET;

namespace NotebookHelpers.Notebooks.Formatting;

/// <summary>
/// Offline display of Plotly.NET charts (<c>#r "nuget: Plotly.NET, 6.0.0"</c>) in <c>nbh run</c>. Plotly.NET's own
/// notebook formatter loads plotly.js from a CDN; this one takes the chart's figure JSON, re-serialises it through
/// <see cref="PlotlyJson"/> (so strings cannot break out of the script) and renders it with the embedded plotly.js,
/// exactly like the library's own figures. The host references Plotly.NET 6.0.0 with FSharp.Core 10.1, so a notebook's
/// Plotly.NET binds to the same assembly and this formatter applies to its charts.
/// </summary>
public static class PlotlyNetChartFormatter
{
    private const int DefaultHeight = 600;

    /// <summary>Registers the formatter for <see cref="GenericChart"/>.</summary>
    public static void Register()
    {
        Formatter.Register<GenericChart>((chart, writer) => Write(chart, writer), NotebookHelpers.Display.NotebookFormatter.HtmlMimeType);
    }

    /// <summary>Writes <paramref name="chart"/> as an offline chart, with plotly.js when it is the notebook's first chart.</summary>
    public static void Write(GenericChart chart, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(writer);
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart))
            ?? throw new InvalidOperationException("Plotly.NET returned an empty figure.");
        var height = figure["layout"]?["height"] is JsonValue h && h.GetValueKind() == JsonValueKind.Number ? h.GetValue<int>() : DefaultHeight;
        PlotlyHtml.WriteFigureJson(writer, figure.ToJsonString(PlotlyJson.Options), height, NotebookHelpers.Display.PlotlyJsPerNotebook.ThisOutputCarriesPlotlyJs());
    }
}
