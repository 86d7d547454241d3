using NotebookHelpers.Aws;
using NotebookHelpers.Aws.CloudTrail;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.S3;

namespace NotebookHelpers.Sources;

/// <summary>
/// <c>s3://BUCKET[/PREFIX]</c>: a trail bucket; the days of the options' range are downloaded into the evidence folder
/// (every account and region, organization trails included; objects already saved are skipped), with the digest files
/// and CloudTrail's public keys for them so the copy can be validated, then read locally.
/// </summary>
public sealed class S3TrailEvidenceSource : FetchedEvidenceSource
{
    private readonly S3Location _location;

    /// <summary>Creates the source.</summary>
    public S3TrailEvidenceSource(string parameter, EvidenceSourceOptions options)
        : base(parameter, options)
    {
        _location = S3Location.Parse(parameter);
        if (options.Range.Start is null || options.Range.End is null)
        {
            throw new ArgumentException($"'{parameter}': give a start and an end time: they choose the days to download.", nameof(options));
        }
    }

    /// <inheritdoc />
    public override string Description => _location.ToString();

    /// <inheritdoc />
    protected override async Task<(IReadOnlyList<string> Paths, IReadOnlyList<string> Problems)> FetchAsync(
        AwsSession session, EvidenceDirectory evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var s3 = session.CreateS3Client();
        var request = new TrailFetchRequest(_location, Options.Range.Start!.Value, Options.Range.End!.Value, [], Options.Regions ?? []);
        var result = await new TrailLogFetcher(s3, evidence).FetchAsync(request, null, cancellationToken).ConfigureAwait(false);
        Options.Progress?.Report($"{Description}: {result.Listed} objects, {result.Downloaded} downloaded, {result.Skipped} already saved");
        var (_, keyProblems) = await new PublicKeyFetcher(new CloudTrailClient(session.Sender), evidence).FetchForDigestsAsync(result.Paths, cancellationToken).ConfigureAwait(false);
        return (result.Paths, [.. result.Problems, .. keyProblems.Select(p => "cloudtrail:ListPublicKeys " + p)]);
    }
}
