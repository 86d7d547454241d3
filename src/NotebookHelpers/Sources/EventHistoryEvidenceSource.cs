using NotebookHelpers.Aws;
using NotebookHelpers.Aws.CloudTrail;
using NotebookHelpers.Aws.Ec2;
using NotebookHelpers.Aws.EvidenceFolder;

namespace NotebookHelpers.Sources;

/// <summary>
/// <c>lookup:[KEY=]VALUE</c> or <c>lookup:</c>: a CloudTrail Event History sweep (every enabled region, or the
/// options' regions) saved into the evidence folder, then read like local evidence. <c>lookup:AKIA…</c> means
/// <c>lookup:AccessKeyId=AKIA…</c>; <c>lookup:</c> alone sweeps every management event of the range.
/// </summary>
public sealed class EventHistoryEvidenceSource : FetchedEvidenceSource
{
    /// <summary>The scheme prefix.</summary>
    public const string Scheme = "lookup:";

    /// <summary>Creates the source.</summary>
    public EventHistoryEvidenceSource(string parameter, EvidenceSourceOptions options)
        : base(parameter, options) => Attribute = ParseAttribute(parameter);

    /// <summary>The attribute swept, or null for every management event.</summary>
    public LookupAttribute? Attribute { get; }

    /// <inheritdoc />
    public override string Description => "CloudTrail Event History " + (Attribute?.ToString() ?? "(all management events)");

    /// <summary>Parses what follows <c>lookup:</c>.</summary>
    /// <exception cref="ArgumentException">An unknown attribute name.</exception>
    public static LookupAttribute? ParseAttribute(string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var rest = parameter.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? parameter[Scheme.Length..].Trim() : parameter.Trim();
        if (rest.Length == 0)
        {
            return null;
        }

        var equals = rest.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return new LookupAttribute(LookupAttributeKey.AccessKeyId, rest);
        }

        var key = rest[..equals];
        return Enum.TryParse<LookupAttributeKey>(key, ignoreCase: true, out var parsed)
            ? new LookupAttribute(parsed, rest[(equals + 1)..])
            : throw new ArgumentException(
                $"'{parameter}': '{key}' is not a LookupEvents attribute ({string.Join(", ", Enum.GetNames<LookupAttributeKey>())}).", nameof(parameter));
    }

    /// <inheritdoc />
    protected override async Task<(IReadOnlyList<string> Paths, IReadOnlyList<string> Problems)> FetchAsync(
        AwsSession session, EvidenceDirectory evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var regions = Options.Regions;
        if (regions is null)
        {
            using var ec2 = session.CreateEc2Client();
            regions = await Ec2RegionLister.ListEnabledRegionsAsync(ec2, cancellationToken).ConfigureAwait(false);
        }

        var progress = Options.Progress is null ? null : new SweepProgress(Options.Progress);
        var result = await new EventHistorySweep(new CloudTrailClient(session.Sender), evidence)
            .RunAsync(regions, Attribute, Options.Range.Start, Options.Range.End, progress, cancellationToken).ConfigureAwait(false);
        return (result.PagePaths, [.. result.Regions.Where(r => !r.IsComplete).Select(r => $"{r.Region}: {r.Error}")]);
    }

    private sealed class SweepProgress(IProgress<string> lines) : IProgress<EventHistoryProgress>
    {
        public void Report(EventHistoryProgress value) => lines.Report(value.Message);
    }
}
