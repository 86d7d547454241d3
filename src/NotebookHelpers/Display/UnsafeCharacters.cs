namespace NotebookHelpers.Display;

/// <summary>
/// The characters no display of evidence text may pass through as they are, whatever the medium: control characters
/// (C0, DEL, C1: terminal escape sequences, bells, line breaks inside a value) and the bidirectional formatting
/// characters (U+202E RIGHT-TO-LEFT OVERRIDE and its kin), which reorder what a reader sees so that
/// <c>evil\u202Efdp.exe</c> reads as <c>evilexe.pdf</c>. Each medium's sanitiser (<see cref="TerminalText"/>,
/// <c>Html.HtmlText</c>, <see cref="CsvText"/>) replaces them with U+FFFD, so a forged value shows that something was
/// there.
/// </summary>
public static class UnsafeCharacters
{
    /// <summary>What replaces an unsafe character: U+FFFD REPLACEMENT CHARACTER.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>
    /// True for the bidirectional formatting characters: ALM (U+061C), LRM and RLM (U+200E, U+200F), the embeddings
    /// and overrides U+202A–U+202E, and the isolates U+2066–U+2069.
    /// </summary>
    public static bool IsBidiControl(char c) => BidiControls.Contains(c);

    /// <summary>The bidirectional formatting characters <see cref="IsBidiControl"/> is true for, for fast searches.</summary>
    public static System.Buffers.SearchValues<char> BidiControls { get; } = System.Buffers.SearchValues.Create(
        "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>True for a control character (C0, DEL, C1) or a bidirectional formatting character.</summary>
    public static bool IsUnsafe(char c) => char.IsControl(c) || IsBidiControl(c);

    /// <summary>True when <paramref name="text"/> holds any character <see cref="IsUnsafe"/> is true for.</summary>
    public static bool Any(ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('\0', '\u001F') || text.ContainsAnyInRange('\u007F', '\u009F') || text.IndexOfAny(BidiControls) >= 0;

    /// <summary>
    /// True for what <see cref="IsUnsafe"/> is true for except tab, line feed and carriage return: the media whose
    /// syntax carries line breaks inside a value (HTML text, a quoted CSV cell) keep those three.
    /// </summary>
    public static bool IsUnsafeInText(char c) => IsUnsafe(c) && c is not ('\t' or '\n' or '\r');
}
