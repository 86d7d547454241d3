using NotebookHelpers.Insights.Ast;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// A rule broken by a parsed query, found while compiling; carries the span so the caller can turn it into an
/// <see cref="InsightsQueryException"/> with line, column and caret.
/// </summary>
public sealed class InsightsCompileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InsightsCompileException(string message, TextSpan span)
        : base(message)
    {
        Span = span;
    }

    /// <summary>Creates the exception with no span.</summary>
    public InsightsCompileException()
    {
    }

    /// <summary>Creates the exception with no span.</summary>
    public InsightsCompileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public InsightsCompileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Where the offending text is.</summary>
    public TextSpan Span { get; }

    /// <summary>The exception a user sees.</summary>
    public InsightsQueryException ToQueryException(string query) => new(Message, query, Span.Start, Span.Length);
}
