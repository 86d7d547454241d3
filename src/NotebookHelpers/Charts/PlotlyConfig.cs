using System.Text.Json.Serialization;

namespace NotebookHelpers.Charts;

/// <summary>
/// plotly.js configuration. The defaults keep a chart fully offline: no plotly logo link, no "edit in Chart Studio"
/// or cloud buttons.
/// </summary>
public sealed class PlotlyConfig
{
    /// <summary>Resize with the page.</summary>
    [JsonPropertyName("responsive")]
    public bool Responsive { get; set; } = true;

    /// <summary>Show the plotly logo (a link to plotly.com). Off.</summary>
    [JsonPropertyName("displaylogo")]
    public bool DisplayLogo { get; set; }

    /// <summary>Show the "edit in Chart Studio" link. Off.</summary>
    [JsonPropertyName("showLink")]
    public bool ShowLink { get; set; }

    /// <summary>Show the "send data to cloud" button. Off.</summary>
    [JsonPropertyName("showSendToCloud")]
    public bool ShowSendToCloud { get; set; }

    /// <summary>Any other plotly.js config attribute, by its plotly.js name.</summary>
    [JsonExtensionData]
    public Dictionary<string, object?> Extra { get; } = new(StringComparer.Ordinal);
}
