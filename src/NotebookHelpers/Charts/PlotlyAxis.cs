using System.Text.Json.Serialization;

namespace NotebookHelpers.Charts;

/// <summary>An axis of the layout.</summary>
public sealed class PlotlyAxis
{
    /// <summary>The axis title.</summary>
    [JsonPropertyName("title")]
    public PlotlyTitle? Title { get; set; }

    /// <summary><c>date</c>, <c>category</c>, <c>linear</c>, <c>log</c>; plotly.js infers it when null.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>d3 tick format, e.g. <c>%b %d %H:%M</c> for dates.</summary>
    [JsonPropertyName("tickformat")]
    public string? TickFormat { get; set; }

    /// <summary>Grows the margin to fit long tick labels.</summary>
    [JsonPropertyName("automargin")]
    public bool? AutoMargin { get; set; } = true;

    /// <summary><c>tozero</c> keeps zero on a count axis.</summary>
    [JsonPropertyName("rangemode")]
    public string? RangeMode { get; set; }

    /// <summary>Any other plotly.js axis attribute, by its plotly.js name.</summary>
    [JsonExtensionData]
    public Dictionary<string, object?> Extra { get; } = new(StringComparer.Ordinal);
}
