using System.Globalization;
using System.Reflection;
using NotebookHelpers.Charts;
using NotebookHelpers.Html;
using NotebookHelpers.Sources;

namespace NotebookHelpers.Display;

/// <summary>
/// Checks that a notebook host can run the collection: the .NET runtime, which host is running, the helper library
/// and its offline plotly.js, the sample incident, and the evidence source the notebooks will read. Each failed check
/// says what to do.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class SetupCheck : IHtmlRenderable
{
    private static readonly string[] LiveSchemes = ["cwl:", "lookup:", "s3://", AthenaSourceName.Scheme];

    private SetupCheck(IReadOnlyList<SetupCheckItem> items)
    {
        Items = items;
    }

    /// <summary>The checks, in order.</summary>
    public IReadOnlyList<SetupCheckItem> Items { get; }

    /// <summary>True when every check passed.</summary>
    public bool AllPassed => Items.All(i => i.Passed);

    /// <summary>
    /// Runs the checks. A local <paramref name="source"/> (the sample incident or a path) is opened and counted;
    /// a live one (<c>cwl:</c>, <c>lookup:</c>, <c>s3://</c>) is only parsed, because querying it costs money and time.
    /// </summary>
    public static async Task<SetupCheck> RunAsync(string source = "sample", CancellationToken cancellationToken = default)
    {
        var items = new List<SetupCheckItem>
        {
            Runtime(),
            Host(),
            Library(),
            OfflineCharts(),
            SampleIncident(),
        };
        items.Add(await EvidenceAsync(source, cancellationToken).ConfigureAwait(false));
        return new SetupCheck(items);
    }

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => ToHtmlTable().WriteHtml(writer);

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(AllPassed ? "Setup check: all passed" : "Setup check: some checks FAILED");
        foreach (var item in Items)
        {
            writer.WriteLine($"  [{(item.Passed ? "ok" : "FAILED")}] {item.Name}: {item.Result}");
        }
    }

    /// <summary>The checks as a table.</summary>
    public HtmlTable ToHtmlTable() => new(
        ["Check", "Status", "Result"],
        Items.Select(i => (IReadOnlyList<string?>)[i.Name, i.Passed ? "ok" : "FAILED", i.Result]).ToList())
    {
        Title = AllPassed ? "Setup check: all passed" : "Setup check: some checks FAILED — see the results",
    };

    /// <inheritdoc />
    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WritePlainText(writer);
        return writer.ToString();
    }

    private static SetupCheckItem Runtime() =>
        Environment.Version.Major >= 10
            ? new(".NET runtime", true, $".NET {Environment.Version}")
            : new(".NET runtime", false, $".NET {Environment.Version}: install the .NET 10 SDK.");

    private static SetupCheckItem Host()
    {
        var assemblies = AppDomain.CurrentDomain.GetAssemblies();
        if (assemblies.Any(a => a.GetName().Name == "NotebookHelpers.Notebooks"))
        {
            return new("Notebook host", true, "nbh run (in-process C# kernel)");
        }

        var interactive = assemblies.FirstOrDefault(a => a.GetName().Name == "Microsoft.DotNet.Interactive");
        return interactive is not null
            ? new("Notebook host", true, $".NET Interactive kernel {interactive.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? interactive.GetName().Version?.ToString()}")
            : new("Notebook host", true, "no notebook kernel (a plain .NET program): tables and charts render as text");
    }

    private static SetupCheckItem Library()
    {
        var assembly = typeof(SetupCheck).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return new("Helper library", true, $"NotebookHelpers {version} from {DisplayPath.Of(assembly.Location)}");
    }

    private static SetupCheckItem OfflineCharts()
    {
        try
        {
            return new("Offline charts", true, string.Create(CultureInfo.InvariantCulture, $"plotly.js {PlotlyJs.Version} embedded ({PlotlyJs.Source.Length / 1024:N0} KB); no network needed"));
        }
        catch (InvalidOperationException e)
        {
            return new("Offline charts", false, e.Message + " Rebuild the library with dotnet build.");
        }
    }

    private static SetupCheckItem SampleIncident()
    {
        try
        {
            var path = SampleIncidentLocator.Find("trail-s3");
            var files = Directory.EnumerateFiles(path, "*.json.gz", SearchOption.AllDirectories).Count();
            return new("Sample incident", true, string.Create(CultureInfo.InvariantCulture, $"{files:N0} trail files in {DisplayPath.Of(path)}"));
        }
        catch (ArgumentException e)
        {
            return new("Sample incident", false, e.Message + " Open the notebooks from the repository's notebooks/ folder.");
        }
    }

    private static async Task<SetupCheckItem> EvidenceAsync(string source, CancellationToken cancellationToken)
    {
        const string name = "Evidence source";
        if (LiveSchemes.Any(s => source.TrimStart().StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                if (AthenaSourceName.IsMatch(source.TrimStart()))
                {
                    // An athena: source is opened with the key and the start time the investigation notebooks give it.
                    var table = AthenaSourceName.Parse(source.TrimStart());
                    return new(name, true, $"{table}: a live source; not queried here (Athena bills per TB scanned). The investigation notebooks query it with their AccessKeyId and Start.");
                }

                var parsed = EvidenceSources.Parse(source, new EvidenceSourceOptions { EvidenceFolder = Path.GetTempPath() });
                return new(name, true, $"{parsed.Description}: a live source; not queried here (Logs Insights is billed per GB scanned). The investigation notebooks query it.");
            }
            catch (ArgumentException e)
            {
                return new(name, false, e.Message);
            }
        }

        try
        {
            var opened = EvidenceSources.Parse(source);
            var runner = await opened.OpenQueryRunnerAsync(cancellationToken).ConfigureAwait(false);
            var results = await runner.RunAsync(
                "stats count(*) as events, min(@timestamp) as first, max(@timestamp) as last",
                Evidence.TimeRange.All,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            var row = results.Rows.FirstOrDefault();
            var events = row?.FirstOrDefault(f => f.Field == "events")?.Value ?? "0";
            return events == "0"
                ? new(name, false, $"{opened.Description}: no CloudTrail events found. Check the path.")
                : new(name, true, $"{opened.Description}: {events} events from {Events.UtcTime.OfResultValue(row!.FirstOrDefault(f => f.Field == "first")?.Value)} to {Events.UtcTime.OfResultValue(row!.FirstOrDefault(f => f.Field == "last")?.Value)}");
        }
        catch (Exception e) when (e is ArgumentException or IOException or Insights.InsightsQueryException)
        {
            return new(name, false, e.Message);
        }
    }
}
