namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// <c>jsonParse</c>, <c>jsonStringify</c>, <c>jsonArraySize</c>, <c>jsonArrayContains</c> and map/list access
/// (<c>x.key</c>, <c>x[i]</c>). A string argument that holds a JSON array counts as that list, so
/// <c>jsonArraySize(field)</c> works on a JSON-encoded field without a <c>jsonParse</c> first.
/// </summary>
public static class JsonFunctions
{
    /// <summary><c>jsonParse(s)</c>: the map or list that <paramref name="v"/> encodes; missing for anything else (a JSON scalar, invalid JSON).</summary>
    public static Value Parse(Value v) => v.IsStructure ? v : Coerce.ToText(v) is { } text ? JsonStructure.Parse(text) : Value.Missing;

    /// <summary><c>jsonStringify(x)</c>: a map or list as compact JSON; missing for anything else.</summary>
    public static Value Stringify(Value v) => v.Structure is { } structure ? Value.FromString(structure.ToJson()) : Value.Missing;

    /// <summary><c>jsonArraySize(x)</c>: the number of items of a list (or of a string holding a JSON array); missing otherwise.</summary>
    public static Value ArraySize(Value v) => AsList(v) is { } list ? Value.FromNumber(list.Count) : Value.Missing;

    /// <summary>
    /// <c>jsonArrayContains(x, value)</c>: whether the list holds the value (strings case-sensitively); false when the
    /// argument is not a list or not valid JSON, as documented; missing when the argument is missing.
    /// </summary>
    public static Value ArrayContains(Value v, Value item)
    {
        if (v.IsMissing)
        {
            return Value.Missing;
        }

        return Value.FromBoolean(AsList(v) is { } list && list.Contains(item));
    }

    /// <summary><c>x.key</c>: a member of a map (or an index of a list spelled as digits); missing otherwise.</summary>
    public static Value Member(Value v, string key) => v.Structure is { } structure ? structure.Member(key) : Value.Missing;

    /// <summary><c>x[i]</c>: item <paramref name="index"/> (0-based) of a list; missing otherwise.</summary>
    public static Value Item(Value v, int index) => v.Structure is { } structure ? structure.Item(index) : Value.Missing;

    private static JsonStructure? AsList(Value v)
    {
        var parsed = v.Kind == ValueKind.String ? JsonStructure.Parse(v.RawText!) : v;
        return parsed.Kind == ValueKind.List ? parsed.Structure : null;
    }
}
