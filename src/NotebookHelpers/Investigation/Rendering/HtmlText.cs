using System.Net;

namespace NotebookHelpers.Investigation.Rendering;

/// <summary>Small HTML pieces for investigation results. Everything from the logs passes through <see cref="Encode"/>.</summary>
public static class HtmlText
{
    /// <summary>The text HTML-encoded (quotes included, so it is safe in attributes too); null becomes empty.</summary>
    public static string Encode(string? text) => text is null ? "" : WebUtility.HtmlEncode(text);

    /// <summary>A table cell holding the encoded text (an em dash for null).</summary>
    public static string Cell(string? text) => "<td>" + (text is null ? "—" : Encode(text)) + "</td>";
}
