namespace NotebookHelpers.Insights.Ast;

/// <summary>A node of an expression tree. Every node is immutable and remembers where it was written.</summary>
/// <param name="Span">Where the expression was written.</param>
public abstract record Expression(TextSpan Span);
