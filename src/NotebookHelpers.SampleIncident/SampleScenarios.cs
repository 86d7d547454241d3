using NotebookHelpers.SampleIncident.Stories;

namespace NotebookHelpers.SampleIncident;

/// <summary>The training scenarios <c>nbh sample-incident --scenario NAME</c> generates.</summary>
public static class SampleScenarios
{
    /// <summary>The committed sample in <c>data-samples/sample-incident</c>: crypto-mining, persistence, exfiltration.</summary>
    public const string Default = MiningStory.Name;

    private static readonly IReadOnlyList<IncidentStory> Stories = [new MiningStory(), new LlmjackingStory(), new S3RansomwareStory()];

    /// <summary>Every scenario, the default first.</summary>
    public static IReadOnlyList<SampleScenario> All { get; } = Stories.Select(s => s.Scenario).ToList();

    /// <summary>The scenario called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No scenario has that name; the message lists them.</exception>
    public static SampleScenario Find(string name) => Story(name).Scenario;

    internal static IncidentStory Story(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Stories.FirstOrDefault(s => s.Scenario.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{name}' is not a sample scenario ({string.Join(", ", Stories.Select(s => s.Scenario.Name))}).", nameof(name));
    }
}
