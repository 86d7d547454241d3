using NotebookHelpers.Detections;
using NotebookHelpers.Html;
using NotebookHelpers.Insights;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.Display;

/// <summary>Formats a library value as one MIME type, matched by .NET Interactive by member names.</summary>
public sealed class NotebookFormatter
{
    /// <summary>The HTML MIME type.</summary>
    public const string HtmlMimeType = "text/html";

    /// <summary>The plain-text MIME type.</summary>
    public const string PlainTextMimeType = "text/plain";

    /// <summary>Creates a formatter for <paramref name="mimeType"/>.</summary>
    public NotebookFormatter(string mimeType)
    {
        MimeType = mimeType;
    }

    /// <summary>The MIME type this formatter writes.</summary>
    public string MimeType { get; }

    /// <summary>Writes <paramref name="value"/>; false when the value is not a library type this formatter knows.</summary>
    public bool Format(object? value, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var renderable = AsRenderable(value);
        if (renderable is null)
        {
            return false;
        }

        if (MimeType == HtmlMimeType)
        {
            renderable.WriteHtml(writer);
        }
        else
        {
            renderable.WritePlainText(writer);
        }

        return true;
    }

    /// <summary>The renderable form of a value: itself, or an adapter for library types that do not render themselves.</summary>
    public static IHtmlRenderable? AsRenderable(object? value) => value switch
    {
        IHtmlRenderable r => r,
        QueryResults q => q.ToHtmlTable(),
        _ => null,
    };
}
