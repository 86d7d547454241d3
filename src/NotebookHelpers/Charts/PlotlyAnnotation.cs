using System.Text.Json.Serialization;

namespace NotebookHelpers.Charts;

/// <summary>A text label on the plot.</summary>
public sealed class PlotlyAnnotation
{
    /// <summary>The text (plotly.js renders a few inline tags; pass evidence strings through <see cref="Html.HtmlText"/>).</summary>
    [JsonPropertyName("text")]
    public string Text { get; set; } = string.Empty;

    /// <summary>x position.</summary>
    [JsonPropertyName("x")]
    public object? X { get; set; }

    /// <summary>y position.</summary>
    [JsonPropertyName("y")]
    public object? Y { get; set; }

    /// <summary><c>x</c> or <c>paper</c>.</summary>
    [JsonPropertyName("xref")]
    public string XRef { get; set; } = "x";

    /// <summary><c>y</c> or <c>paper</c>.</summary>
    [JsonPropertyName("yref")]
    public string YRef { get; set; } = "paper";

    /// <summary>Whether an arrow points at (x, y).</summary>
    [JsonPropertyName("showarrow")]
    public bool ShowArrow { get; set; }

    /// <summary><c>left</c>, <c>center</c>, <c>right</c>.</summary>
    [JsonPropertyName("xanchor")]
    public string? XAnchor { get; set; }

    /// <summary><c>top</c>, <c>middle</c>, <c>bottom</c>.</summary>
    [JsonPropertyName("yanchor")]
    public string? YAnchor { get; set; }
}
