using System.Text.Json;
using System.Text.RegularExpressions;
using NotebookHelpers.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Investigation;

/// <summary>The JSON of <c>nbh investigate</c> matches docs/investigate-json.md field for field, in order, and is deterministic.</summary>
public sealed partial class InvestigateJsonSchemaTests
{
    private static string Json(IEnumerable<NotebookHelpers.Events.CloudTrailEvent> events)
    {
        var investigator = new Investigator(events);
        var suggestions = investigator.SuggestKeys();
        var investigations = new[] { investigator.Investigate(LeakedKeyScenario.LeakedKey, "asked"), investigator.Investigate(LeakedKeyScenario.BackdoorKey) };
        return InvestigationJson.ToJson(new InvestigationReport(["scenario.json"], investigator.Index.Events.Count, 0, LeakedKeyScenario.LeakedKey,
            suggestions, investigations, investigator));
    }

    [Fact]
    public void EveryDocumentedObjectHasExactlyTheDocumentedFieldsInOrder()
    {
        using var doc = JsonDocument.Parse(Json(LeakedKeyScenario.Build().Events));
        var sections = DocumentedObjects();
        Assert.True(sections.Count >= 14, "docs/investigate-json.md lists fewer objects than expected");
        foreach (var (path, fields) in sections)
        {
            var objects = Select(doc.RootElement, path).ToList();
            Assert.True(objects.Count > 0, $"the sample output has no object at '{path}'");
            foreach (var obj in objects)
            {
                Assert.Equal(JsonValueKind.Object, obj.ValueKind);
                Assert.Equal(fields, obj.EnumerateObject().Select(p => p.Name).ToList());
            }
        }
    }

    [Fact]
    public void OutputIsByteIdenticalWhateverTheEventOrder()
    {
        var events = LeakedKeyScenario.Build().Events;
        var shuffled = events.OrderByDescending(e => e.EventID, StringComparer.Ordinal).ToList();

        Assert.Equal(Json(events), Json(shuffled));
    }

    [Fact]
    public void EnumsAndTimesUseTheDocumentedSpelling()
    {
        using var doc = JsonDocument.Parse(Json(LeakedKeyScenario.Build().Events));
        var profile = doc.RootElement.GetProperty("investigations")[0].GetProperty("profile");

        Assert.Equal("long-term", profile.GetProperty("kind").GetString());
        Assert.Equal("deny-all-policy", profile.GetProperty("containment")[0].GetProperty("kind").GetString());
        Assert.Equal("2025-03-10T10:00:00Z", profile.GetProperty("containedAt").GetString());
        Assert.Contains(doc.RootElement.GetProperty("investigations")[0].GetProperty("blastRadius").GetProperty("nodes").EnumerateArray(),
            n => n.GetProperty("kind").GetString() == "login-profile");
        Assert.All(doc.RootElement.GetProperty("findings").EnumerateArray(),
            f => Assert.Contains(f.GetProperty("severity").GetString(), new[] { "info", "low", "medium", "high", "critical" }));
    }

    /// <summary>Reads the "### `path`" sections of the document and the field names of their tables.</summary>
    private static List<(string Path, List<string> Fields)> DocumentedObjects()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "investigate-json.md"));
        var result = new List<(string, List<string>)>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                current = [];
                result.Add((heading.Groups[1].Value, current));
                continue;
            }

            var row = FieldRow().Match(line);
            if (row.Success && current is not null)
            {
                current.Add(row.Groups[1].Value);
            }
        }

        return result;
    }

    private static IEnumerable<JsonElement> Select(JsonElement root, string path)
    {
        IEnumerable<JsonElement> current = [root];
        if (path == "(root)")
        {
            return current;
        }

        foreach (var part in path.Split('.'))
        {
            var name = part.TrimEnd('[', ']');
            var many = part.EndsWith("[]", StringComparison.Ordinal);
            current = current.Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null)
                .Select(e => e.GetProperty(name))
                .SelectMany(v => many ? v.EnumerateArray().ToList() : new List<JsonElement> { v })
                .ToList();
        }

        return current;
    }

    [GeneratedRegex(@"^### `([^`]+)`\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\| `([A-Za-z0-9]+)` \|")]
    private static partial Regex FieldRow();
}
