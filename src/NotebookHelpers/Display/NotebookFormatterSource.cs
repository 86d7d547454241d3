namespace NotebookHelpers.Display;

/// <summary>
/// The formatter source every displayable library type names in its <see cref="TypeFormatterSourceAttribute"/>.
/// .NET Interactive calls <see cref="CreateTypeFormatters"/> by name and uses each formatter's <c>MimeType</c> and
/// <c>Format(object, TextWriter)</c>.
/// </summary>
public sealed class NotebookFormatterSource
{
    /// <summary>One formatter for text/html and one for text/plain.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new NotebookFormatter(NotebookFormatter.HtmlMimeType),
        new NotebookFormatter(NotebookFormatter.PlainTextMimeType),
    ];
}
