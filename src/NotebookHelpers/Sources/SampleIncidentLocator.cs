using System.Text.RegularExpressions;

namespace NotebookHelpers.Sources;

/// <summary>
/// Finds the sample incident from a notebook, the CLI or a test, wherever they run: the committed mining story in
/// <c>data-samples/sample-incident/</c>, and the other training scenarios generated into
/// <c>out/samples/NAME/</c> (<see cref="ScenarioCacheFolder"/>) by <c>nbh sample-incident --scenario NAME</c> or
/// <c>nbh run --scenario NAME</c>.
/// </summary>
public static partial class SampleIncidentLocator
{
    private const string Prefix = "sample:";

    /// <summary>The committed scenario, which <c>sample</c> alone names.</summary>
    public const string DefaultScenario = "mining";

    /// <summary>Where generated scenarios go, relative to the repository root (ignored by git).</summary>
    public const string ScenarioCacheFolder = "out/samples";

    /// <summary>
    /// The sample's digest signing public key, in ListPublicKeys shape, beside its copies: the sample's own key pair
    /// (derived from the generator's seed), not an AWS key.
    /// </summary>
    public const string PublicKeysFileName = "cloudtrail-public-keys.json";

    private static readonly string[] Copies = ["trail-s3", "event-history", "cloudwatch-logs"];

    /// <summary>
    /// True when <paramref name="source"/> names the sample incident: <c>sample</c>, <c>sample:COPY</c> (a copy of the
    /// committed mining story), <c>sample:SCENARIO</c> or <c>sample:SCENARIO/COPY</c>. <paramref name="copy"/> is then
    /// what <see cref="Find"/> takes: <c>COPY</c> for the mining story (<c>trail-s3</c> when none is named), else
    /// <c>SCENARIO/COPY</c>.
    /// </summary>
    public static bool TryParseSourceName(string source, out string copy)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = source.Trim();
        if (text.Equals("sample", StringComparison.OrdinalIgnoreCase))
        {
            copy = "trail-s3";
            return true;
        }

        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            copy = string.Empty;
            return false;
        }

        var rest = text[Prefix.Length..];
        if (rest.Length == 0)
        {
            copy = "trail-s3";
            return true;
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var (scenario, part) = slash >= 0 ? (rest[..slash], rest[(slash + 1)..]) : Copies.Contains(rest) ? (DefaultScenario, rest) : (rest, "trail-s3");
        scenario = scenario.ToLowerInvariant();
        copy = scenario == DefaultScenario ? part : $"{scenario}/{part}";
        return true;
    }

    /// <summary>
    /// The same source in scenario <paramref name="scenario"/>: <c>sample</c> becomes <c>sample:SCENARIO</c>,
    /// <c>sample:event-history</c> becomes <c>sample:SCENARIO/event-history</c>; a source that names no sample, or
    /// already names a scenario, is returned as it is.
    /// </summary>
    public static string InScenario(string source, string scenario)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scenario);
        var text = source.Trim();
        if (!TryParseSourceName(text, out var copy))
        {
            return source;
        }

        var rest = text.Length > Prefix.Length ? text[Prefix.Length..] : "";
        if (rest.Length > 0 && !Copies.Contains(rest))
        {
            return source;
        }

        var name = scenario.Trim().ToLowerInvariant();
        return name == DefaultScenario ? source : copy == "trail-s3" ? $"{Prefix}{name}" : $"{Prefix}{name}/{copy}";
    }

    /// <summary>The scenario a sample source names (<see cref="DefaultScenario"/> for <c>sample</c> and its copies); null for any other source.</summary>
    public static string? ScenarioOf(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!TryParseSourceName(source, out var copy))
        {
            return null;
        }

        var slash = copy.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? copy[..slash] : DefaultScenario;
    }

    /// <summary>
    /// The folder of one copy of the sample incident: <c>trail-s3</c>, <c>event-history</c>, <c>cloudwatch-logs</c> of the
    /// committed mining story, or <c>SCENARIO/COPY</c> of a generated scenario.
    /// </summary>
    /// <exception cref="ArgumentException">The copy or scenario name is malformed, no data-samples folder is above the
    /// current or program folder, or the scenario has not been generated (the message says how to).</exception>
    public static string Find(string copy, string? repositoryRoot = null)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var slash = copy.IndexOf('/', StringComparison.Ordinal);
        var (scenario, part) = slash >= 0 ? (copy[..slash], copy[(slash + 1)..]) : (DefaultScenario, copy);
        if (!Copies.Contains(part))
        {
            throw new ArgumentException($"'sample:{copy}' is not a copy of the sample incident ({string.Join(", ", Copies)}).", nameof(copy));
        }

        if (!ScenarioName().IsMatch(scenario))
        {
            throw new ArgumentException($"'{scenario}' is not a sample scenario name (lower-case letters, digits and dashes).", nameof(copy));
        }

        var root = RepositoryRoot(repositoryRoot);
        if (scenario == DefaultScenario)
        {
            return Path.Combine(root, "data-samples", "sample-incident", part);
        }

        var folder = Path.Combine(ScenarioFolder(scenario, root), part);
        return Directory.Exists(folder)
            ? folder
            : throw new ArgumentException(
                $"'sample:{scenario}' is not a copy of the sample incident ({string.Join(", ", Copies)}) nor a generated training scenario ({folder} does not exist): " +
                $"run `nbh sample-incident --scenario {scenario}` or `nbh run --scenario {scenario}` first.",
                nameof(copy));
    }

    /// <summary>The folder a generated scenario lives in under <paramref name="repositoryRoot"/> (it may not exist yet).</summary>
    public static string ScenarioFolder(string scenario, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        return Path.Combine(repositoryRoot, ScenarioCacheFolder, scenario.ToLowerInvariant());
    }

    /// <summary>
    /// The repository root: <paramref name="start"/> if given, else the first folder above the current or the program's
    /// folder that holds <c>data-samples/sample-incident</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No such folder.</exception>
    public static string RepositoryRoot(string? start = null)
    {
        var starts = start is not null ? [start] : new[] { Environment.CurrentDirectory, AppContext.BaseDirectory };
        foreach (var s in starts)
        {
            for (var dir = new DirectoryInfo(s); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "data-samples", "sample-incident")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new ArgumentException(
            $"the sample incident (data-samples/sample-incident) is not above {string.Join(" or ", starts)}; run from the repository or give its root.", nameof(start));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,40}$")]
    private static partial Regex ScenarioName();
}
