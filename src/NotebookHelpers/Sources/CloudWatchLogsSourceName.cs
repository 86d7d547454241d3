using NotebookHelpers.Aws.Credentials;

namespace NotebookHelpers.Sources;

/// <summary>
/// A <c>cwl:</c> source string: <c>cwl:GROUP[,GROUP…]</c> or <c>cwl:REGION:GROUP[,GROUP…]</c>. Log group names
/// cannot contain <c>:</c> or <c>,</c>, so both separators are unambiguous.
/// </summary>
/// <param name="Region">The region named in the source, or null for the session's home region.</param>
/// <param name="LogGroups">The log groups, in the order given.</param>
public sealed record CloudWatchLogsSourceName(string? Region, IReadOnlyList<string> LogGroups)
{
    /// <summary>The scheme prefix.</summary>
    public const string Scheme = "cwl:";

    /// <summary>True when <paramref name="source"/> starts with <c>cwl:</c>.</summary>
    public static bool IsMatch(string source) => source?.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Parses one or more <c>cwl:</c> sources (all in one region) into one name.</summary>
    /// <exception cref="ArgumentException">A source names no group, or sources name different regions.</exception>
    public static CloudWatchLogsSourceName Parse(IEnumerable<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        string? region = null;
        var groups = new List<string>();
        foreach (var source in sources)
        {
            if (!IsMatch(source))
            {
                throw new ArgumentException($"'{source}' is not a cwl: source (cwl:[REGION:]GROUP[,GROUP…]).", nameof(sources));
            }

            var rest = source[Scheme.Length..];
            string? sourceRegion = null;
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                sourceRegion = rest[..colon];
                if (!AwsRegionName.IsValid(sourceRegion))
                {
                    throw new ArgumentException($"'{source}': '{sourceRegion}' is not a region (cwl:REGION:GROUP).", nameof(sources));
                }

                rest = rest[(colon + 1)..];
            }

            if (sourceRegion is not null && region is not null && sourceRegion != region)
            {
                throw new ArgumentException($"one Logs Insights query runs in one region; the sources name {region} and {sourceRegion}.", nameof(sources));
            }

            region ??= sourceRegion;
            var names = rest.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.Length == 0)
            {
                throw new ArgumentException($"'{source}' names no log group (cwl:[REGION:]GROUP[,GROUP…]).", nameof(sources));
            }

            groups.AddRange(names);
        }

        groups = [.. groups.Distinct(StringComparer.Ordinal)];
        if (groups.Count > 50)
        {
            throw new ArgumentException($"a Logs Insights query takes at most 50 log groups; {groups.Count} were given.", nameof(sources));
        }

        return new CloudWatchLogsSourceName(region, groups);
    }

    /// <inheritdoc />
    public override string ToString() => Scheme + (Region is null ? "" : Region + ":") + string.Join(',', LogGroups);
}
