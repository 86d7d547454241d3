using System.Text.Json.Serialization;

namespace NotebookHelpers.Charts;

/// <summary>A shape drawn on the plot, e.g. a vertical line marking when a key was disabled.</summary>
public sealed class PlotlyShape
{
    /// <summary><c>line</c>, <c>rect</c>, <c>circle</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "line";

    /// <summary><c>x</c> (data coordinates) or <c>paper</c> (0..1 of the plot width).</summary>
    [JsonPropertyName("xref")]
    public string XRef { get; set; } = "x";

    /// <summary><c>y</c> (data coordinates) or <c>paper</c> (0..1 of the plot height).</summary>
    [JsonPropertyName("yref")]
    public string YRef { get; set; } = "paper";

    /// <summary>Start x.</summary>
    [JsonPropertyName("x0")]
    public object? X0 { get; set; }

    /// <summary>End x.</summary>
    [JsonPropertyName("x1")]
    public object? X1 { get; set; }

    /// <summary>Start y.</summary>
    [JsonPropertyName("y0")]
    public object? Y0 { get; set; }

    /// <summary>End y.</summary>
    [JsonPropertyName("y1")]
    public object? Y1 { get; set; }

    /// <summary>Line style.</summary>
    [JsonPropertyName("line")]
    public PlotlyLine? Line { get; set; }

    /// <summary>A full-height vertical line at <paramref name="x"/>.</summary>
    public static PlotlyShape VerticalLine(object x, string color, string dash = "dash") => new()
    {
        X0 = x,
        X1 = x,
        Y0 = 0,
        Y1 = 1,
        Line = new PlotlyLine { Color = color, Width = 2, Dash = dash },
    };
}
