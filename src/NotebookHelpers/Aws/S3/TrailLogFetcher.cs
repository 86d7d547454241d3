using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
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
    private readonly TimeSpan _idleTimeout;

    /// <summary>Creates a fetcher.</summary>
    /// <param name="s3">The S3 client.</param>
    /// <param name="evidence">Where the objects are saved.</param>
    /// <param name="parallelDownloads">Downloads at once.</param>
    /// <param name="idleTimeout">
    /// How long one request may go without an answer or without data before that object is given up (default 60 s).
    /// </param>
    public TrailLogFetcher(IAmazonS3 s3, EvidenceDirectory evidence, int parallelDownloads = 8, TimeSpan? idleTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(evidence);
        _s3 = s3;
        _evidence = evidence;
        _parallelDownloads = Math.Max(1, parallelDownloads);
        _idleTimeout = idleTimeout ?? TimeSpan.FromSeconds(60);
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
                else if (PlacementProblem(path) is { } placement)
                {
                    var line = $"s3://{bucket}/{item.Key}: not saved: {placement}";
                    problems.Enqueue(line);
                    message = line;
                }
                else
                {
                    try
                    {
                        var (entry, metadata) = await DownloadAsync(bucket, item.Key, path, etag, size, ct).ConfigureAwait(false);
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
                        Interlocked.Add(ref bytes, entry.Size);
                        paths.Add(path);
                        message = $"saved {item.Key}";
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        // One object never stops the fetch: it is named as missed and the others go on.
                        var line = $"s3://{bucket}/{item.Key}: not saved: {Describe(e, "s3:GetObject")}";
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

    // Every page under the prefix, continuation followed; a failure (an error, an answer that is not a listing, a
    // continuation token seen before) is one problem line and ends this listing only.
    private async Task ListAsync(
        string bucket, string prefix, string? delimiter, Action<ListObjectsV2Response> take, ConcurrentQueue<string> problems, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            string? token = null;
            do
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(_idleTimeout);
                var page = await _s3.ListObjectsV2Async(
                    new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, Delimiter = delimiter, ContinuationToken = token }, deadline.Token).ConfigureAwait(false);
                take(page);
                token = page.IsTruncated == true ? page.NextContinuationToken : null;
                if (token is not null && !seen.Add(token))
                {
                    problems.Enqueue($"s3://{bucket}/{prefix}: ListObjectsV2 returned a continuation token it had already returned; the listing was stopped after {seen.Count} pages (S3 never does this: check AWS_ENDPOINT_URL_S3 and any proxy).");
                    return;
                }
            }
            while (token is not null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            problems.Enqueue($"s3://{bucket}/{prefix}: not listed: no answer for {_idleTimeout.TotalSeconds:0} s; run the same command again to retry it");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problems.Enqueue($"s3://{bucket}/{prefix}: not listed: {Describe(e, "s3:ListObjectsV2")}");
        }
    }

    // Streams the body into the evidence folder (never into memory), checked against the listing: as many bytes as
    // listed, and, for a single-part object (ETag = 32 hex digits) not encrypted with KMS or a customer key, the MD5
    // the ETag holds.
    private async Task<(ManifestEntry Entry, S3ObjectMetadata Metadata)> DownloadAsync(
        string bucket, string key, string path, string? etag, long size, CancellationToken cancellationToken)
    {
        GetObjectResponse response;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(_idleTimeout);
            try
            {
                response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no answer for {_idleTimeout.TotalSeconds:0} s");
            }
        }

        using (response)
        {
            var metadata = S3ObjectMetadata.From(response.Metadata.Keys.Select(k => (k, response.Metadata[k])));
            // Only an unencrypted or SSE-S3 object's ETag is the MD5 of its bytes (not SSE-KMS, the usual for trails).
            var sse = response.ServerSideEncryptionMethod;
            var etagIsMd5 = (sse is null || sse == ServerSideEncryptionMethod.None || sse == ServerSideEncryptionMethod.AES256)
                && response.ServerSideEncryptionCustomerMethod is null or { Value: null or "" }
                && etag is { Length: 32 } && etag.All(char.IsAsciiHexDigit);
            await using var body = new GuardedBodyStream(response.ResponseStream, _idleTimeout, size);
            var entry = await _evidence.WriteAsync(path, body, $"s3:GetObject s3://{bucket}/{key}", etag, staged =>
            {
                if (staged.Length != size)
                {
                    throw new InvalidDataException($"the body has {staged.Length:N0} bytes, the listing {size:N0} (truncated in transit)");
                }

                if (etagIsMd5 && !etag!.Equals(staged.Md5, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidDataException($"the body's MD5 {staged.Md5} differs from the ETag {etag} (damaged in transit)");
                }
            }, cancellationToken).ConfigureAwait(false);
            return (entry, metadata);
        }
    }

    private static string Describe(Exception error, string operation) => error switch
    {
        AmazonServiceException e => AwsErrorAdvice.Describe(AwsErrorAdvice.FromSdk(e, operation, null)),
        HttpRequestException e => AwsErrorAdvice.Describe(AwsErrorAdvice.FromNetwork(e, operation, null)),
        TimeoutException e => $"{e.Message}; run the same command again to retry it",
        InvalidDataException e => $"{e.Message}; run the same command again to retry it",
        System.Xml.XmlException => "the answer is not a valid S3 XML document; run again, and check AWS_ENDPOINT_URL_S3 and any proxy",
        HttpIOException or IOException { InnerException: System.Net.Sockets.SocketException } =>
            $"the connection broke ({FirstLine(error.Message)}); run the same command again to retry it",
        IOException => $"cannot be saved ({FirstLine(error.Message)})",
        _ => AwsErrorAdvice.Describe(error),
    };

    // Keys are attacker-controlled names: one may be a prefix of another (a file and a folder of the same name) or
    // have a segment longer than a file name may be. Such an object is named as missed before it is downloaded.
    private string? PlacementProblem(string path)
    {
        var full = _evidence.FullPath(path);
        if (full[_evidence.Root.Length..].Split(Path.DirectorySeparatorChar).Any(segment => Encoding.UTF8.GetByteCount(segment) > 255))
        {
            return "a segment of the key is longer than a file name may be (255 bytes)";
        }

        if (Directory.Exists(full))
        {
            return "other keys use this key as their folder (the key is also a prefix), so it cannot be saved as a file";
        }

        for (var folder = Path.GetDirectoryName(full); folder is not null && folder.Length > _evidence.Root.Length; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                return $"another key was saved as the file {Path.GetFileName(folder)}, which this key needs as a folder";
            }
        }

        return null;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
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
