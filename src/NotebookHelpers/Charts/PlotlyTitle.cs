using System.Text.Json.Serialization;

namespace NotebookHelpers.Charts;

/// <summary>A title: plotly.js renders it as text (its own tags are limited to a few inline ones like &lt;b&gt;).</summary>
public sealed class PlotlyTitle
{
    /// <summary>Creates a title.</summary>
    public PlotlyTitle(string text)
    {
        Text = text;
    }

    /// <summary>The text.</summary>
    [JsonPropertyName("text")]
    public string Text { get; }
}
