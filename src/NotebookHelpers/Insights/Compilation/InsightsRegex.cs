using System.Text.RegularExpressions;
using NotebookHelpers.Insights.Ast;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// Builds .NET regexes from Logs Insights regex literals. AWS documents RE2/Hyperscan syntax: the RE2 named group form
/// <c>(?P&lt;name&gt;…)</c> is accepted and translated, inline flags such as <c>(?i)</c> work as written, and matching is
/// case-sensitive unless the pattern says otherwise. A match timeout guards against patterns that backtrack badly on
/// attacker-controlled log text.
/// </summary>
public static class InsightsRegex
{
    /// <summary>How long one match may take before the query fails.</summary>
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Creates the regex for <paramref name="pattern"/> written at <paramref name="span"/>.</summary>
    /// <exception cref="InsightsCompileException">The pattern is not a valid regular expression.</exception>
    public static Regex Create(string pattern, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var translated = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new InsightsCompileException($"this regular expression is not valid: {e.Message}", span);
        }
    }
}
