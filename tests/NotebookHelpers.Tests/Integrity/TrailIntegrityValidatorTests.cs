using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookHelpers.Integrity;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Integrity;

public sealed class TrailIntegrityValidatorTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SignedTrail _trail;

    public TrailIntegrityValidatorTests()
    {
        _trail = new SignedTrail(Path.Combine(_temp.Path, "bucket"));
        // Four hours: two log files, an hour without deliveries (an empty digest), one, two.
        _trail.DeliverHour(["e-1", "e-2"], ["e-3"]);
        _trail.DeliverHour();
        _trail.DeliverHour(["e-4"]);
        _trail.DeliverHour(["e-5"], ["e-6", "e-7"]);
    }

    public void Dispose()
    {
        _trail.Dispose();
        _temp.Dispose();
    }

    private PublicKeySet Keys(params RSA[] keys)
    {
        var set = PublicKeySet.Empty;
        set.Add(Encoding.UTF8.GetBytes(SignedTrail.PublicKeysJson(keys.Length == 0 ? [_trail.Key] : keys)), "keys.json");
        return set;
    }

    private TrailIntegrityReport Validate(PublicKeySet? keys = null, DateTimeOffset? start = null) =>
        TrailIntegrityValidator.Validate(_trail.Root, new TrailIntegrityOptions { PublicKeys = keys ?? Keys(), Start = start });

    private static IntegrityFileResult Result(TrailIntegrityReport report, string key) =>
        Assert.Single(report.Files, f => f.Path == key);

    [Fact]
    public void AnUntouchedTrailSignedAsCloudTrailSignsIsValidEveryDigestAndLogFile()
    {
        var report = Validate();

        Assert.True(report.IsValid, TrailIntegrityText.Format(report));
        Assert.False(report.IsChainBroken);
        Assert.Equal([(IntegrityStatus.Valid, 4)], report.Count(IntegrityFileKind.Digest));
        Assert.Equal([(IntegrityStatus.Valid, 5)], report.Count(IntegrityFileKind.LogFile));
        var chain = Assert.Single(report.Chains);
        Assert.Equal((SignedTrail.Account, SignedTrail.Region, SignedTrail.TrailName, 4, 4, true), (chain.AccountId, chain.Region, chain.TrailName, chain.Digests, chain.ValidDigests, chain.Starts));
        Assert.Empty(report.Gaps);
        Assert.StartsWith("VALID: 4 digest files (4 valid); 5 log files (5 valid)", report.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void ARewrittenLogFileIsModifiedWithBothHashesNamed()
    {
        var (key, hour) = _trail.LogKeys[2];
        _trail.WriteGzip(key, Encoding.UTF8.GetBytes("{\"Records\":[]}"));

        var report = Validate();

        var result = Result(report, key);
        Assert.Equal(IntegrityStatus.Modified, result.Status);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData("{\"Records\":[]}"u8)), result.Reason, StringComparison.Ordinal);
        Assert.Equal(_trail.DigestKeys[hour], result.Digest);
        Assert.False(report.IsValid);
        Assert.False(report.IsChainBroken);
        Assert.Equal([(IntegrityStatus.Valid, 4)], report.Count(IntegrityFileKind.Digest));
    }

    // RFC 1952 lets a file hold several gzip members; what CloudTrail hashed is their data joined, so a log file
    // recompressed as two members (cat a.gz b.gz) is still valid, and one cut short is still damaged.
    [Fact]
    public void ALogFileOfSeveralGzipMembersIsValidAndOneCutShortIsNot()
    {
        var (key, _) = _trail.LogKeys[2];
        var (cut, _) = _trail.LogKeys[3];
        foreach (var k in new[] { key, cut })
        {
            var content = _trail.Read(k);
            _trail.WriteGzip(k, content[..(content.Length / 2)]);
            var first = File.ReadAllBytes(_trail.PathOf(k));
            _trail.WriteGzip(k, content[(content.Length / 2)..]);
            File.WriteAllBytes(_trail.PathOf(k), [.. first, .. File.ReadAllBytes(_trail.PathOf(k))]);
        }

        var bytes = File.ReadAllBytes(_trail.PathOf(cut));
        File.WriteAllBytes(_trail.PathOf(cut), bytes[..^3]);

        var report = Validate();

        Assert.Equal(IntegrityStatus.Valid, Result(report, key).Status);
        var damaged = Result(report, cut);
        Assert.Equal(IntegrityStatus.Modified, damaged.Status);
        Assert.Contains("damaged gzip data", damaged.Reason, StringComparison.Ordinal);
        Assert.Contains(_trail.PathOf(cut), damaged.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeletedLogFileIsMissingAndNamesTheDigestThatListsIt()
    {
        var (key, hour) = _trail.LogKeys[3];
        File.Delete(_trail.PathOf(key));

        var result = Result(Validate(), key);

        Assert.Equal(IntegrityStatus.Missing, result.Status);
        Assert.Equal(_trail.DigestKeys[hour], result.Digest);
        Assert.Null(result.LocalPath);
    }

    [Fact]
    public void ALogFileAddedInsideTheDigestedHoursIsNotCoveredAndSoIsOneAfterTheLastDigest()
    {
        var inside = _trail.AddForeignLogFile(new DateTimeOffset(2025, 3, 11, 1, 40, 0, TimeSpan.Zero), "forged-1");
        var after = _trail.AddForeignLogFile(_trail.NextStart.AddMinutes(20), "later-1");

        var report = Validate();

        var forged = Result(report, inside);
        Assert.Equal(IntegrityStatus.NotCovered, forged.Status);
        Assert.Contains("added to the bucket by someone other than CloudTrail", forged.Reason, StringComparison.Ordinal);
        var late = Result(report, after);
        Assert.Equal(IntegrityStatus.NotCovered, late.Status);
        Assert.Contains("after the last digest", late.Reason, StringComparison.Ordinal);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void ADeletedDigestIsMissingBreaksTheChainAndTheDigestBeforeItStillValidatesFromItsMetadata()
    {
        File.Delete(_trail.PathOf(_trail.DigestKeys[1]));

        var report = Validate();

        Assert.Equal(IntegrityStatus.Missing, Result(report, _trail.DigestKeys[1]).Status);
        Assert.True(report.IsChainBroken);
        var gap = Assert.Single(report.Gaps);
        Assert.Contains(_trail.DigestKeys[1], gap.Reason, StringComparison.Ordinal);
        Assert.Equal(IntegrityStatus.Valid, Result(report, _trail.DigestKeys[0]).Status);
        Assert.All(report.Files.Where(f => f.Kind == IntegrityFileKind.LogFile), f => Assert.Equal(IntegrityStatus.Valid, f.Status));
    }

    [Fact]
    public void ADeletedDigestIsFoundEvenWithoutTheMetadataOfTheDigestBeforeIt()
    {
        File.Delete(_trail.PathOf(_trail.DigestKeys[2]));
        File.Delete(_trail.PathOf(_trail.DigestKeys[1]) + S3ObjectMetadata.FileSuffix);

        var report = Validate();

        Assert.Equal(IntegrityStatus.Missing, Result(report, _trail.DigestKeys[2]).Status);
        var orphan = Result(report, _trail.DigestKeys[1]);
        Assert.Equal(IntegrityStatus.Unverified, orphan.Status);
        Assert.Contains("no later digest links to it", orphan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ARewrittenDigestIsModifiedWhenALaterDigestRecordedItsHashAndHasAnInvalidSignatureWhenItIsTheNewest()
    {
        Rewrite(_trail.DigestKeys[0], d => ((JsonArray)d["logFiles"]!).RemoveAt(1));
        Rewrite(_trail.DigestKeys[3], d => d["newestEventTime"] = "2025-03-11T03:00:00Z");

        var report = Validate();

        var first = Result(report, _trail.DigestKeys[0]);
        Assert.Equal(IntegrityStatus.Modified, first.Status);
        Assert.Contains("the next digest", first.Reason, StringComparison.Ordinal);
        Assert.Equal(IntegrityStatus.InvalidSignature, Result(report, _trail.DigestKeys[3]).Status);
        // The log file the rewrite dropped from the list is no longer covered; the rest of the rewritten list proves nothing.
        Assert.Equal(IntegrityStatus.NotCovered, Result(report, _trail.LogKeys[1].Key).Status);
        Assert.Equal(IntegrityStatus.Unverified, Result(report, _trail.LogKeys[0].Key).Status);
        Assert.True(report.IsChainBroken);
    }

    [Fact]
    public void TwoDigestsSwappedInTheBucketAreBothModified()
    {
        var a = _trail.PathOf(_trail.DigestKeys[1]);
        var b = _trail.PathOf(_trail.DigestKeys[2]);
        var swap = a + ".swap";
        File.Move(a, swap);
        File.Move(b, a);
        File.Move(swap, b);

        var report = Validate();

        foreach (var key in new[] { _trail.DigestKeys[1], _trail.DigestKeys[2] })
        {
            var result = Result(report, key);
            Assert.Equal(IntegrityStatus.Modified, result.Status);
            Assert.Contains("moved or renamed", result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TwoLogFilesSwappedByNameAreBothModified()
    {
        var a = _trail.PathOf(_trail.LogKeys[0].Key);
        var b = _trail.PathOf(_trail.LogKeys[1].Key);
        var swap = a + ".swap";
        File.Move(a, swap);
        File.Move(b, a);
        File.Move(swap, b);

        var report = Validate();

        Assert.Equal(IntegrityStatus.Modified, Result(report, _trail.LogKeys[0].Key).Status);
        Assert.Equal(IntegrityStatus.Modified, Result(report, _trail.LogKeys[1].Key).Status);
    }

    [Fact]
    public void ADigestSignedByAnotherKeyHasAnInvalidSignatureWhetherItKeepsCloudTrailsFingerprintOrNamesItsOwn()
    {
        using var attacker = RSA.Create(2048);
        var newest = _trail.DigestKeys[3];
        var previous = _trail.DigestKeys[2];
        // Same content, re-signed by the attacker: the signature is what the metadata holds.
        var content = _trail.Read(newest);
        var document = JsonNode.Parse(content)!;
        _trail.WriteMetadata(newest, SignedTrail.Sign(attacker, document["digestEndTime"]!.GetValue<string>(), newest, content, document["previousDigestSignature"]!.GetValue<string>()));
        // The one before: rewritten to name the attacker's key, and re-signed with it; the newest digest still chains to it.
        Rewrite(previous, d => d["digestPublicKeyFingerprint"] = SignedTrail.Fingerprint(attacker), resignWith: attacker);

        var report = Validate();

        var kept = Result(report, newest);
        Assert.Equal(IntegrityStatus.InvalidSignature, kept.Status);
        Assert.Contains("does not verify with CloudTrail's key " + SignedTrail.Fingerprint(_trail.Key), kept.Reason, StringComparison.Ordinal);
        var own = Result(report, previous);
        Assert.Equal(IntegrityStatus.InvalidSignature, own.Status);
        Assert.Contains("not among the 1 public key(s) given", own.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void APublicKeyWhoseFingerprintIsNotItsMd5IsRefusedAndNothingValidatesWithIt()
    {
        using var other = RSA.Create(2048);
        var json = JsonNode.Parse(SignedTrail.PublicKeysJson(other))!;
        json["PublicKeyList"]![0]!["Fingerprint"] = SignedTrail.Fingerprint(_trail.Key);
        var keys = PublicKeySet.Empty;
        keys.Add(Encoding.UTF8.GetBytes(json.ToJsonString()), "swapped.json");

        var report = Validate(keys);

        Assert.Contains(keys.Problems, p => p.Contains("swapped.json: PublicKeyList[0]", StringComparison.Ordinal) && p.Contains("not the MD5 of its Value", StringComparison.Ordinal));
        Assert.All(report.Files.Where(f => f.Kind == IntegrityFileKind.Digest), f => Assert.Equal(IntegrityStatus.Unverified, f.Status));
        Assert.False(report.IsValid);
    }

    [Fact]
    public void TheNewestDigestWithoutItsMetadataIsUnverifiedAndSaysWhereTheSignatureLives()
    {
        File.Delete(_trail.PathOf(_trail.DigestKeys[3]) + S3ObjectMetadata.FileSuffix);
        foreach (var key in _trail.DigestKeys.Take(3))
        {
            File.Delete(_trail.PathOf(key) + S3ObjectMetadata.FileSuffix);
        }

        var report = Validate();

        var newest = Result(report, _trail.DigestKeys[3]);
        Assert.Equal(IntegrityStatus.Unverified, newest.Status);
        Assert.Contains("x-amz-meta-signature", newest.Reason, StringComparison.Ordinal);
        // The others get their signatures from the chain, as the AWS guide's offline procedure says.
        Assert.All(_trail.DigestKeys.Take(3), k => Assert.Equal(IntegrityStatus.Valid, Result(report, k).Status));
        // Its log files match an unauthenticated list: unverified, not valid.
        Assert.Equal(IntegrityStatus.Unverified, Result(report, _trail.LogKeys[^1].Key).Status);
    }

    [Fact]
    public void WithoutPublicKeysEveryDigestIsUnverifiedWithWhatToDo()
    {
        var report = Validate(PublicKeySet.Empty);

        Assert.All(report.Files.Where(f => f.Kind == IntegrityFileKind.Digest), f =>
        {
            Assert.Equal(IntegrityStatus.Unverified, f.Status);
            Assert.Contains("--public-keys", f.Reason, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not-json")]
    [InlineData("no-field")]
    [InlineData("wrong-type")]
    public void AnUnreadableOrMalformedDigestIsModifiedWithTheFileAndPositionAndTheRestStillValidates(string damage)
    {
        var key = _trail.DigestKeys[1];
        var path = _trail.PathOf(key);
        switch (damage)
        {
            case "truncated":
                var bytes = File.ReadAllBytes(path);
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "not-json":
                _trail.WriteGzip(key, Encoding.UTF8.GetBytes("{\"awsAccountId\": \"111122223333\", \"digestStartTime\": }"));
                break;
            case "no-field":
                Rewrite(key, d => d.AsObject().Remove("digestS3Object"));
                break;
            default:
                Rewrite(key, d => d["logFiles"] = 42);
                break;
        }

        var report = Validate();

        var result = Result(report, key);
        Assert.Equal(IntegrityStatus.Modified, result.Status);
        Assert.Contains(path, result.Reason, StringComparison.Ordinal);
        var expected = damage switch
        {
            "truncated" => "damaged gzip data",
            "not-json" => "@byte 52",
            "no-field" => "digestS3Object is missing",
            _ => "logFiles is Number, not an array",
        };
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
        Assert.Equal(IntegrityStatus.Valid, Result(report, _trail.DigestKeys[3]).Status);
        Assert.Equal(IntegrityStatus.Valid, Result(report, _trail.DigestKeys[0]).Status);
    }

    [Fact]
    public void AStartingDigestAfterAnOlderChainLeavesAGapThatNamesWhy()
    {
        _trail.Restart(TimeSpan.FromHours(3));
        var restarted = _trail.DeliverHour(["e-8"]);

        var report = Validate();

        var gap = Assert.Single(report.Gaps);
        Assert.Equal((new DateTimeOffset(2025, 3, 11, 4, 17, 43, TimeSpan.Zero), new DateTimeOffset(2025, 3, 11, 7, 17, 43, TimeSpan.Zero)), (gap.From, gap.To));
        Assert.Contains("log file validation or logging was off", gap.Reason, StringComparison.Ordinal);
        Assert.Equal(IntegrityStatus.Valid, Result(report, restarted).Status);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void LogFilesBeforeTheFirstDigestAreNotCheckedByDefaultAndNotCoveredWhenTheRangeStartsEarlier()
    {
        var early = _trail.AddForeignLogFile(new DateTimeOffset(2025, 3, 10, 22, 5, 0, TimeSpan.Zero), "before-1");

        var byDefault = Validate();
        var earlier = Validate(start: new DateTimeOffset(2025, 3, 10, 0, 0, 0, TimeSpan.Zero));

        Assert.DoesNotContain(byDefault.Files, f => f.Path == early);
        var group = Assert.Single(byDefault.Unchecked);
        Assert.Equal((SignedTrail.Account, SignedTrail.Region, 1), (group.AccountId, group.Region, group.Count));
        Assert.Contains("--start", group.Reason, StringComparison.Ordinal);
        Assert.True(byDefault.IsValid);
        var judged = Result(earlier, early);
        Assert.Equal(IntegrityStatus.NotCovered, judged.Status);
        Assert.Contains("before the first digest", judged.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LogFilesOfAnAccountAndRegionWithoutDigestsAreCountedAsNotChecked()
    {
        using var other = new SignedTrail(_trail.Root, "444455556666", "eu-west-1");
        other.DeliverHour(["x-1"], ["x-2"]);
        foreach (var key in other.DigestKeys)
        {
            File.Delete(other.PathOf(key));
            File.Delete(other.PathOf(key) + S3ObjectMetadata.FileSuffix);
        }

        var report = Validate();

        var group = Assert.Single(report.Unchecked);
        Assert.Equal(("444455556666", "eu-west-1", 2), (group.AccountId, group.Region, group.Count));
        Assert.Contains("no digest files for this account and region", group.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheJsonHasOneEntryPerFileWithItsKeyAndStatusAndTheTextOneLinePerProblem()
    {
        File.Delete(_trail.PathOf(_trail.LogKeys[4].Key));

        var report = Validate();
        using var json = JsonDocument.Parse(TrailIntegrityJson.Format(report));
        var text = TrailIntegrityText.Format(report);

        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(4 + 5, files.Count);
        Assert.Equal(files.Count, files.Select(f => f.GetProperty("path").GetString()).Distinct().Count());
        var missing = Assert.Single(files, f => f.GetProperty("status").GetString() == "missing");
        Assert.Equal(_trail.LogKeys[4].Key, missing.GetProperty("path").GetString());
        Assert.Equal("log", missing.GetProperty("kind").GetString());
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("logFiles").GetProperty("missing").GetInt32());
        var problemLines = text.Split('\n').Where(l => l.StartsWith("log file ", StringComparison.Ordinal) || l.StartsWith("digest ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith($"log file missing: {_trail.LogKeys[4].Key} — listed by digest {_trail.DigestKeys[3]}", Assert.Single(problemLines), StringComparison.Ordinal);
        Assert.EndsWith("PROBLEMS FOUND: 4 digest files (4 valid); 5 log files (4 valid, 1 missing)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEvidenceFolderIsValidatedWithThePublicKeysItSavedAndTheBucketItRecords()
    {
        var folder = Path.Combine(_temp.Path, "evidence");
        var objects = Path.Combine(folder, "s3", SignedTrail.Bucket);
        CopyTree(_trail.Root, objects);
        File.WriteAllText(Path.Combine(folder, "manifest.jsonl"), "");
        Directory.CreateDirectory(Path.Combine(folder, TrailEvidenceIndex.PublicKeysFolder, "us-east-1"));
        _trail.WritePublicKeys(Path.Combine(folder, TrailEvidenceIndex.PublicKeysFolder, "us-east-1", "page-0001.json"));

        var report = TrailIntegrityValidator.Validate(folder);

        Assert.True(report.IsValid, TrailIntegrityText.Format(report));
        Assert.Equal(SignedTrail.Fingerprint(_trail.Key), Assert.Single(report.PublicKeys.Keys).Fingerprint);
        Assert.All(report.Files, f => Assert.StartsWith("AWSLogs/", f.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void ADigestCopiedToAnotherBucketIsModified()
    {
        var folder = Path.Combine(_temp.Path, "evidence");
        CopyTree(_trail.Root, Path.Combine(folder, "s3", "some-other-bucket"));
        File.WriteAllText(Path.Combine(folder, "manifest.jsonl"), "");

        var report = TrailIntegrityValidator.Validate(folder, new TrailIntegrityOptions { PublicKeys = Keys() });

        Assert.All(report.Files.Where(f => f.Kind == IntegrityFileKind.Digest), f =>
        {
            Assert.Equal(IntegrityStatus.Modified, f.Status);
            Assert.Contains("s3://org-trail-logs/", f.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void KeysFromAForgedDigestAreDataInHtmlAndStayOnTheirLineInText()
    {
        const string Hostile = "AWSLogs/111122223333/CloudTrail/us-east-1/2025/03/11/<img src=x onerror=alert(1)>\u001b[31m\nforged.json.gz";
        Rewrite(_trail.DigestKeys[3], d => ((JsonArray)d["logFiles"]!).Add(new JsonObject
        {
            ["s3Bucket"] = SignedTrail.Bucket, ["s3Object"] = Hostile, ["hashValue"] = "00", ["hashAlgorithm"] = "SHA-256",
        }));

        var report = Validate();
        using var html = new StringWriter();
        report.WriteHtml(html);
        var text = TrailIntegrityText.Format(report);

        Assert.Contains(report.Files, f => f.Path == Hostile && f.Status == IntegrityStatus.Missing);
        Assert.DoesNotContain("<img", html.ToString(), StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
        Assert.Single(text.Split('\n'), l => l.Contains("onerror", StringComparison.Ordinal));
    }

    [Fact]
    public void TheLibrarysDataSigningStringIsTheOneInTheAwsGuide()
    {
        var content = _trail.Read(_trail.DigestKeys[2]);
        var document = DigestReader.Parse(content, "d");

        var toSign = Encoding.UTF8.GetString(DigestSignature.StringToSign(document.EndTimeText, document.Bucket, document.Key, document.Sha256Hex, document.PreviousSignature));

        Assert.Equal(
            $"2025-03-11T03:17:43Z\norg-trail-logs/{_trail.DigestKeys[2]}\n{Convert.ToHexStringLower(SHA256.HashData(content))}\n{document.PreviousSignature}",
            toSign);
        Assert.EndsWith("\nnull", Encoding.UTF8.GetString(DigestSignature.StringToSign("t", "b", "k", "h", null)), StringComparison.Ordinal);
    }

    private void Rewrite(string key, Action<JsonNode> change, RSA? resignWith = null)
    {
        var document = JsonNode.Parse(_trail.Read(key))!;
        change(document);
        var bytes = Encoding.UTF8.GetBytes(document.ToJsonString());
        _trail.WriteGzip(key, bytes);
        if (resignWith is not null)
        {
            _trail.WriteMetadata(key, SignedTrail.Sign(resignWith, document["digestEndTime"]!.GetValue<string>(), key, bytes,
                document["previousDigestSignature"]?.GetValue<string>()));
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
