namespace NotebookHelpers.Display;

/// <summary>
/// Cells of a CSV file (RFC 4180: comma-separated, quotes doubled, CRLF line ends): the one sanitiser for that medium,
/// used by <c>findings.csv</c> and <c>nbh query --format csv</c>. Values come from attacker-controlled logs, so a cell
/// that a spreadsheet would read as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage
/// return) is prefixed with an apostrophe and shows as text (a bare <c>@name</c> such as the <c>@ptr</c> column calls
/// nothing and stays as it is), and control and bidirectional formatting characters become
/// U+FFFD (<see cref="UnsafeCharacters"/>), except tab and line breaks, which a quoted cell may hold.
/// </summary>
public static class CsvText
{
    /// <summary>One cell, quoted when needed and defused when a spreadsheet would evaluate it.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (UnsafeCharacters.Any(value))
        {
            value = string.Create(value.Length, value, static (span, text) =>
            {
                for (var i = 0; i < text.Length; i++)
                {
                    span[i] = UnsafeCharacters.IsUnsafeInText(text[i]) ? UnsafeCharacters.Replacement : text[i];
                }
            });
        }

        if ((value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') && !IsBareName(value))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    // A bare name led by '@' (Logs Insights' @timestamp, @message, @ptr columns) calls nothing: a formula needs an
    // operator, a reference or parentheses after the trigger character.
    private static bool IsBareName(string value)
    {
        if (value[0] != '@' || value.Length < 2 || !(char.IsAsciiLetter(value[1]) || value[1] == '_'))
        {
            return false;
        }

        foreach (var c in value.AsSpan(2))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One row: the cells joined with commas, ended with CRLF.</summary>
    public static string Row(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";
}
