using System.Text.Json.Serialization;

namespace NotebookHelpers.Charts;

/// <summary>Marker style of a trace: bar fill or point colour, size, opacity.</summary>
public sealed class PlotlyMarker
{
    /// <summary>One colour for every point, or a list of colours, one per point.</summary>
    [JsonPropertyName("color")]
    public object? Color { get; set; }

    /// <summary>Point size in pixels.</summary>
    [JsonPropertyName("size")]
    public double? Size { get; set; }

    /// <summary>Opacity in [0, 1].</summary>
    [JsonPropertyName("opacity")]
    public double? Opacity { get; set; }

    /// <summary>Any other plotly.js marker attribute, by its plotly.js name.</summary>
    [JsonExtensionData]
    public Dictionary<string, object?> Extra { get; } = new(StringComparer.Ordinal);
}
