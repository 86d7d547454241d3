using System.Diagnostics;
using System.Globalization;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.SampleIncident;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh sample-incident [--scenario NAME] --out DIR [--seed N] [--scale N | --events N]</c>: writes the recorded sample
/// incident, or one of its training scenarios; with <c>--scenario</c> and no <c>--out</c>, into the cache the notebooks
/// read as <c>Source=sample:NAME</c>.
/// </summary>
public sealed class SampleIncidentCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "sample-incident";

    /// <inheritdoc />
    public string Summary => "Generate the sample incident (trail objects, CloudWatch Logs export, Event History pages, answer key).";

    /// <inheritdoc />
    public string Usage => "nbh sample-incident [--scenario NAME] [--out DIR] [--seed N] [--scale N | --events N]";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--scenario", "NAME", "The story: " + string.Join(", ", SampleScenarios.All.Select(s => s.Name)) + " (default mining, the committed sample).")
        .Option("--out", "DIR", "Folder to write into (its trail-s3/, cloudwatch-logs/, event-history/ and answer-key.json are replaced); " +
            "with --scenario alone, the scenario's cache out/samples/NAME that Source=sample:NAME reads.")
        .Option("--seed", "N", $"Seed (default {SampleIncidentOptions.DefaultSeed}, the committed sample).")
        .Option("--scale", "N", "Make the background N times busier (default 1: about 10,000 events in five days).")
        .Option("--events", "N", "About N events, e.g. 1000000 for benchmarks: busier up to 24x, then more days.");

    /// <inheritdoc />
    public Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"{Name}: unexpected argument '{args.Positional[0]}'. Usage: {Usage}");
        }

        var scenario = args.Value("--scenario") is { } named ? ScenarioName(named) : SampleScenarios.Default;
        if (args.Value("--out") is null && args.Value("--scenario") is not null && args.Value("--seed") is null && args.Value("--scale") is null && args.Value("--events") is null)
        {
            // Mining's cache is the committed sample, which this never rewrites.
            console.Out.WriteLine(SampleScenarioCache.Ensure(scenario, progress: new ImmediateProgress<string>(line => console.Error.WriteLine($"nbh {Name}: {line}"))));
            return Task.FromResult(0);
        }

        var output = args.Required("--out");
        var seed = ParseNumber(args.Value("--seed"), "--seed", SampleIncidentOptions.DefaultSeed, long.MinValue);
        var scaleText = args.Value("--scale");
        var eventsText = args.Value("--events");
        if (scaleText is not null && eventsText is not null)
        {
            throw new UsageException($"{Name}: give --scale or --events, not both.");
        }

        var options = eventsText is not null
            ? SampleIncidentOptions.ForEventCount(output, ParseNumber(eventsText, "--events", 0, 1, 1_000_000_000), seed)
            : new SampleIncidentOptions { OutputDirectory = output, Seed = seed, Scale = (int)ParseNumber(scaleText, "--scale", 1, 1, 10_000) };
        options = options with { Scenario = scenario };

        var stopwatch = Stopwatch.StartNew();
        SampleIncidentSummary summary;
        try
        {
            summary = SampleIncidentGenerator.Generate(options, new ImmediateProgress<string>(line => console.Error.WriteLine($"nbh {Name}: {line}")), cancellationToken);
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"nbh {Name}: cannot write to {output}: {e.Message}");
            return Task.FromResult(CliApplication.FailureExitCode);
        }
        catch (UnauthorizedAccessException e)
        {
            console.Error.WriteLine($"nbh {Name}: cannot write to {output}: {e.Message}");
            return Task.FromResult(CliApplication.FailureExitCode);
        }

        var s = summary;
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"nbh {Name}: {scenario}, seed {s.Seed}, scale {s.Scale}, {s.Days} days: {s.Events:N0} events ({s.ManagementEvents:N0} management, {s.DataEvents:N0} data) in {stopwatch.Elapsed.TotalSeconds:F1} s"));
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"nbh {Name}: {s.TrailObjects:N0} trail objects ({s.TrailBytes / 1024.0 / 1024.0:F1} MB; {s.TrailObjectsDeleted} deleted by the story) + {s.DigestFiles} signed digest files, {s.CloudWatchObjects} CloudWatch Logs export objects ({s.CloudWatchEvents:N0} events, {s.CloudWatchDropped} over 256 KB left out), {s.EventHistoryPages} Event History pages ({s.EventHistoryEvents} events)"));
        console.Out.WriteLine(Path.GetFullPath(output));
        return Task.FromResult(0);
    }

    private string ScenarioName(string named)
    {
        try
        {
            return SampleScenarios.Find(named).Name;
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{Name}: {e.Message}", e);
        }
    }

    private long ParseNumber(string? text, string option, long fallback, long min, long max = long.MaxValue)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"{Name}: {option} must be a whole number{(min > long.MinValue ? $" from {min}" : "")}{(max < long.MaxValue ? $" to {max}" : "")}, not '{text}'.");
        }

        return value;
    }
}
