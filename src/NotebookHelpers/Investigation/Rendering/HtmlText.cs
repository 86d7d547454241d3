namespace NotebookHelpers.Investigation.Rendering;

/// <summary>Table cells for investigation results, over the shared <see cref="NotebookHelpers.Html.HtmlText"/> encoder.</summary>
internal static class HtmlText
{
    /// <summary>The text HTML-encoded (quotes included, so it is safe in attributes too); null becomes empty.</summary>
    public static string Encode(string? text) => NotebookHelpers.Html.HtmlText.Encode(text);

    /// <summary>A table cell holding the encoded text (an em dash for null).</summary>
    public static string Cell(string? text) => "<td>" + (text is null ? "—" : Encode(text)) + "</td>";
}
