using System.Text.Json.Serialization;

namespace NotebookHelpers.Charts;

/// <summary>
/// One plotly.js trace (a series). The common attributes are typed; anything else plotly.js accepts goes in
/// <see cref="Extra"/> under its plotly.js name (see the plotly.js reference, version 2.28).
/// Create traces with <see cref="Bar"/>, <see cref="Scatter"/>, <see cref="Lines"/> or <see cref="Heatmap"/>.
/// </summary>
public sealed class PlotlyTrace
{
    /// <summary>Creates a trace of a plotly.js type, e.g. <c>bar</c>, <c>scatter</c>, <c>heatmap</c>.</summary>
    public PlotlyTrace(string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Type = type;
    }

    /// <summary>The plotly.js trace type.</summary>
    [JsonPropertyName("type")]
    public string Type { get; }

    /// <summary>The legend entry.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>X values: numbers, strings or <see cref="DateTimeOffset"/> (written as UTC).</summary>
    [JsonPropertyName("x")]
    public IReadOnlyList<object?>? X { get; set; }

    /// <summary>Y values.</summary>
    [JsonPropertyName("y")]
    public IReadOnlyList<object?>? Y { get; set; }

    /// <summary>Z values of a heatmap: one row per y value, one column per x value.</summary>
    [JsonPropertyName("z")]
    public IReadOnlyList<IReadOnlyList<double?>>? Z { get; set; }

    /// <summary>Per-point text, shown on hover (or on the point with <c>textposition</c>).</summary>
    [JsonPropertyName("text")]
    public IReadOnlyList<string?>? Text { get; set; }

    /// <summary>The hover template, e.g. <c>%{x}: %{y} events&lt;extra&gt;&lt;/extra&gt;</c>. Evidence strings belong in <see cref="Text"/>, not here.</summary>
    [JsonPropertyName("hovertemplate")]
    public string? HoverTemplate { get; set; }

    /// <summary>Scatter drawing mode: <c>lines</c>, <c>markers</c>, <c>lines+markers</c>.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; set; }

    /// <summary>Bar orientation: <c>v</c> (default) or <c>h</c>.</summary>
    [JsonPropertyName("orientation")]
    public string? Orientation { get; set; }

    /// <summary>Marker style (bar fill, scatter points).</summary>
    [JsonPropertyName("marker")]
    public PlotlyMarker? Marker { get; set; }

    /// <summary>Line style of scatter traces.</summary>
    [JsonPropertyName("line")]
    public PlotlyLine? Line { get; set; }

    /// <summary>Whether the trace appears in the legend.</summary>
    [JsonPropertyName("showlegend")]
    public bool? ShowLegend { get; set; }

    /// <summary>Heatmap colour scale, e.g. <c>Blues</c>, or a list of <c>[fraction, colour]</c> pairs.</summary>
    [JsonPropertyName("colorscale")]
    public object? ColorScale { get; set; }

    /// <summary>Any other plotly.js trace attribute, by its plotly.js name.</summary>
    [JsonExtensionData]
    public Dictionary<string, object?> Extra { get; } = new(StringComparer.Ordinal);

    /// <summary>A bar trace.</summary>
    public static PlotlyTrace Bar<TX, TY>(string name, IEnumerable<TX> x, IEnumerable<TY> y) =>
        new("bar") { Name = name, X = Box(x), Y = Box(y) };

    /// <summary>A horizontal bar trace: <paramref name="categories"/> on the y axis, <paramref name="values"/> along x.</summary>
    public static PlotlyTrace HorizontalBar<TY, TX>(string name, IEnumerable<TY> categories, IEnumerable<TX> values) =>
        new("bar") { Name = name, Y = Box(categories), X = Box(values), Orientation = "h" };

    /// <summary>A scatter trace of markers.</summary>
    public static PlotlyTrace Scatter<TX, TY>(string name, IEnumerable<TX> x, IEnumerable<TY> y) =>
        new("scatter") { Name = name, X = Box(x), Y = Box(y), Mode = "markers" };

    /// <summary>A line trace.</summary>
    public static PlotlyTrace Lines<TX, TY>(string name, IEnumerable<TX> x, IEnumerable<TY> y) =>
        new("scatter") { Name = name, X = Box(x), Y = Box(y), Mode = "lines" };

    /// <summary>A heatmap: <paramref name="z"/> has one row per <paramref name="y"/> value and one column per <paramref name="x"/> value.</summary>
    public static PlotlyTrace Heatmap<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, IReadOnlyList<IReadOnlyList<double?>> z) =>
        new("heatmap") { X = Box(x), Y = Box(y), Z = z };

    /// <summary>Sets a single colour for the trace's markers and lines; returns the trace.</summary>
    public PlotlyTrace WithColor(string color)
    {
        Marker ??= new PlotlyMarker();
        Marker.Color = color;
        if (Type == "scatter")
        {
            Line ??= new PlotlyLine();
            Line.Color = color;
        }

        return this;
    }

    /// <summary>Sets per-point hover text and a hover template that shows it; returns the trace.</summary>
    public PlotlyTrace WithHoverText(IEnumerable<string?> text, string template = "%{text}<extra></extra>")
    {
        Text = text.ToList();
        HoverTemplate = template;

        // Hover only: without this, bar traces also print the text inside every bar.
        Extra["textposition"] = "none";
        return this;
    }

    /// <summary>Sets any plotly.js attribute by name; returns the trace.</summary>
    public PlotlyTrace With(string attribute, object? value)
    {
        Extra[attribute] = value;
        return this;
    }

    private static List<object?> Box<T>(IEnumerable<T> values) => values.Select(v => (object?)v).ToList();
}
