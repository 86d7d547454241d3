using System.Globalization;
using System.Text.Json.Serialization;
using NotebookHelpers.Display;
using NotebookHelpers.Html;

namespace NotebookHelpers.Charts;

/// <summary>
/// A plotly.js figure (traces, layout, config) built in C# and serialised with System.Text.Json, so charts need
/// neither Plotly.NET nor F# at run time and work in every notebook host. Displays itself as an offline chart.
/// </summary>
/// <example>
/// <code>
/// var figure = new PlotlyFigure("Calls per region")
///     .Add(PlotlyTrace.Bar("calls", regions, counts).WithColor(ChartPalette.Success));
/// figure   // in a notebook cell: draws the chart
/// </code>
/// </example>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class PlotlyFigure : IHtmlRenderable
{
    // These trace types fetch map tiles or topojson from the internet, which an offline report cannot do.
    private static readonly HashSet<string> NetworkTraceTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "scattergeo", "choropleth", "scattermapbox", "choroplethmapbox", "densitymapbox", "scattermap", "choroplethmap", "densitymap",
    };

    private string? _title;

    /// <summary>Creates an empty figure.</summary>
    public PlotlyFigure()
    {
    }

    /// <summary>Creates an empty figure with a title (plain text; it is encoded for plotly.js).</summary>
    public PlotlyFigure(string title)
    {
        Title = title;
    }

    /// <summary>
    /// The chart title as plain text. plotly.js reads titles, trace names, hover text and category labels as a
    /// little HTML dialect and decodes entities, so the title is stored encoded in <see cref="PlotlyLayout.Title"/>:
    /// a title made from evidence shows exactly as recorded.
    /// </summary>
    [JsonIgnore]
    public string? Title
    {
        get => _title;
        set
        {
            _title = value;
            Layout.Title = value is null ? null : new PlotlyTitle(PlotlyText.Encode(value));
        }
    }

    /// <summary>The traces.</summary>
    [JsonPropertyName("data")]
    public List<PlotlyTrace> Data { get; } = [];

    /// <summary>The layout.</summary>
    [JsonPropertyName("layout")]
    public PlotlyLayout Layout { get; } = new();

    /// <summary>The configuration.</summary>
    [JsonPropertyName("config")]
    public PlotlyConfig Config { get; } = new();

    /// <summary>
    /// One or two sentences saying what the chart shows in numbers; the plain-text rendering and screen readers use it.
    /// </summary>
    [JsonIgnore]
    public string? Summary { get; set; }

    /// <summary>Adds a trace; returns the figure.</summary>
    /// <exception cref="ArgumentException">The trace type needs map data from the internet.</exception>
    public PlotlyFigure Add(PlotlyTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (NetworkTraceTypes.Contains(trace.Type))
        {
            throw new ArgumentException(
                $"Trace type '{trace.Type}' loads map data from the internet and cannot draw offline; use a bar chart or a heatmap instead.",
                nameof(trace));
        }

        Data.Add(trace);
        return this;
    }

    /// <summary>The figure as plotly.js JSON (<c>{"data":[…],"layout":{…},"config":{…}}</c>), safe inside a script element.</summary>
    public string ToJson() => PlotlyJson.Serialize(this);

    /// <summary>A complete offline HTML page with this chart, for saving next to a report.</summary>
    public string ToHtmlPage()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.Write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>");
        HtmlText.Write(writer, Title ?? "Chart");
        writer.Write("</title></head><body>");
        PlotlyHtml.WriteFigure(writer, this, includePlotlyJs: true);
        writer.Write("</body></html>");
        return writer.ToString();
    }

    /// <summary>Writes the chart as a notebook output: with plotly.js when it is the notebook's first chart (<see cref="Display.PlotlyJsPerNotebook"/>).</summary>
    public void WriteHtml(TextWriter writer) => PlotlyHtml.WriteFigure(writer, this, Display.PlotlyJsPerNotebook.ThisOutputCarriesPlotlyJs());

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("Chart: " + (Title ?? "(untitled)"));
        if (Summary is not null)
        {
            writer.WriteLine(Summary);
        }

        foreach (var trace in Data)
        {
            var points = trace.X?.Count ?? trace.Y?.Count ?? trace.Z?.Count ?? 0;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {trace.Type} '{trace.Name ?? "(unnamed)"}': {points:N0} points"));
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WritePlainText(writer);
        return writer.ToString();
    }
}
