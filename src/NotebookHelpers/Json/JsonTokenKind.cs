namespace NotebookHelpers.Json;

/// <summary>The kind of a JSON value found by <see cref="JsonScanner"/>.</summary>
public enum JsonTokenKind : byte
{
    /// <summary>No value (end of input or an error).</summary>
    None,

    /// <summary>An object <c>{...}</c>.</summary>
    Object,

    /// <summary>An array <c>[...]</c>.</summary>
    Array,

    /// <summary>A string, quotes included in the value slice.</summary>
    String,

    /// <summary>A number.</summary>
    Number,

    /// <summary><c>true</c>.</summary>
    True,

    /// <summary><c>false</c>.</summary>
    False,

    /// <summary><c>null</c>.</summary>
    Null,
}
