using System.Text;
using System.Text.RegularExpressions;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// Translates a <c>parse</c> glob into a regex, following the AWS documentation's worked examples: the pattern is not
/// anchored at the start (the leftmost match wins), each <c>*</c> is lazy (<c>(.*?)</c>) so it stops at the first
/// occurrence of the text after it, and a <c>*</c> that ends the pattern takes the rest of the value (<c>(.*)</c>).
/// Every other character is literal, including regex metacharacters.
/// </summary>
public static class GlobPattern
{
    /// <summary>The regex source for <paramref name="glob"/>; group <c>i</c> (1-based) is the i-th <c>*</c>.</summary>
    public static string ToRegexSource(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var parts = glob.Split('*');
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            sb.Append(Regex.Escape(parts[i]));
            if (i < parts.Length - 1)
            {
                var isLast = i == parts.Length - 2 && parts[^1].Length == 0;
                sb.Append(isLast ? "(.*)" : "(.*?)");
            }
        }

        return sb.ToString();
    }

    /// <summary>The compiled regex for <paramref name="glob"/> (<c>.</c> also matches newlines).</summary>
    public static Regex ToRegex(string glob) =>
        new(ToRegexSource(glob), InsightsRegex.Options | RegexOptions.Singleline, InsightsRegex.MatchTimeout);
}
