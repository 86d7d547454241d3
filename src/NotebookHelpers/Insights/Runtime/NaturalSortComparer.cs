namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// The ordering of Logs Insights <c>sort</c> (AWS's "updated version of natural sorting"), ascending:
/// all non-number values before all number values; a number value is made only of digits and orders by its numeric
/// value (ties, such as <c>01</c> and <c>1</c>, by text); other values are split into runs of digits and runs of
/// other characters, digit runs comparing by length and then value, other runs by Unicode value.
/// The documented example <c>!:, #, *%04, 0#, 5A, 111A, 2345_, @, @_, A, A9876fghj, a12345hfh, 0, 01, 1, 2, 3</c>
/// is a test.
/// </summary>
public sealed class NaturalSortComparer : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static NaturalSortComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var xNumber = IsAllDigits(x);
        var yNumber = IsAllDigits(y);
        if (xNumber != yNumber)
        {
            return xNumber ? 1 : -1;
        }

        if (xNumber)
        {
            var byValue = CompareDigitRuns(StripLeadingZeros(x), StripLeadingZeros(y));
            return byValue != 0 ? byValue : string.CompareOrdinal(x, y);
        }

        return CompareRuns(x, y);
    }

    /// <summary>True when the text is non-empty and made only of ASCII digits.</summary>
    public static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int CompareRuns(string x, string y)
    {
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            var xDigit = char.IsAsciiDigit(x[i]);
            var yDigit = char.IsAsciiDigit(y[j]);
            var xEnd = RunEnd(x, i, xDigit);
            var yEnd = RunEnd(y, j, yDigit);
            var a = x.AsSpan(i, xEnd - i);
            var b = y.AsSpan(j, yEnd - j);
            int c;
            if (xDigit && yDigit)
            {
                c = CompareDigitRuns(a, b);
            }
            else if (xDigit != yDigit)
            {
                // A digit run against other characters: compare the characters themselves (Unicode value).
                c = a[0].CompareTo(b[0]);
            }
            else
            {
                c = a.SequenceCompareTo(b);
                if (c != 0 && a.Length != b.Length && (a.StartsWith(b) || b.StartsWith(a)))
                {
                    // One run is a prefix of the other: what follows the shorter run decides, not the run length.
                    var shorter = Math.Min(a.Length, b.Length);
                    i += shorter;
                    j += shorter;
                    continue;
                }
            }

            if (c != 0)
            {
                return Math.Sign(c);
            }

            i = xEnd;
            j = yEnd;
        }

        return (x.Length - i).CompareTo(y.Length - j) switch
        {
            0 => 0,
            var d => Math.Sign(d),
        };
    }

    private static int RunEnd(string s, int start, bool digits)
    {
        var k = start;
        while (k < s.Length && char.IsAsciiDigit(s[k]) == digits)
        {
            k++;
        }

        return k;
    }

    private static int CompareDigitRuns(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
        {
            return a.Length < b.Length ? -1 : 1;
        }

        return Math.Sign(a.SequenceCompareTo(b));
    }

    private static ReadOnlySpan<char> StripLeadingZeros(string s)
    {
        var span = s.AsSpan().TrimStart('0');
        return span.IsEmpty ? "0" : span;
    }
}
