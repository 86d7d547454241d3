using System.Globalization;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.Transport;
using NotebookHelpers.Integrity;

namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>
/// Saves CloudTrail's public keys for a time range into the evidence folder, one ListPublicKeys response per page at
/// <c>cloudtrail-public-keys/REGION/START--END/page-NNNN.json</c>, so a validation rerun offline uses exactly the keys
/// fetched. CloudTrail signs each region's digests with that region's key, so each region is asked. A region already
/// saved for the same range is not asked again.
/// </summary>
public sealed class PublicKeyFetcher
{
    private readonly CloudTrailClient _client;
    private readonly EvidenceDirectory _evidence;

    /// <summary>Creates a fetcher.</summary>
    public PublicKeyFetcher(CloudTrailClient client, EvidenceDirectory evidence)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(evidence);
        _client = client;
        _evidence = evidence;
    }

    /// <summary>The evidence folder of one region's keys for a range.</summary>
    public static string FolderOf(string region, DateTimeOffset start, DateTimeOffset end) =>
        EvidenceRelativePath.Combine(TrailEvidenceIndex.PublicKeysFolder, EvidenceRelativePath.FromName(region),
            string.Create(CultureInfo.InvariantCulture, $"{start.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}--{end.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}"));

    /// <summary>
    /// Fetches the keys that signed the digests among <paramref name="objectPaths"/> (keys or evidence paths of fetched
    /// trail objects): in each digest region, for the span from an hour before the first digest's end to the last's.
    /// </summary>
    public Task<(IReadOnlyList<string> Pages, IReadOnlyList<string> Problems)> FetchForDigestsAsync(IEnumerable<string> objectPaths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objectPaths);
        var digests = objectPaths.Select(TrailObjectKey.TryParse).Where(k => k is { IsDigest: true }).Select(k => k!).ToList();
        return digests.Count == 0
            ? Task.FromResult<(IReadOnlyList<string>, IReadOnlyList<string>)>(([], []))
            : FetchAsync([.. digests.Select(d => d.Region)], digests.Min(d => d.Time).AddHours(-1), digests.Max(d => d.Time), cancellationToken);
    }

    /// <summary>Fetches the keys of every region in <paramref name="regions"/>; returns the pages saved and one line per region that failed.</summary>
    public async Task<(IReadOnlyList<string> Pages, IReadOnlyList<string> Problems)> FetchAsync(
        IReadOnlyList<string> regions, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var pages = new List<string>();
        var problems = new List<string>();
        foreach (var region in regions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var folder = FolderOf(region, start, end);
            var saved = _evidence.Entries.Where(e => e.Path.StartsWith(folder + "/", StringComparison.Ordinal)).Select(e => e.Path).ToList();
            if (saved.Count > 0)
            {
                pages.AddRange(saved);
                continue;
            }

            try
            {
                string? token = null;
                var number = 0;
                var guard = new PageTokenGuard("cloudtrail", "ListPublicKeys", region);
                do
                {
                    var (body, next) = await _client.ListPublicKeysAsync(region, start, end, token, cancellationToken).ConfigureAwait(false);
                    number++;
                    var path = EvidenceRelativePath.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"page-{number:D4}.json"));
                    await _evidence.WriteAsync(path, body, string.Create(CultureInfo.InvariantCulture,
                        $"cloudtrail:ListPublicKeys region={region} start={start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} end={end.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} page={number}"),
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                    pages.Add(path);
                    token = guard.Next(next);
                }
                while (token is not null);
            }
            catch (AwsServiceException e)
            {
                problems.Add($"{region}: {AwsErrorAdvice.Describe(e)}");
            }
        }

        return (pages, problems);
    }
}
