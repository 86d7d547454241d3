namespace NotebookHelpers.Json;

/// <summary>Where and why the scanner stopped, offsets relative to the span it was given.</summary>
/// <param name="Offset">0-based byte offset of the offending byte (or of the end of input).</param>
/// <param name="Kind">What was wrong.</param>
public readonly record struct JsonScanError(int Offset, JsonScanErrorKind Kind)
{
    /// <summary>A short human reason, e.g. <c>unterminated string</c>.</summary>
    public string Reason => Kind switch
    {
        JsonScanErrorKind.UnexpectedEnd => "the JSON ends in the middle of a value",
        JsonScanErrorKind.UnexpectedByte => "a byte that cannot start a JSON value",
        JsonScanErrorKind.InvalidEscape => "an invalid escape sequence in a string",
        JsonScanErrorKind.ControlCharacterInString => "a raw control character inside a string",
        JsonScanErrorKind.InvalidNumber => "a malformed number",
        JsonScanErrorKind.InvalidLiteral => "a malformed true/false/null",
        JsonScanErrorKind.ExpectedKey => "an object member without a string key",
        JsonScanErrorKind.ExpectedColon => "a key not followed by ':'",
        JsonScanErrorKind.ExpectedCommaOrEnd => "a value not followed by ',' or a closing bracket",
        JsonScanErrorKind.TooDeep => $"nesting deeper than {JsonScanner.MaxDepth} levels",
        _ => "no error",
    };

    /// <summary>The same error moved by <paramref name="delta"/> bytes (to report it against a larger buffer).</summary>
    public JsonScanError Shift(int delta) => this with { Offset = Offset + delta };
}
