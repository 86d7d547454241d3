using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NotebookHelpers.Notebooks.Reports;

/// <summary>
/// Renders notebook markdown for reports with Markdig (CommonMark plus pipe tables, task lists and autolinks). Raw
/// HTML is shown as text, links keep only safe schemes, and images that point outside the report become plain links:
/// a report never loads anything from the network.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseAutoIdentifiers()
        .UseFootnotes()
        .DisableHtml()
        .Build();

    /// <summary>The HTML for <paramref name="markdown"/>.</summary>
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsImage && !IsInlineImage(link.Url))
            {
                link.IsImage = false;
            }

            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsInlineImage(string? url) =>
        url is not null && url.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase) &&
        !url.StartsWith("data:image/svg", StringComparison.OrdinalIgnoreCase);

    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true; // relative: a path or an anchor
        }

        var scheme = url[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" || (scheme == "data" && IsInlineImage(url));
    }
}
