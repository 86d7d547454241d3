using NotebookHelpers.Display;

namespace NotebookHelpers.Html;

/// <summary>
/// HTML that is already encoded (a rendering such as <c>BlastRadiusGraph.ToHtml()</c>) with its plain-text twin, as a
/// displayable value: the library's styles come with it, so it reads the same in a notebook and in a report.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class HtmlFragment : IHtmlRenderable
{
    private readonly string _html;
    private readonly string _text;

    /// <summary>Wraps <paramref name="html"/> (trusted: every evidence value in it must already be encoded) and <paramref name="text"/>.</summary>
    public HtmlFragment(string html, string text)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(text);
        _html = html;
        _text = text;
    }

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => HtmlStyles.WriteStyledBlock(writer, _html);

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_text);
    }

    /// <inheritdoc />
    public override string ToString() => _text;
}
