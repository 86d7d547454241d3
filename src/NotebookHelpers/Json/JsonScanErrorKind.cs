namespace NotebookHelpers.Json;

/// <summary>Why the scanner rejected its input.</summary>
public enum JsonScanErrorKind : byte
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The input ended inside a value.</summary>
    UnexpectedEnd,

    /// <summary>A byte that cannot start a JSON value.</summary>
    UnexpectedByte,

    /// <summary>A backslash not followed by a valid escape.</summary>
    InvalidEscape,

    /// <summary>A raw control character (below 0x20) inside a string.</summary>
    ControlCharacterInString,

    /// <summary>A malformed number.</summary>
    InvalidNumber,

    /// <summary>A misspelled <c>true</c>, <c>false</c> or <c>null</c>.</summary>
    InvalidLiteral,

    /// <summary>An object member that does not start with a string key.</summary>
    ExpectedKey,

    /// <summary>A key not followed by a colon.</summary>
    ExpectedColon,

    /// <summary>A value not followed by a comma or the closing bracket.</summary>
    ExpectedCommaOrEnd,

    /// <summary>Nesting deeper than <see cref="JsonScanner.MaxDepth"/>.</summary>
    TooDeep,
}
