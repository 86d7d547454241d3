using System.Text;

namespace NotebookHelpers.Cli.CommandLine;

/// <summary>
/// Text from the logs on its way to a terminal. Log fields are attacker-controlled (user agents, object keys, file
/// names in an archive): they must never put escape sequences or line breaks on the screen.
/// </summary>
public static class TerminalText
{
    /// <summary>The text with every control character (C0, DEL, C1) replaced by U+FFFD.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001F') && !text.AsSpan().ContainsAnyInRange('\u007F', '\u009F'))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsControl(c) ? '\uFFFD' : c);
        }

        return sb.ToString();
    }

    /// <summary>The text on one line (line breaks become spaces), made <see cref="Safe"/>.</summary>
    public static string OneLine(string? text) => Safe(text?.ReplaceLineEndings(" "));

    /// <summary>
    /// A multi-line block (a text table, a tree) made safe line by line: its own line breaks stay, every other
    /// control character is replaced.
    /// </summary>
    public static string Block(string? text) =>
        string.IsNullOrEmpty(text) ? text ?? string.Empty : string.Join('\n', text.Split('\n').Select(Safe));
}
