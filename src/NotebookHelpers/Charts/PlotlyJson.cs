using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotebookHelpers.Charts;

/// <summary>
/// Serialises figures for plotly.js. The default JavaScript encoder escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>,
/// <c>'</c> and <c>"</c> inside strings, so a hostile value (e.g. a user agent <c>&lt;/script&gt;…</c>) cannot end the
/// script element the JSON is embedded in. Dates are written as UTC <c>yyyy-MM-dd HH:mm:ss</c>.
/// </summary>
public static class PlotlyJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serialises <paramref name="value"/> with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.Default,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new PlotlyDateTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
