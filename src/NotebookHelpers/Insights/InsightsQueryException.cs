using System.Text;

namespace NotebookHelpers.Insights;

/// <summary>
/// A query cannot run: it is malformed, breaks one of the language's rules, or uses a command this runner does not
/// support. <see cref="Exception.Message"/> is one line a user can act on; <see cref="Describe"/> adds the query line
/// with a caret under the offending text.
/// </summary>
public sealed class InsightsQueryException : Exception
{
    /// <summary>Creates the exception for the text at <paramref name="position"/> (0-based) of length <paramref name="length"/>.</summary>
    public InsightsQueryException(string message, string query, int position, int length = 1)
        : base(FormatMessage(message, query, position))
    {
        Query = query ?? string.Empty;
        Position = Math.Clamp(position, 0, Query.Length);
        Length = Math.Max(1, length);
        Reason = message;
        (Line, Column) = LineAndColumn(Query, Position);
    }

    /// <summary>Creates the exception with no position (e.g. a runner refusing a query as a whole).</summary>
    public InsightsQueryException(string message)
        : base(message)
    {
        Query = string.Empty;
        Reason = message;
        Line = 1;
        Column = 1;
        Length = 1;
    }

    /// <summary>Creates the exception with no message.</summary>
    public InsightsQueryException()
        : this("The query is not valid.")
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public InsightsQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Query = string.Empty;
        Reason = message;
        Line = 1;
        Column = 1;
        Length = 1;
    }

    /// <summary>The query text.</summary>
    public string Query { get; }

    /// <summary>0-based character offset of the offending text.</summary>
    public int Position { get; }

    /// <summary>Length of the offending text (at least 1).</summary>
    public int Length { get; }

    /// <summary>1-based line of the offending text.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending text.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The message, then the offending line of the query with a caret under the offending text.</summary>
    public string Describe()
    {
        if (Query.Length == 0)
        {
            return Message;
        }

        var lines = Query.Split('\n');
        var text = lines[Line - 1].TrimEnd('\r');
        var sb = new StringBuilder(Message).AppendLine();
        sb.Append("  ").AppendLine(text);
        var caretLength = Math.Max(1, Math.Min(Length, text.Length - (Column - 1)));
        sb.Append("  ").Append(new string(' ', Column - 1)).Append('^', caretLength);
        return sb.ToString();
    }

    private static string FormatMessage(string message, string query, int position)
    {
        var (line, column) = LineAndColumn(query ?? string.Empty, Math.Clamp(position, 0, query?.Length ?? 0));
        return $"line {line}, column {column}: {message}";
    }

    private static (int Line, int Column) LineAndColumn(string query, int position)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position && i < query.Length; i++)
        {
            if (query[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, position - lineStart + 1);
    }
}
