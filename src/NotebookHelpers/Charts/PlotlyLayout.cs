using System.Text.Json.Serialization;

namespace NotebookHelpers.Charts;

/// <summary>The layout of a figure: title, axes, stacking, size, shapes and annotations.</summary>
public sealed class PlotlyLayout
{
    /// <summary>The chart title (see <see cref="ChartTitle"/> for where it is drawn).</summary>
    [JsonIgnore]
    public PlotlyTitle? Title { get; set; }

    /// <summary>
    /// The title as plotly.js reads it: pinned to the top left of the figure, so it stays clear of the legend, which
    /// sits in the top margin just above the plot (plotly.js centres a title vertically in that margin by default,
    /// where the two overlap).
    /// </summary>
    [JsonPropertyName("title")]
    public Dictionary<string, object>? ChartTitle => Title is null ? null : new(StringComparer.Ordinal)
    {
        ["text"] = Title.Text,
        ["x"] = 0,
        ["xref"] = "paper",
        ["xanchor"] = "left",
        ["y"] = 1,
        ["yref"] = "container",
        ["yanchor"] = "top",
        // Below the row of plotly.js's toolbar (top right), so a long title never runs under it.
        ["pad"] = new Dictionary<string, int>(StringComparer.Ordinal) { ["t"] = 32 },
    };

    /// <summary>The x axis.</summary>
    [JsonPropertyName("xaxis")]
    public PlotlyAxis XAxis { get; set; } = new();

    /// <summary>The y axis.</summary>
    [JsonPropertyName("yaxis")]
    public PlotlyAxis YAxis { get; set; } = new();

    /// <summary><c>stack</c>, <c>group</c>, <c>overlay</c> or <c>relative</c> for bar traces.</summary>
    [JsonPropertyName("barmode")]
    public string? BarMode { get; set; }

    /// <summary>Height in pixels; the width follows the page.</summary>
    [JsonPropertyName("height")]
    public int Height { get; set; } = 420;

    /// <summary>Hover behaviour: <c>closest</c>, <c>x</c>, <c>x unified</c>.</summary>
    [JsonPropertyName("hovermode")]
    public string? HoverMode { get; set; }

    /// <summary>Shapes such as containment markers.</summary>
    [JsonPropertyName("shapes")]
    public List<PlotlyShape> Shapes { get; } = [];

    /// <summary>Text labels.</summary>
    [JsonPropertyName("annotations")]
    public List<PlotlyAnnotation> Annotations { get; } = [];

    /// <summary>Legend placement; horizontal above the plot by default.</summary>
    [JsonPropertyName("legend")]
    public Dictionary<string, object?> Legend { get; } = new(StringComparer.Ordinal)
    {
        ["orientation"] = "h",
        ["y"] = 1.02,
        ["yanchor"] = "bottom",
        ["x"] = 0,
        ["traceorder"] = "normal",
    };

    /// <summary>Margins in pixels.</summary>
    [JsonPropertyName("margin")]
    public Dictionary<string, int> Margin { get; } = new(StringComparer.Ordinal) { ["l"] = 56, ["r"] = 24, ["t"] = 92, ["b"] = 48 };

    /// <summary>Font used by every text.</summary>
    [JsonPropertyName("font")]
    public Dictionary<string, object?> Font { get; } = new(StringComparer.Ordinal)
    {
        ["family"] = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
        ["size"] = 12,
    };

    /// <summary>Any other plotly.js layout attribute, by its plotly.js name.</summary>
    [JsonExtensionData]
    public Dictionary<string, object?> Extra { get; } = new(StringComparer.Ordinal);
}
