using System.Globalization;
using System.Text;
using System.Text.Json;
using NotebookHelpers.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace NotebookHelpers.Tests.Detections;

/// <summary>One Panther rule file: its RuleID and its labelled test events, as CloudTrail JSON.</summary>
internal sealed record PantherTestFile(string FileName, string RuleId, IReadOnlyList<PantherTestCase> Tests)
{
    public const string Folder = "panther-analysis-test-events";

    public static IReadOnlyList<PantherTestFile> LoadAll() =>
        Directory.GetFiles(RepositoryPaths.SharedDataset(Folder), "*.yml").Order(StringComparer.Ordinal).Select(Load).ToList();

    public static PantherTestFile Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var ruleId = ((YamlScalarNode)root.Children[new YamlScalarNode("RuleID")]).Value!;
        var tests = new List<PantherTestCase>();
        if (root.Children.TryGetValue(new YamlScalarNode("Tests"), out var testsNode))
        {
            foreach (var node in ((YamlSequenceNode)testsNode).Children.Cast<YamlMappingNode>())
            {
                var name = ((YamlScalarNode)node.Children[new YamlScalarNode("Name")]).Value!;
                var expected = ((YamlScalarNode)node.Children[new YamlScalarNode("ExpectedResult")]).Value!.Equals("true", StringComparison.OrdinalIgnoreCase);
                var log = node.Children[new YamlScalarNode("Log")];
                var json = log is YamlScalarNode text ? text.Value! : ToJson(log);
                tests.Add(new PantherTestCase(name, expected, WithEventTime(json)));
            }
        }

        return new PantherTestFile(Path.GetFileName(path), ruleId, tests);
    }

    /// <summary>
    /// YAML to JSON keeping types: plain scalars that read as booleans, null or numbers become JSON literals,
    /// quoted scalars stay strings (so <c>"includeManagementEvents": false</c> stays a boolean).
    /// </summary>
    private static string ToJson(YamlNode node)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value!);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode seq:
                writer.WriteStartArray();
                foreach (var item in seq.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                var v = scalar.Value;
                if (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain)
                {
                    if (v is null or "" or "null" or "~")
                    {
                        writer.WriteNullValue();
                        break;
                    }

                    if (v is "true" or "false" or "True" or "False")
                    {
                        writer.WriteBooleanValue(v.Equals("true", StringComparison.OrdinalIgnoreCase));
                        break;
                    }

                    if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && !v.StartsWith('0'))
                    {
                        writer.WriteNumberValue(n);
                        break;
                    }
                }

                writer.WriteStringValue(v);
                break;
        }
    }

    /// <summary>
    /// Panther's fixtures sometimes omit <c>eventTime</c> (Panther keeps its own <c>p_event_time</c>); a CloudTrail
    /// record always has one, so the harness supplies it from <c>p_event_time</c> or a fixed time.
    /// </summary>
    private static string WithEventTime(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.TryGetProperty("eventTime", out _))
        {
            return json;
        }

        var time = doc.RootElement.TryGetProperty("p_event_time", out var p) && p.GetString() is { } text &&
                   DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("eventTime", time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>One labelled Panther test event.</summary>
internal sealed record PantherTestCase(string Name, bool ExpectedResult, string Json);
