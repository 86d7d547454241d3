using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// The JSON object or array behind a map or list value (<c>jsonParse</c>, <c>split</c>). Immutable and detached from
/// any document, so rows can keep it. Members are read case-sensitively, list items by 0-based index.
/// </summary>
public sealed class JsonStructure
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };
    private readonly JsonElement _element;
    private string? _json;

    private JsonStructure(JsonElement element) => _element = element;

    /// <summary>True for an object, false for an array.</summary>
    public bool IsMap => _element.ValueKind == JsonValueKind.Object;

    /// <summary>The number of items of a list, or of members of a map.</summary>
    public int Count => IsMap ? _element.EnumerateObject().Count() : _element.GetArrayLength();

    /// <summary>Parses <paramref name="json"/>: a map or list value, or missing when it is not a JSON object or array.</summary>
    public static Value Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var trimmed = json.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] is not ('{' or '['))
        {
            return Value.Missing;
        }

        try
        {
            using var document = JsonDocument.Parse(json, ParseOptions);
            return Value.FromStructure(new JsonStructure(document.RootElement.Clone()));
        }
        catch (JsonException)
        {
            return Value.Missing;
        }
    }

    /// <summary>A list of strings (what <c>split</c> returns).</summary>
    public static Value ListOf(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return Value.FromStructure(new JsonStructure(document.RootElement.Clone()));
    }

    /// <summary>The member <paramref name="key"/> of a map; for a list, the item whose index <paramref name="key"/> spells.</summary>
    public Value Member(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsMap)
        {
            return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? Item(index) : Value.Missing;
        }

        return _element.TryGetProperty(key, out var member) ? ToValue(member) : Value.Missing;
    }

    /// <summary>Item <paramref name="index"/> (0-based) of a list; missing out of range or on a map.</summary>
    public Value Item(int index) =>
        !IsMap && index >= 0 && index < _element.GetArrayLength() ? ToValue(_element[index]) : Value.Missing;

    /// <summary>True when a list holds an item equal to <paramref name="value"/>: same string (case-sensitive), same number, same boolean.</summary>
    public bool Contains(Value value)
    {
        if (IsMap || value.IsMissing || value.IsStructure)
        {
            return false;
        }

        foreach (var item in _element.EnumerateArray())
        {
            var matches = item.ValueKind switch
            {
                JsonValueKind.String => value.Kind == ValueKind.String && string.Equals(item.GetString(), value.RawText, StringComparison.Ordinal),
                JsonValueKind.Number => value.Kind is ValueKind.Number && item.TryGetDouble(out var n) && n == value.Number
                    || (value.Kind == ValueKind.String && Coerce.TryParseNumber(value.RawText!, out var s) && item.TryGetDouble(out var m) && m == s),
                JsonValueKind.True or JsonValueKind.False => value.Kind == ValueKind.Boolean && (item.ValueKind == JsonValueKind.True) == (value.Number != 0),
                _ => false,
            };
            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Compact JSON, members in their original order.</summary>
    public string ToJson()
    {
        if (_json is null)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                _element.WriteTo(writer);
            }

            _json = Encoding.UTF8.GetString(stream.ToArray());
        }

        return _json;
    }

    /// <inheritdoc />
    public override string ToString() => ToJson();

    private static Value ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Value.FromString(element.GetString()),
        JsonValueKind.Number => element.TryGetDouble(out var n) && double.IsFinite(n) ? Value.FromJsonNumber(n, element.GetRawText()) : Value.FromString(element.GetRawText()),
        JsonValueKind.True => Value.True,
        JsonValueKind.False => Value.False,
        JsonValueKind.Object or JsonValueKind.Array => Value.FromStructure(new JsonStructure(element)),
        _ => Value.Missing,
    };
}
