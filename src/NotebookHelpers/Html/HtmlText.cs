using System.Text;

namespace NotebookHelpers.Html;

/// <summary>
/// Encodes text for HTML. Every string that may come from evidence (event fields, file names, error messages) goes
/// through here before it reaches a page: it is data, never markup.
/// </summary>
public static class HtmlText
{
    /// <summary>
    /// Encodes <paramref name="text"/> for use as element content or a quoted attribute value: <c>&amp;</c>,
    /// <c>&lt;</c>, <c>&gt;</c>, <c>"</c> and <c>'</c> become character references, and control characters other than
    /// tab, newline and carriage return, and bidirectional formatting characters (U+202E...), become U+FFFD so a hostile
    /// record cannot smuggle them into a report (<see cref="Display.UnsafeCharacters"/>).
    /// Null gives an empty string.
    /// </summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var firstSpecial = IndexOfSpecial(text);
        if (firstSpecial < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, firstSpecial);
        for (var i = firstSpecial; i < text.Length; i++)
        {
            AppendEncoded(sb, text[i]);
        }

        return sb.ToString();
    }

    /// <summary>Writes <paramref name="text"/> encoded as by <see cref="Encode"/>.</summary>
    public static void Write(TextWriter writer, string? text)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Encode(text));
    }

    private static int IndexOfSpecial(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsSpecial(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsSpecial(char c) =>
        c is '&' or '<' or '>' or '"' or '\'' || Display.UnsafeCharacters.IsUnsafeInText(c);

    private static void AppendEncoded(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '&':
                sb.Append("&amp;");
                break;
            case '<':
                sb.Append("&lt;");
                break;
            case '>':
                sb.Append("&gt;");
                break;
            case '"':
                sb.Append("&quot;");
                break;
            case '\'':
                sb.Append("&#39;");
                break;
            default:
                sb.Append(Display.UnsafeCharacters.IsUnsafeInText(c) ? Display.UnsafeCharacters.Replacement : c);
                break;
        }
    }
}
