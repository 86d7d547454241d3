using System.Text.Json.Serialization;

namespace NotebookHelpers.Charts;

/// <summary>Line style of a scatter trace or a shape.</summary>
public sealed class PlotlyLine
{
    /// <summary>Colour.</summary>
    [JsonPropertyName("color")]
    public string? Color { get; set; }

    /// <summary>Width in pixels.</summary>
    [JsonPropertyName("width")]
    public double? Width { get; set; }

    /// <summary><c>solid</c>, <c>dot</c>, <c>dash</c>, <c>dashdot</c>.</summary>
    [JsonPropertyName("dash")]
    public string? Dash { get; set; }
}
