namespace NotebookHelpers.Insights.Ast;

/// <summary>Where a node sits in the query text, for error messages and for naming result columns.</summary>
/// <param name="Start">0-based character offset.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>One past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The span covering both spans.</summary>
    public TextSpan Union(TextSpan other)
    {
        var start = Math.Min(Start, other.Start);
        return new(start, Math.Max(End, other.End) - start);
    }
}
