using System.Text.RegularExpressions;
using NotebookHelpers.Insights.Ast;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// Builds .NET regexes from Logs Insights regex literals. AWS documents RE2/Hyperscan syntax: the RE2 named group form
/// <c>(?P&lt;name&gt;…)</c> is accepted and translated, inline flags such as <c>(?i)</c> work as written, and matching is
/// case-sensitive unless the pattern says otherwise. What RE2 does not have — backreferences, lookahead and lookbehind,
/// atomic groups, conditionals, possessive quantifiers — is rejected with a message, so a query that runs offline also
/// runs on AWS. Matching uses .NET's non-backtracking engine, linear in the length of the text like RE2 itself:
/// log values are attacker-controlled, and a backtracking engine would let a crafted user agent or request parameter
/// make an analyst's regex run for seconds per value and fail the whole query. The match timeout stays as a last guard.
/// </summary>
public static class InsightsRegex
{
    /// <summary>How long one match may take before the query fails.</summary>
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The options of every query regex: linear-time matching, culture-invariant case folding.</summary>
    public const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>Creates the regex for <paramref name="pattern"/> written at <paramref name="span"/>.</summary>
    /// <exception cref="InsightsCompileException">The pattern is not a valid regular expression.</exception>
    public static Regex Create(string pattern, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (Re2Violation(pattern) is { } problem)
        {
            throw new InsightsCompileException($"this regular expression uses {problem}, which RE2 (the syntax Logs Insights uses) does not have.", span);
        }

        var translated = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        try
        {
            return new Regex(translated, Options, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new InsightsCompileException($"this regular expression is not valid: {e.Message}", span);
        }
    }

    /// <summary>
    /// The query error for a match that ran past <see cref="MatchTimeout"/>; <paramref name="what"/> names the pattern
    /// (e.g. <c>the regex /a+/</c>).
    /// </summary>
    public static InsightsQueryException TimedOut(string what, RegexMatchTimeoutException e) =>
        new($"{what} took longer than {MatchTimeout.TotalSeconds:0} s on one value; simplify it.", e);

    /// <summary>What in <paramref name="pattern"/> RE2 lacks (e.g. "a backreference (\1)"), or null when nothing.</summary>
    public static string? Re2Violation(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var next = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
            if (c == '\\')
            {
                if (!inClass && next is >= '1' and <= '9')
                {
                    return $"a backreference (\\{next})";
                }

                if (!inClass && next is 'k' or 'g')
                {
                    return $"a named backreference (\\{next})";
                }

                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            if (c == '[')
            {
                inClass = true;

                // A ']' right after '[' or '[^' is a literal member, not the end of the class.
                if (next == '^')
                {
                    i++;
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    i++;
                }

                continue;
            }

            if (c is '*' or '+' or '?' or '}' && next == '+')
            {
                return $"a possessive quantifier ({c}+)";
            }

            if (c == '(' && next == '?')
            {
                var rest = pattern.AsSpan(i + 2);
                if (rest.StartsWith("=") || rest.StartsWith("!"))
                {
                    return "a lookahead ((?= or (?!)";
                }

                if (rest.StartsWith("<=") || rest.StartsWith("<!"))
                {
                    return "a lookbehind ((?<= or (?<!)";
                }

                if (rest.StartsWith(">"))
                {
                    return "an atomic group ((?>)";
                }

                if (rest.StartsWith("("))
                {
                    return "a conditional ((?(…)";
                }
            }
        }

        return null;
    }
}
