namespace NotebookHelpers.Html;

/// <summary>
/// A value that renders itself for notebooks and reports: self-contained HTML (its own styles and scripts, no
/// external resource) and a plain-text fallback. Types that implement it and carry
/// <see cref="Display.TypeFormatterSourceAttribute"/> display themselves in any .NET Interactive host.
/// </summary>
public interface IHtmlRenderable
{
    /// <summary>Writes the HTML fragment. Every string taken from evidence must be encoded (<see cref="HtmlText"/>).</summary>
    void WriteHtml(TextWriter writer);

    /// <summary>Writes a plain-text rendering, for terminals and the text/plain output of a notebook cell.</summary>
    void WritePlainText(TextWriter writer);
}
