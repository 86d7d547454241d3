using System.Globalization;

namespace NotebookHelpers.Html;

/// <summary>
/// Cuts evidence text that is too long to show whole: a 300 KB user agent in a finding's summary would otherwise be
/// copied into every place of a report that quotes it. The cut text says how long the whole was.
/// </summary>
internal static class LongText
{
    /// <summary>
    /// <paramref name="text"/> when it has at most <paramref name="max"/> characters; else its first
    /// <paramref name="max"/> characters, an ellipsis and the full length (never splitting a surrogate pair).
    /// </summary>
    public static string? Cut(string? text, int max)
    {
        if (text is null || text.Length <= max)
        {
            return text;
        }

        var keep = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, keep)}… (cut: {text.Length:N0} characters in all)");
    }
}
