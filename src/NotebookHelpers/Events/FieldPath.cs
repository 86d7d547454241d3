using System.Text.Json;

namespace NotebookHelpers.Events;

/// <summary>
/// Resolves Logs-Insights-style flattened paths against a JSON value: object keys joined with <c>.</c> and array
/// elements addressed by index (<c>resources.0.ARN</c>, <c>requestParameters.instancesSet.items.0.instanceId</c>).
/// Keys that themselves contain dots (S3 and IAM request parameters have them) are matched too: at each object the
/// resolver tries every key that is a prefix of the remaining path ending at a dot, so no escaping is needed. A
/// repeated key is read at its first occurrence only.
/// </summary>
public static class FieldPath
{
    /// <summary>Finds the value at <paramref name="path"/> below <paramref name="root"/>.</summary>
    public static bool TryResolve(JsonElement root, ReadOnlySpan<char> path, out JsonElement value)
    {
        if (path.IsEmpty)
        {
            value = root;
            return true;
        }

        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                // A repeated key reads as its first occurrence (docs/evidence-formats.md), an object's too: a later
                // copy must not supply a path the first lacks. A key that can lead along the path is a prefix of it
                // ending at a dot or at its end, so its length names it.
                Span<bool> tried = path.Length < 256 ? stackalloc bool[path.Length + 1] : new bool[path.Length + 1];
                foreach (var member in root.EnumerateObject())
                {
                    var name = member.Name;
                    if (!path.StartsWith(name, StringComparison.Ordinal) || tried[name.Length])
                    {
                        continue;
                    }

                    tried[name.Length] = true;

                    if (path.Length == name.Length)
                    {
                        value = member.Value;
                        return true;
                    }

                    if (path[name.Length] == '.' && TryResolve(member.Value, path[(name.Length + 1)..], out value))
                    {
                        return true;
                    }
                }

                break;

            case JsonValueKind.Array:
                var dot = path.IndexOf('.');
                var segment = dot < 0 ? path : path[..dot];
                if (int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) &&
                    index < root.GetArrayLength())
                {
                    return TryResolve(root[index], dot < 0 ? [] : path[(dot + 1)..], out value);
                }

                break;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The text of a value the way a query result shows it: strings unescaped, numbers and booleans as written,
    /// <c>null</c> as null, objects and arrays as their compact JSON.
    /// </summary>
    public static string? ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => Compact(value),
    };

    private static string Compact(JsonElement value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            value.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
