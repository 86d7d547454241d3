using System.Text;

namespace NotebookHelpers.Display;

/// <summary>
/// Text from the logs on its way to a terminal: the one sanitiser for that medium (every <c>nbh</c> command's
/// output, the library's text tables). Log fields are attacker-controlled (user agents, object keys, file names in an
/// archive): they must never put escape sequences, bells, line breaks or reordering characters on the screen
/// (<see cref="UnsafeCharacters"/>).
/// </summary>
public static class TerminalText
{
    /// <summary>
    /// The text with every control character (C0, DEL, C1) and bidirectional formatting character replaced by U+FFFD.
    /// </summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        if (!UnsafeCharacters.Any(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(UnsafeCharacters.IsUnsafe(c) ? UnsafeCharacters.Replacement : c);
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
