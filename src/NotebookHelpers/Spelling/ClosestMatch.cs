namespace NotebookHelpers.Spelling;

/// <summary>
/// "Did you mean …?": the candidate closest to a mistyped name, by the number of single-character insertions,
/// deletions, substitutions and swaps of neighbours between them (ignoring case), when it is close enough to be the
/// likely intent. Used for commands, options, notebook parameters and access keys.
/// </summary>
public static class ClosestMatch
{
    /// <summary>
    /// The candidate closest to <paramref name="input"/>, or null when none is within <paramref name="maxDistance"/>
    /// edits (default: a third of the input's length, at least 2). Ties go to the first candidate.
    /// </summary>
    public static string? Find(string input, IEnumerable<string> candidates, int? maxDistance = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        var limit = maxDistance ?? Math.Max(2, input.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(input, candidate);
            if (distance <= limit && distance < bestDistance && !string.Equals(input, candidate, StringComparison.Ordinal))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The edit distance (optimal string alignment) between two texts, ignoring case.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static bool Same(char x, char y) => char.ToUpperInvariant(x) == char.ToUpperInvariant(y);
}
