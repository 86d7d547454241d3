using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace NotebookHelpers.Integrity;

/// <summary>
/// Validates a local copy of a trail as the AWS guide "Custom implementations of CloudTrail log file integrity
/// validation" describes and <c>aws cloudtrail validate-logs</c> does, offline: per chain (account, region, trail),
/// from the newest digest back, each digest's SHA256withRSA signature is checked with the public key its
/// fingerprint names (the signature coming from the next digest's <c>previousDigestSignature</c>, or for the newest,
/// from its saved S3 metadata), its bytes against the next digest's <c>previousDigestHashValue</c>, and its link to
/// the previous digest; then every log file a digest lists is hashed. Beyond the AWS CLI it reports log files no
/// digest lists (<see cref="IntegrityStatus.NotCovered"/>) and spans no digest covers. Bad input never throws: an
/// unreadable file is a result naming the file and position.
/// </summary>
public static class TrailIntegrityValidator
{
    /// <summary>Validates the trail objects under <paramref name="folder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static TrailIntegrityReport Validate(string folder, TrailIntegrityOptions? options = null) =>
        Validate(TrailEvidenceIndex.Build(folder), options);

    /// <summary>Validates the trail objects of <paramref name="index"/>.</summary>
    public static TrailIntegrityReport Validate(TrailEvidenceIndex index, TrailIntegrityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        options ??= new TrailIntegrityOptions();
        var keys = index.PublicKeyFiles.Count == 0 ? options.PublicKeys : PublicKeySet.Combine(options.PublicKeys, PublicKeySet.Load(index.PublicKeyFiles));

        var notes = new List<string>(index.Duplicates);
        var digestResults = new List<IntegrityFileResult>();
        var gaps = new List<IntegrityGap>();
        var chains = new List<DigestChainSummary>();
        var listed = new Dictionary<string, (DigestLogFile Entry, IntegrityFileResult Digest)>(StringComparer.Ordinal);
        var selected = index.Digests.Values
            .Where(d => (options.Start is not { } s || d.Key.Time > s) && (options.End is not { } e || d.Key.Time <= e.AddHours(1)))
            .ToList();
        foreach (var chain in selected.GroupBy(d => d.Key.ChainId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var walk = new ChainWalk(chain.OrderBy(d => d.Key.Time).ThenBy(d => d.Key.Tail, StringComparer.Ordinal).ToList(), keys, options.Start);
            walk.Run();
            digestResults.AddRange(walk.Results);
            gaps.AddRange(walk.Gaps);
            notes.AddRange(walk.Notes);
            chains.Add(walk.Summary());
            foreach (var (document, result) in walk.Readable)
            {
                foreach (var log in document.LogFiles)
                {
                    listed.TryAdd(Tail(log.Key), (log, result));
                }
            }
        }

        var logResults = ValidateListed(listed, index, options.MaxParallelism);
        var (notCovered, notChecked) = FindUncovered(index, listed, chains, gaps, options);
        var files = digestResults.OrderBy(r => r.AccountId, StringComparer.Ordinal).ThenBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Time).ThenBy(r => r.Path, StringComparer.Ordinal)
            .Concat(logResults.Concat(notCovered).OrderBy(r => r.AccountId, StringComparer.Ordinal).ThenBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Time).ThenBy(r => r.Path, StringComparer.Ordinal))
            .ToList();
        return new TrailIntegrityReport(index.Root, options, files, chains, gaps, notChecked, keys, notes);
    }

    /// <summary>The part of a key from <c>AWSLogs/</c> on: how a digest's keys are found in a local copy.</summary>
    internal static string Tail(string key)
    {
        var at = key.LastIndexOf("AWSLogs/", StringComparison.Ordinal);
        return at >= 0 && (at == 0 || key[at - 1] == '/') ? key[at..] : key;
    }

    private static List<IntegrityFileResult> ValidateListed(
        Dictionary<string, (DigestLogFile Entry, IntegrityFileResult Digest)> listed, TrailEvidenceIndex index, int parallelism)
    {
        var results = new ConcurrentBag<IntegrityFileResult>();
        Parallel.ForEach(listed, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, pair =>
        {
            var (entry, digest) = pair.Value;
            var parsed = TrailObjectKey.TryParse(entry.Key);
            var account = parsed?.AccountId ?? digest.AccountId;
            var region = parsed?.Region ?? digest.Region;
            var time = parsed?.Time ?? digest.Time;
            if (!index.LogFiles.TryGetValue(pair.Key, out var file))
            {
                results.Add(new IntegrityFileResult(IntegrityFileKind.LogFile, entry.Key, IntegrityStatus.Missing,
                    $"listed by digest {digest.Path} but not in the evidence: deleted from the bucket, or not fetched", account, region, time, null, digest.Path));
                return;
            }

            results.Add(Judge(entry, digest, file, account, region, time));
        });
        return [.. results];
    }

    private static IntegrityFileResult Judge(DigestLogFile entry, IntegrityFileResult digest, TrailObjectFile file, string account, string region, DateTimeOffset time)
    {
        IntegrityFileResult Result(IntegrityStatus status, string? reason) =>
            new(IntegrityFileKind.LogFile, entry.Key, status, reason, account, region, time, file.LocalPath, digest.Path);

        if (!entry.HashAlgorithm.Equals("SHA-256", StringComparison.OrdinalIgnoreCase))
        {
            return Result(IntegrityStatus.Unverified, $"digest {digest.Path} hashes it with {entry.HashAlgorithm}, which this validator does not know");
        }

        string actual;
        try
        {
            actual = UncompressedContent.Sha256Hex(file.LocalPath);
        }
        catch (InvalidDataException e)
        {
            return Result(IntegrityStatus.Modified, $"{e.Message}: CloudTrail delivered readable gzip");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result(IntegrityStatus.Unverified, $"{file.LocalPath}: cannot read ({e.Message})");
        }

        if (!actual.Equals(entry.HashValue, StringComparison.OrdinalIgnoreCase))
        {
            return Result(IntegrityStatus.Modified, $"its SHA-256 is {actual}; digest {digest.Path} recorded {entry.HashValue.ToLowerInvariant()}: changed after delivery");
        }

        return digest.Status == IntegrityStatus.Valid
            ? Result(IntegrityStatus.Valid, null)
            : Result(IntegrityStatus.Unverified, $"its SHA-256 matches digest {digest.Path}, but that digest is {digest.Status.Name()}, so the match proves nothing");
    }

    private static (List<IntegrityFileResult> NotCovered, List<UncheckedLogFiles> Unchecked) FindUncovered(
        TrailEvidenceIndex index,
        Dictionary<string, (DigestLogFile Entry, IntegrityFileResult Digest)> listed,
        List<DigestChainSummary> chains,
        List<IntegrityGap> gaps,
        TrailIntegrityOptions options)
    {
        var notCovered = new List<IntegrityFileResult>();
        var notChecked = new Dictionary<(string Account, string Region, string Reason), int>();
        var byScope = chains.GroupBy(c => (c.AccountId, c.Region)).ToDictionary(g => g.Key, g => (From: g.Min(c => c.From), To: g.Max(c => c.To)));
        foreach (var file in index.LogFiles.Values.Where(f => !listed.ContainsKey(f.Key.Tail)))
        {
            var key = file.Key;
            if (!byScope.TryGetValue((key.AccountId, key.Region), out var span))
            {
                Count(notChecked, key, "no digest files for this account and region (log file validation off there, its digests not fetched, or all of them deleted)");
                continue;
            }

            var from = options.Start ?? span.From;
            if (key.Time < from)
            {
                Count(notChecked, key, string.Create(CultureInfo.InvariantCulture,
                    $"delivered before {Iso(from)}, where validation starts (pass --start to judge them)"));
                continue;
            }

            if (options.End is { } end && key.Time > end)
            {
                Count(notChecked, key, string.Create(CultureInfo.InvariantCulture, $"delivered after {Iso(end)}, the end of the range validated"));
                continue;
            }

            var reason = key.Time < span.From
                ? $"delivered before the first digest ({Iso(span.From)}): log file validation was off then, or earlier digests are missing"
                : key.Time > span.To
                    ? $"delivered after the last digest ({Iso(span.To)}): not digested yet, or added to the bucket later"
                    : gaps.FirstOrDefault(g => g.AccountId == key.AccountId && g.Region == key.Region && key.Time >= g.From && key.Time <= g.To) is { } gap
                        ? $"delivered between {Iso(gap.From)} and {Iso(gap.To)}, which no digest covers ({gap.Reason})"
                        : "delivered within the hours the digests cover, yet no digest lists it: added to the bucket by someone other than CloudTrail";
            notCovered.Add(new IntegrityFileResult(IntegrityFileKind.LogFile, file.ObjectKey, IntegrityStatus.NotCovered, reason,
                key.AccountId, key.Region, key.Time, file.LocalPath, null));
        }

        return (notCovered, [.. notChecked.Select(u => new UncheckedLogFiles(u.Key.Account, u.Key.Region, u.Value, u.Key.Reason))
            .OrderBy(u => u.AccountId, StringComparer.Ordinal).ThenBy(u => u.Region, StringComparer.Ordinal).ThenBy(u => u.Reason, StringComparer.Ordinal)]);
    }

    private static void Count(Dictionary<(string, string, string), int> counts, TrailObjectKey key, string reason) =>
        counts[(key.AccountId, key.Region, reason)] = counts.GetValueOrDefault((key.AccountId, key.Region, reason)) + 1;

    internal static string Iso(DateTimeOffset time) => Events.UtcTime.Text(time);

    /// <summary>One chain, newest digest first, as the AWS CLI walks it.</summary>
    private sealed class ChainWalk(List<TrailObjectFile> digests, PublicKeySet keys, DateTimeOffset? start)
    {
        private readonly Dictionary<string, (DigestDocument Document, IntegrityFileResult Result)> _successors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DigestDocument> _documents = new(StringComparer.Ordinal);

        public List<IntegrityFileResult> Results { get; } = [];

        public List<IntegrityGap> Gaps { get; } = [];

        public List<string> Notes { get; } = [];

        public List<(DigestDocument Document, IntegrityFileResult Result)> Readable { get; } = [];

        public void Run()
        {
            var byTail = digests.ToDictionary(d => d.Key.Tail, StringComparer.Ordinal);
            var problems = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in digests)
            {
                try
                {
                    _documents[file.Key.Tail] = DigestReader.Read(file.LocalPath);
                }
                catch (DigestReadException e)
                {
                    problems[file.Key.Tail] = e.Message;
                }
            }

            // Where validation starts: the caller's start, else the start of the oldest digest found. A previous digest
            // that ends by then lies outside the evidence; one that ends later should be here.
            var boundary = start ?? (_documents.GetValueOrDefault(digests[0].Key.Tail)?.StartTime ?? digests[0].Key.Time.AddHours(-1));
            for (var i = digests.Count - 1; i >= 0; i--)
            {
                var file = digests[i];
                var document = _documents.GetValueOrDefault(file.Key.Tail);
                var result = Judge(file, document, problems.GetValueOrDefault(file.Key.Tail), isNewest: i == digests.Count - 1);
                Results.Add(result);
                if (document is null)
                {
                    continue;
                }

                Readable.Add((document, result));
                if (file.Key.IsBackfill)
                {
                    continue;
                }

                var older = digests.Take(i).LastOrDefault(d => !d.Key.IsBackfill);
                if (document.PreviousKey is null)
                {
                    if (older is not null)
                    {
                        Gaps.Add(new IntegrityGap(file.Key.AccountId, file.Key.Region, EndOf(older), document.StartTime,
                            $"a new chain starts at {file.ObjectKey}: log file validation or logging was off in between"));
                    }

                    continue;
                }

                var previousTail = Tail(document.PreviousKey);
                if (byTail.ContainsKey(previousTail))
                {
                    if (!_successors.TryAdd(previousTail, (document, result)))
                    {
                        Notes.Add($"{file.ObjectKey} and {_successors[previousTail].Result.Path} both name {document.PreviousKey} as their previous digest");
                    }
                    else if (older is not null && older.Key.Tail != previousTail)
                    {
                        Notes.Add($"{file.ObjectKey} links to {document.PreviousKey}, not to the digest just before it ({older.ObjectKey})");
                    }

                    continue;
                }

                var previousEnd = TrailObjectKey.TryParse(document.PreviousKey)?.Time ?? document.StartTime;
                if (previousEnd <= boundary)
                {
                    Notes.Add($"the chain continues before the evidence: {file.ObjectKey} links to {document.PreviousKey} (pass --start to require it)");
                    continue;
                }

                Results.Add(new IntegrityFileResult(IntegrityFileKind.Digest, document.PreviousKey, IntegrityStatus.Missing,
                    $"{document.Key} names it as its previous digest, but it is not in the evidence: deleted from the bucket, or not fetched",
                    file.Key.AccountId, file.Key.Region, previousEnd, null, null));
                Gaps.Add(new IntegrityGap(file.Key.AccountId, file.Key.Region, older is null ? previousEnd.AddHours(-1) : EndOf(older), previousEnd,
                    $"digest {document.PreviousKey} is missing"));
            }
        }

        public DigestChainSummary Summary()
        {
            var key = digests[0].Key;
            var first = _documents.GetValueOrDefault(digests[0].Key.Tail);
            return new DigestChainSummary(key.AccountId, key.Region, key.TrailName!, key.HomeRegion!,
                first?.StartTime ?? digests[0].Key.Time.AddHours(-1), EndOf(digests[^1]),
                digests.Count, Results.Count(r => r.LocalPath is not null && r.Status == IntegrityStatus.Valid), first?.IsStarting == true);
        }

        private DateTimeOffset EndOf(TrailObjectFile digest) => _documents.TryGetValue(digest.Key.Tail, out var d) ? d.EndTime : digest.Key.Time;

        private IntegrityFileResult Judge(TrailObjectFile file, DigestDocument? document, string? readProblem, bool isNewest)
        {
            IntegrityFileResult Result(IntegrityStatus status, string? reason) =>
                new(IntegrityFileKind.Digest, file.ObjectKey, status, reason,
                    file.Key.AccountId, file.Key.Region, file.Key.Time, file.LocalPath, null);

            if (document is null)
            {
                return Result(IntegrityStatus.Modified, readProblem + ": CloudTrail delivers readable gzip JSON");
            }

            if (Tail(document.Key) != file.Key.Tail || (file.Bucket is not null && file.Bucket != document.Bucket))
            {
                return Result(IntegrityStatus.Modified,
                    $"it says it is s3://{document.Bucket}/{document.Key} but was found at {file.ObjectKey}: moved or renamed after delivery");
            }

            var successor = _successors.GetValueOrDefault(file.Key.Tail);
            if (successor.Document is { PreviousHashValue: { } recorded } next && successor.Result.Status == IntegrityStatus.Valid &&
                !recorded.Equals(document.Sha256Hex, StringComparison.OrdinalIgnoreCase))
            {
                return Result(IntegrityStatus.Modified,
                    $"its SHA-256 is {document.Sha256Hex}; the next digest {next.Key} recorded {recorded.ToLowerInvariant()}: changed after delivery");
            }

            var signatures = new List<(string Signature, string From)>();
            if (successor.Document?.PreviousSignature is { } chained)
            {
                signatures.Add((chained, "the next digest's previousDigestSignature"));
            }

            var metadataPath = S3ObjectMetadata.PathFor(file.LocalPath);
            if (File.Exists(metadataPath))
            {
                try
                {
                    if (S3ObjectMetadata.Read(metadataPath).Signature is { } saved)
                    {
                        signatures.Add((saved, "its S3 metadata"));
                    }
                }
                catch (DigestReadException e)
                {
                    Notes.Add(e.Message);
                }
            }

            if (signatures.Count == 0)
            {
                return Result(IntegrityStatus.Unverified, isNewest
                    ? "no signature: the newest digest's signature is only in its S3 metadata (x-amz-meta-signature), which this copy lacks; fetch with nbh fetch-trail, or save `aws s3api head-object` output as KEY" + S3ObjectMetadata.FileSuffix
                    : "no signature: no later digest links to it and its S3 metadata was not saved");
            }

            if (!document.SignatureAlgorithm.Equals(DigestSignature.Algorithm, StringComparison.Ordinal))
            {
                return Result(IntegrityStatus.InvalidSignature, $"its signature algorithm is {document.SignatureAlgorithm}; CloudTrail signs with {DigestSignature.Algorithm}");
            }

            if (keys.IsEmpty)
            {
                return Result(IntegrityStatus.Unverified,
                    "no public keys to verify it with: pass --public-keys FILE (a ListPublicKeys response), or validate an evidence folder nbh fetch-trail wrote");
            }

            if (keys.Find(document.PublicKeyFingerprint) is not { } key)
            {
                return Result(IntegrityStatus.InvalidSignature,
                    $"signed with a key that is not among the {keys.Keys.Count} public key(s) given (fingerprint {document.PublicKeyFingerprint}); if the keys were fetched for another time range, fetch them for this one");
            }

            var toSign = DigestSignature.StringToSign(document.EndTimeText, document.Bucket, document.Key, document.Sha256Hex, document.PreviousSignature);
            try
            {
                using var rsa = key.ImportRsa();
                if (signatures.Any(s => DigestSignature.Verify(rsa, toSign, s.Signature)))
                {
                    return Result(IntegrityStatus.Valid, null);
                }
            }
            catch (CryptographicException e)
            {
                return Result(IntegrityStatus.Unverified, $"public key {key.Fingerprint} from {key.Source} cannot be loaded as a PKCS #1 key ({e.Message})");
            }

            return Result(IntegrityStatus.InvalidSignature,
                $"the signature from {string.Join(" and ", signatures.Select(s => s.From))} does not verify with CloudTrail's key {key.Fingerprint}: the digest, or its signature, is not what CloudTrail wrote");
        }
    }
}
