using System.Text;

namespace NotebookHelpers.Insights;

/// <summary>Helpers for writing Logs Insights query text safely.</summary>
public static class Insights
{
    /// <summary>
    /// A double-quoted string literal whose value is exactly <paramref name="value"/>, whatever it holds: backslashes
    /// and double quotes are escaped (<c>\\</c>, <c>\"</c>); <c>|</c>, <c>#</c>, <c>'</c>, newlines and regex
    /// metacharacters need nothing, because inside a string they are plain text (and <c>like "…"</c> is a substring
    /// match, not a pattern). Prefer <see cref="InsightsQuery.Bind(string, object?)"/>, which never builds text.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append('"').ToString();
    }

    /// <summary>
    /// A field name safe to put in a query: bare when it is only letters, digits, <c>_</c>, <c>@</c> and dots,
    /// otherwise in backticks (<c>`detail-type`</c>). Backticks inside a name cannot be written and are rejected.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty or contains a backtick.</exception>
    public static string QuoteField(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('`', StringComparison.Ordinal))
        {
            throw new ArgumentException("a Logs Insights field name cannot contain a backtick.", nameof(name));
        }

        var plain = (char.IsLetter(name[0]) || name[0] is '_' or '@') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '@' or '.');
        return plain ? name : "`" + name + "`";
    }
}
