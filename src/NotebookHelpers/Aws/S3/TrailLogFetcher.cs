using System.Collections.Concurrent;
using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Integrity;

namespace NotebookHelpers.Aws.S3;

/// <summary>
/// Downloads a trail's log files and digest files from S3 into the evidence folder: it finds the accounts (including
/// organization trails' <c>AWSLogs/o-…/ACCOUNT/</c>) and regions under the prefix, lists each day's folders
/// (<c>CloudTrail/REGION/YYYY/MM/DD/</c> and <c>CloudTrail-Digest/REGION/YYYY/MM/DD/</c>) with continuation, and
/// downloads in parallel, skipping objects already saved with the same ETag and size. Files land at
/// <c>s3/BUCKET/KEY</c>, read-only, listed in the manifest; a digest's S3 metadata, which holds its signature, is
/// saved beside it as <c>KEY.metadata.json</c> (<see cref="S3ObjectMetadata"/>), so the folder validates offline.
/// </summary>
public sealed class TrailLogFetcher
{
    private readonly IAmazonS3 _s3;
    private readonly EvidenceDirectory _evidence;
    private readonly int _parallelDownloads;

    /// <summary>Creates a fetcher.</summary>
    public TrailLogFetcher(IAmazonS3 s3, EvidenceDirectory evidence, int parallelDownloads = 8)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(evidence);
        _s3 = s3;
        _evidence = evidence;
        _parallelDownloads = Math.Max(1, parallelDownloads);
    }

    /// <summary>The evidence path of an object.</summary>
    public static string EvidencePathOf(string bucket, string key) =>
        EvidenceRelativePath.Combine("s3", EvidenceRelativePath.FromName(bucket), EvidenceRelativePath.FromName(key));

    /// <summary>Fetches what <paramref name="request"/> selects.</summary>
    public async Task<TrailFetchResult> FetchAsync(TrailFetchRequest request, IProgress<TrailFetchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new ConcurrentQueue<string>();
        var bucket = request.Location.Bucket;
        var accountRoots = await AccountRootsAsync(request, problems, cancellationToken).ConfigureAwait(false);
        var objects = new List<S3Object>();
        foreach (var accountRoot in accountRoots)
        {
            foreach (var folder in new[] { "CloudTrail/", "CloudTrail-Digest/" })
            {
                var regions = request.Regions.Count > 0
                    ? request.Regions
                    : (await ListFoldersAsync(bucket, accountRoot + folder, problems, cancellationToken).ConfigureAwait(false)).Select(LastSegment).ToList();
                foreach (var region in regions)
                {
                    foreach (var day in Days(request.Start, request.End))
                    {
                        var prefix = string.Create(CultureInfo.InvariantCulture, $"{accountRoot}{folder}{region}/{day:yyyy'/'MM'/'dd}/");
                        objects.AddRange(await ListObjectsAsync(bucket, prefix, problems, cancellationToken).ConfigureAwait(false));
                        progress?.Report(new TrailFetchProgress(0, objects.Count, 0, $"listed {prefix}: {objects.Count} objects so far"));
                    }
                }
            }
        }

        return await DownloadAsync(bucket, objects, problems, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fetches the objects named by <paramref name="keys"/> (e.g. the files an Athena query found the key's events in):
    /// each is listed first for its ETag and size, so one already saved is skipped and one that changed is kept beside it.
    /// </summary>
    public async Task<TrailFetchResult> FetchKeysAsync(string bucket, IReadOnlyList<string> keys, IProgress<TrailFetchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentNullException.ThrowIfNull(keys);
        var problems = new ConcurrentQueue<string>();
        var objects = new ConcurrentBag<S3Object>();
        await Parallel.ForEachAsync(
            keys.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = _parallelDownloads, CancellationToken = cancellationToken },
            async (key, ct) =>
            {
                var listed = (await ListObjectsAsync(bucket, key, problems, ct).ConfigureAwait(false)).Where(o => o.Key == key).ToList();
                if (listed.Count == 0 && problems.IsEmpty)
                {
                    problems.Enqueue($"s3://{bucket}/{key}: not in the bucket (deleted since Athena read it?).");
                }

                foreach (var item in listed)
                {
                    objects.Add(item);
                }
            }).ConfigureAwait(false);
        return await DownloadAsync(bucket, [.. objects.OrderBy(o => o.Key, StringComparer.Ordinal)], problems, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TrailFetchResult> DownloadAsync(
        string bucket, List<S3Object> objects, ConcurrentQueue<string> problems, IProgress<TrailFetchProgress>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        var downloaded = 0;
        var skipped = 0;
        long bytes = 0;
        var paths = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            objects,
            new ParallelOptions { MaxDegreeOfParallelism = _parallelDownloads, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var path = EvidencePathOf(bucket, item.Key);
                var etag = item.ETag?.Trim('"');
                var size = item.Size ?? 0;
                var existing = _evidence.TryGet(path);
                if (existing is not null && !IsSameObject(existing, etag, size))
                {
                    // The object changed since the earlier fetch (tampering or re-delivery): keep both versions.
                    problems.Enqueue($"s3://{bucket}/{item.Key} changed since it was saved (ETag {existing.ETag} → {etag}); the new version is saved beside it.");
                    path += ".etag-" + EvidenceRelativePath.FromName(etag ?? "unknown");
                    existing = _evidence.TryGet(path);
                }

                string message;
                if (existing is not null && IsSameObject(existing, etag, size))
                {
                    Interlocked.Increment(ref skipped);
                    paths.Add(path);
                    if (_evidence.TryGet(S3ObjectMetadata.PathFor(path)) is not null)
                    {
                        paths.Add(S3ObjectMetadata.PathFor(path));
                    }
                    message = $"already saved: {item.Key}";
                }
                else
                {
                    try
                    {
                        var (body, metadata) = await DownloadAsync(bucket, item.Key, ct).ConfigureAwait(false);
                        await _evidence.WriteAsync(path, body, $"s3:GetObject s3://{bucket}/{item.Key}", etag, ct).ConfigureAwait(false);
                        if (TrailObjectKey.TryParse(item.Key) is { IsDigest: true })
                        {
                            // The digest's own signature exists only in its S3 metadata.
                            var metadataPath = S3ObjectMetadata.PathFor(path);
                            await _evidence.WriteAsync(metadataPath, metadata.ToJson(etag), $"s3:GetObject s3://{bucket}/{item.Key} (object metadata)", null, ct).ConfigureAwait(false);
                            paths.Add(metadataPath);
                            if (metadata.Signature is null)
                            {
                                problems.Enqueue($"s3://{bucket}/{item.Key}: a digest without x-amz-meta-signature; CloudTrail always sets it, so the object was replaced.");
                            }
                        }

                        Interlocked.Increment(ref downloaded);
                        Interlocked.Add(ref bytes, body.Length);
                        paths.Add(path);
                        message = $"saved {item.Key}";
                    }
                    catch (AmazonServiceException e)
                    {
                        var line = $"s3://{bucket}/{item.Key}: {AwsErrorAdvice.Describe(AwsErrorAdvice.FromSdk(e, "s3:GetObject", null))}";
                        problems.Enqueue(line);
                        message = line;
                    }
                    catch (HttpRequestException e)
                    {
                        var line = $"s3://{bucket}/{item.Key}: {AwsErrorAdvice.Describe(AwsErrorAdvice.FromNetwork(e, "s3:GetObject", null))}";
                        problems.Enqueue(line);
                        message = line;
                    }
                }

                var n = Interlocked.Increment(ref done);
                progress?.Report(new TrailFetchProgress(n, objects.Count, Interlocked.Read(ref bytes), message));
            }).ConfigureAwait(false);
        return new TrailFetchResult(objects.Count, downloaded, skipped, bytes, [.. paths.Order(StringComparer.Ordinal)], [.. problems]);
    }

    // Accounts under AWSLogs/ (12 digits) and, for organization trails, under AWSLogs/o-xxxx/.
    private async Task<List<string>> AccountRootsAsync(TrailFetchRequest request, ConcurrentQueue<string> problems, CancellationToken cancellationToken)
    {
        var logs = request.Location.Prefix + "AWSLogs/";
        var roots = new List<string>();
        foreach (var folder in await ListFoldersAsync(request.Location.Bucket, logs, problems, cancellationToken).ConfigureAwait(false))
        {
            var name = LastSegment(folder);
            if (name.StartsWith("o-", StringComparison.Ordinal))
            {
                foreach (var account in await ListFoldersAsync(request.Location.Bucket, folder, problems, cancellationToken).ConfigureAwait(false))
                {
                    roots.Add(account);
                }
            }
            else
            {
                roots.Add(folder);
            }
        }

        if (request.Accounts.Count > 0)
        {
            roots = [.. roots.Where(r => request.Accounts.Contains(LastSegment(r)))];
            foreach (var missing in request.Accounts.Where(a => !roots.Any(r => LastSegment(r) == a)))
            {
                problems.Enqueue($"s3://{request.Location.Bucket}/{logs}: no folder for account {missing}.");
            }
        }

        if (roots.Count == 0 && problems.IsEmpty)
        {
            problems.Enqueue($"s3://{request.Location.Bucket}/{logs} holds no account folders: check the bucket and the trail's key prefix.");
        }

        return roots;
    }

    private async Task<List<string>> ListFoldersAsync(string bucket, string prefix, ConcurrentQueue<string> problems, CancellationToken cancellationToken)
    {
        var folders = new List<string>();
        await ListAsync(bucket, prefix, "/", page => folders.AddRange(page.CommonPrefixes ?? []), problems, cancellationToken).ConfigureAwait(false);
        return folders;
    }

    private async Task<List<S3Object>> ListObjectsAsync(string bucket, string prefix, ConcurrentQueue<string> problems, CancellationToken cancellationToken)
    {
        var objects = new List<S3Object>();
        await ListAsync(bucket, prefix, null, page => objects.AddRange((page.S3Objects ?? []).Where(o => !o.Key.EndsWith('/'))), problems, cancellationToken).ConfigureAwait(false);
        return objects;
    }

    // Every page under the prefix, continuation followed; a failure is one problem line and ends the listing.
    private async Task ListAsync(
        string bucket, string prefix, string? delimiter, Action<ListObjectsV2Response> take, ConcurrentQueue<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            string? token = null;
            do
            {
                var page = await _s3.ListObjectsV2Async(
                    new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, Delimiter = delimiter, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
                take(page);
                token = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (token is not null);
        }
        catch (AmazonServiceException e)
        {
            problems.Enqueue($"s3://{bucket}/{prefix}: {AwsErrorAdvice.Describe(AwsErrorAdvice.FromSdk(e, "s3:ListObjectsV2", null))}");
        }
        catch (HttpRequestException e)
        {
            problems.Enqueue($"s3://{bucket}/{prefix}: {AwsErrorAdvice.Describe(AwsErrorAdvice.FromNetwork(e, "s3:ListObjectsV2", null))}");
        }
    }

    private async Task<(byte[] Body, S3ObjectMetadata Metadata)> DownloadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        using var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var metadata = S3ObjectMetadata.From(response.Metadata.Keys.Select(k => (k, response.Metadata[k])));
        return (buffer.ToArray(), metadata);
    }

    private static bool IsSameObject(ManifestEntry saved, string? etag, long size) => saved.ETag == etag && saved.Size == size;

    private static IEnumerable<DateOnly> Days(DateTimeOffset start, DateTimeOffset end)
    {
        var first = DateOnly.FromDateTime(start.UtcDateTime);
        var last = DateOnly.FromDateTime(end.UtcDateTime).AddDays(1);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static string LastSegment(string folder) => folder.TrimEnd('/')[(folder.TrimEnd('/').LastIndexOf('/') + 1)..];
}
