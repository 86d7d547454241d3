using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotebookHelpers.Charts;

/// <summary>
/// Writes <see cref="DateTimeOffset"/> as <c>yyyy-MM-dd HH:mm:ss</c> in UTC, the date format plotly.js parses without
/// shifting it into the browser's time zone: an analyst in any time zone sees the same UTC hours as CloudTrail.
/// </summary>
internal sealed class PlotlyDateTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
}
