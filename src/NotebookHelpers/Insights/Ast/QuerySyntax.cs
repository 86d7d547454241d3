namespace NotebookHelpers.Insights.Ast;

/// <summary>A parsed query: its text and its commands in pipeline order.</summary>
/// <param name="Text">The query text.</param>
/// <param name="Commands">The commands.</param>
public sealed record QuerySyntax(string Text, IReadOnlyList<Command> Commands)
{
    /// <summary>The text a node was written as.</summary>
    public string TextOf(TextSpan span) => Text.Substring(span.Start, span.Length);
}
