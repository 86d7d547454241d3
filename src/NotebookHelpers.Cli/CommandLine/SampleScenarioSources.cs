using NotebookHelpers.SampleIncident;
using NotebookHelpers.Sources;

namespace NotebookHelpers.Cli.CommandLine;

/// <summary>
/// Makes the training scenarios a command names (<c>sample:NAME</c>, <c>--scenario NAME</c>) exist before the command
/// reads them: each is generated once into <c>out/samples/NAME/</c> (<see cref="SampleScenarioCache"/>).
/// </summary>
internal static class SampleScenarioSources
{
    /// <summary>Generates every scenario <paramref name="sources"/> name that is not there yet.</summary>
    /// <exception cref="UsageException">A source names an unknown scenario.</exception>
    public static void Prepare(string command, IEnumerable<string> sources, CliConsole console)
    {
        foreach (var scenario in sources.Select(SampleIncidentLocator.ScenarioOf).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            Ensure(command, scenario, console);
        }
    }

    /// <summary>Generates <paramref name="scenario"/> if needed; returns its canonical name.</summary>
    /// <exception cref="UsageException">The scenario is unknown.</exception>
    public static string Ensure(string command, string scenario, CliConsole console)
    {
        string name;
        try
        {
            name = SampleScenarios.Find(scenario).Name;
        }
        catch (ArgumentException e)
        {
            throw new UsageException(
                $"{command}: '{scenario}' is neither a copy of the sample incident (trail-s3, event-history, cloudwatch-logs) nor a training scenario " +
                $"({string.Join(", ", SampleScenarios.All.Select(s => s.Name))}).", e);
        }

        if (name != SampleScenarios.Default)
        {
            try
            {
                SampleScenarioCache.Ensure(name, progress: new ImmediateProgress<string>(line => console.Error.WriteLine($"nbh {command}: {line}")));
            }
            catch (ArgumentException)
            {
                // Not inside the repository: the source's own error then says where it looked.
            }
        }

        return name;
    }
}
