namespace NotebookHelpers.Insights.Parsing;

/// <summary>One token and where it was written.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Start">0-based offset in the query.</param>
/// <param name="Length">Characters in the query.</param>
/// <param name="Text">The token's value: an identifier's unquoted name, a string's or regex's content, a number's digits.</param>
/// <param name="Segments">For identifiers, the dotted path with backtick-quoted parts kept whole; otherwise null.</param>
/// <param name="Quoted">True when an identifier used backticks (so it is never a keyword).</param>
public sealed record Token(TokenKind Kind, int Start, int Length, string Text, IReadOnlyList<string>? Segments = null, bool Quoted = false)
{
    /// <summary>True for an unquoted identifier equal to <paramref name="keyword"/>, ignoring case.</summary>
    public bool IsKeyword(string keyword) =>
        Kind == TokenKind.Identifier && !Quoted && Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);
}
