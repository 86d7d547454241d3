using NotebookHelpers.Html;

namespace NotebookHelpers.Charts;

/// <summary>
/// Text for plotly.js. plotly.js draws titles, trace names, hover text, annotations and category tick labels from a
/// small HTML dialect (<c>&lt;b&gt;</c>, <c>&lt;br&gt;</c>, entities). It builds SVG text nodes rather than parsing
/// markup into the page, so evidence cannot run script through it, but a value such as <c>&lt;b&gt;x</c> would be
/// shown bold and unknown tags dropped. Encoding evidence strings makes plotly.js show them exactly as recorded.
/// </summary>
public static class PlotlyText
{
    /// <summary>Encodes <paramref name="text"/> so plotly.js shows it literally.</summary>
    public static string Encode(string? text) => HtmlText.Encode(text);
}
