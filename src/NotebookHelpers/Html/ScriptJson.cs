using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotebookHelpers.Html;

/// <summary>
/// JSON that is safe to place inside an HTML <c>&lt;script&gt;</c> element. System.Text.Json's default encoder
/// escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, <c>'</c>, <c>"</c> and non-ASCII characters as <c>\uXXXX</c>,
/// so a value such as <c>&lt;/script&gt;&lt;script&gt;alert(1)</c> stays inside its string literal.
/// </summary>
public static class ScriptJson
{
    /// <summary>The serializer options used for every JSON embedded in a page.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serialises <paramref name="value"/> with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Encodes <paramref name="text"/> as a JavaScript string literal (with its quotes) safe inside a script.</summary>
    public static string StringLiteral(string? text) => JsonSerializer.Serialize(text ?? string.Empty, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.Default,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
