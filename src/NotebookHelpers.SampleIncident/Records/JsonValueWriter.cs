using System.Globalization;
using System.Text.Json;

namespace NotebookHelpers.SampleIncident.Records;

/// <summary>Writes the values a <see cref="JsonMap"/> can hold.</summary>
internal static class JsonValueWriter
{
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case JsonMap map:
                writer.WriteStartObject();
                foreach (var (name, member) in map)
                {
                    writer.WritePropertyName(name);
                    Write(writer, member);
                }

                writer.WriteEndObject();
                break;
            case object?[] array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Cannot write a {value.GetType().Name} as JSON."),
                    nameof(value));
        }
    }
}
