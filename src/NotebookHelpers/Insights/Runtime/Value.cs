using System.Globalization;

namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// One value flowing through a query: a string, number, boolean, timestamp, map or list (<c>jsonParse</c>), or
/// <see cref="Missing"/>.
/// Missing is explicit so that absent fields never leak as nulls; every operator and function states what it does
/// with it (docs/logs-insights-semantics.md).
/// </summary>
public readonly struct Value : IEquatable<Value>
{
    private readonly double _number;

    // A string for strings and JSON numbers, a JsonStructure for maps and lists: one reference keeps the struct small.
    private readonly object? _text;

    private Value(ValueKind kind, double number, object? text)
    {
        Kind = kind;
        _number = number;
        _text = text;
    }

    /// <summary>The absent value.</summary>
    public static Value Missing => default;

    /// <summary>The boolean true.</summary>
    public static Value True { get; } = new(ValueKind.Boolean, 1, null);

    /// <summary>The boolean false.</summary>
    public static Value False { get; } = new(ValueKind.Boolean, 0, null);

    /// <summary>What kind of value this is.</summary>
    public ValueKind Kind { get; }

    /// <summary>True when the value is absent.</summary>
    public bool IsMissing => Kind == ValueKind.Missing;

    /// <summary>The number of a Number, Boolean (1/0) or Timestamp (epoch ms); 0 otherwise.</summary>
    public double Number => _number;

    /// <summary>The text of a String, or the original JSON text of a Number read from an event; otherwise null.</summary>
    public string? RawText => _text as string;

    /// <summary>The JSON of a <see cref="ValueKind.Map"/> or <see cref="ValueKind.List"/>; otherwise null.</summary>
    public JsonStructure? Structure => _text as JsonStructure;

    /// <summary>True for maps and lists.</summary>
    public bool IsStructure => Kind is ValueKind.Map or ValueKind.List;

    /// <summary>A string value.</summary>
    public static Value FromString(string? text) => text is null ? Missing : new(ValueKind.String, 0, text);

    /// <summary>A number value; NaN and infinities become <see cref="Missing"/>.</summary>
    public static Value FromNumber(double number) =>
        double.IsFinite(number) ? new(ValueKind.Number, number, null) : Missing;

    /// <summary>A number read from JSON, keeping its original text for display.</summary>
    public static Value FromJsonNumber(double number, string text) => new(ValueKind.Number, number, text);

    /// <summary>A boolean value.</summary>
    public static Value FromBoolean(bool value) => value ? True : False;

    /// <summary>A timestamp from epoch milliseconds.</summary>
    public static Value FromEpochMilliseconds(double milliseconds) =>
        double.IsFinite(milliseconds) ? new(ValueKind.Timestamp, milliseconds, null) : Missing;

    /// <summary>A map or list value over <paramref name="structure"/>; a JSON scalar becomes the matching scalar value.</summary>
    public static Value FromStructure(JsonStructure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        return structure.IsMap ? new(ValueKind.Map, 0, structure) : new(ValueKind.List, 0, structure);
    }

    /// <summary>A timestamp.</summary>
    public static Value FromTimestamp(DateTimeOffset time) => new(ValueKind.Timestamp, time.ToUnixTimeMilliseconds(), null);

    /// <summary>The value as GetQueryResults would print it (maps and lists as compact JSON), or null when missing.</summary>
    public string? ToDisplayString() => Coerce.ToDisplayText(this);

    /// <inheritdoc />
    public override string ToString() => ToDisplayString() ?? "<missing>";

    /// <inheritdoc />
    public bool Equals(Value other) =>
        Kind == other.Kind && _number.Equals(other._number) && Equals(_text, other._text);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Value v && Equals(v);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _number, _text);

    /// <summary>Structural equality (kind, number and text), not the query language's <c>=</c>.</summary>
    public static bool operator ==(Value left, Value right) => left.Equals(right);

    /// <summary>Structural inequality.</summary>
    public static bool operator !=(Value left, Value right) => !left.Equals(right);

    internal static string FormatNumber(double number) =>
        number == Math.Floor(number) && Math.Abs(number) < 1e15
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
}
