using System.Text.Json;
using System.Text.Json.Serialization;
using NotebookHelpers.Html;

namespace NotebookHelpers.Charts;

/// <summary>
/// Serialises figures for plotly.js with <see cref="ScriptJson"/>'s settings: the default JavaScript encoder escapes
/// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, <c>'</c> and <c>"</c> inside strings, so a hostile value (e.g. a user agent
/// <c>&lt;/script&gt;…</c>) cannot end the script element the JSON is embedded in. Dates are written as UTC
/// <c>yyyy-MM-dd HH:mm:ss</c>.
/// </summary>
public static class PlotlyJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serialises <paramref name="value"/> with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        // What makes JSON safe inside a <script> is decided once, in ScriptJson; plotly adds its dates and NaN.
        var options = new JsonSerializerOptions(ScriptJson.Options)
        {
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new PlotlyDateTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
