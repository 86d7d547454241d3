using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookHelpers.Aws.CloudTrail;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Integrity;
using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Integrity;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Aws;

/// <summary>
/// Live validation against a loopback S3 bucket and CloudTrail endpoint: the trail's log files, digests and their
/// metadata are fetched, CloudTrail's public keys come from ListPublicKeys (JSON 1.1, SigV4) into the evidence folder,
/// and the folder then validates offline.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class TrailValidationLiveTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 11, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2025, 3, 11, 4, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly SignedTrail _trail;
    private readonly FakeS3Bucket _bucket = new(SignedTrail.Bucket, pageSize: 3);
    private readonly List<JsonElement> _keyRequests = [];

    public TrailValidationLiveTests()
    {
        _trail = new SignedTrail(Path.Combine(_temp.Path, "source"));
        _trail.DeliverHour(["e-1"], ["e-2"]);
        _trail.DeliverHour();
        _trail.DeliverHour(["e-3"]);
        _trail.DeliverHour(["e-4"]);
        foreach (var file in Directory.EnumerateFiles(_trail.Root, "*.json.gz", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(_trail.Root, file).Replace(Path.DirectorySeparatorChar, '/');
            var sidecar = file + S3ObjectMetadata.FileSuffix;
            var metadata = File.Exists(sidecar) ? S3ObjectMetadata.Read(sidecar) : null;
            _bucket.Put(key, File.ReadAllBytes(file), metadata is null ? null : new Dictionary<string, string>
            {
                ["signature"] = metadata.Signature!,
                ["signature-algorithm"] = metadata.SignatureAlgorithm!,
            });
        }
    }

    private string Evidence => Path.Combine(_temp.Path, "evidence");

    public void Dispose()
    {
        _trail.Dispose();
        if (Directory.Exists(Evidence))
        {
            foreach (var file in Directory.EnumerateFiles(Evidence, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }
        }

        _temp.Dispose();
    }

    // ListPublicKeys in two pages, as the API may page: an unrelated key first, then the trail's.
    private FakeResponse Handle(RecordedRequest request)
    {
        if (request.Service == "s3")
        {
            return _bucket.Handle(request);
        }

        if (request.Service != "cloudtrail" || request.Operation != "ListPublicKeys")
        {
            return FakeResponse.JsonError("UnknownOperationException", request.Operation);
        }

        lock (_keyRequests)
        {
            _keyRequests.Add(request.Json.Clone());
        }

        using var other = System.Security.Cryptography.RSA.Create(2048);
        if (!request.Json.TryGetProperty("NextToken", out _))
        {
            var first = JsonNode.Parse(SignedTrail.PublicKeysJson(other))!;
            first["NextToken"] = "page-2";
            return FakeResponse.Json(first.ToJsonString());
        }

        return FakeResponse.Json(SignedTrail.PublicKeysJson(_trail.Key));
    }

    [Fact]
    public async Task ListPublicKeysPagesAreSavedIntoTheEvidenceFolderAndARegionAlreadySavedIsNotAskedAgain()
    {
        await using var server = await FakeAwsServer.StartAsync(Handle);
        using var session = TestAws.Session(server, "us-east-1");
        var evidence = EvidenceDirectory.Open(Evidence);
        var fetcher = new PublicKeyFetcher(new CloudTrailClient(session.Sender), evidence);

        var (pages, problems) = await fetcher.FetchAsync(["us-east-1"], Start, End, CancellationToken.None);
        var again = await fetcher.FetchAsync(["us-east-1"], Start, End, CancellationToken.None);

        Assert.Empty(problems);
        Assert.Equal(
            ["cloudtrail-public-keys/us-east-1/20250311T000000Z--20250311T040000Z/page-0001.json", "cloudtrail-public-keys/us-east-1/20250311T000000Z--20250311T040000Z/page-0002.json"],
            pages);
        Assert.Equal(pages, again.Pages);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r =>
        {
            Assert.True(r.Signature.IsValid, r.Signature.Problem);
            Assert.Equal(("cloudtrail", "us-east-1"), (r.Service, r.Region));
            Assert.Equal("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.ListPublicKeys", r.Target);
            Assert.Equal("application/x-amz-json-1.1", r.Headers["content-type"]);
        });
        Assert.Equal(Start.ToUnixTimeSeconds(), _keyRequests[0].GetProperty("StartTime").GetInt64());
        Assert.Equal(End.ToUnixTimeSeconds(), _keyRequests[0].GetProperty("EndTime").GetInt64());
        Assert.Equal("page-2", _keyRequests[1].GetProperty("NextToken").GetString());
        Assert.StartsWith("cloudtrail:ListPublicKeys region=us-east-1 start=2025-03-11T00:00:00Z end=2025-03-11T04:00:00Z page=2", evidence.TryGet(pages[1])!.Source, StringComparison.Ordinal);
        var keys = PublicKeySet.Load(pages.Select(evidence.FullPath));
        Assert.Empty(keys.Problems);
        Assert.Contains(keys.Keys, k => k.Fingerprint == SignedTrail.Fingerprint(_trail.Key));
    }

    [Fact]
    public async Task ValidateTrailOnS3FetchesTheLogsDigestsTheirMetadataAndTheKeysThenTheFolderValidatesOffline()
    {
        await using var server = await FakeAwsServer.StartAsync(Handle);
        using (EnvironmentScope.ForServer(server))
        {
            var live = await CliRun.RunAsync("validate-trail", "s3://" + SignedTrail.Bucket, "--start", "2025-03-11", "--end", "2025-03-11T04:00:00Z",
                "--evidence", Evidence, "--format", "json");

            Assert.True(live.ExitCode == 0, live.Out + live.Error);
            using var json = JsonDocument.Parse(live.Out);
            Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
            Assert.Equal(4, json.RootElement.GetProperty("summary").GetProperty("digests").GetProperty("valid").GetInt32());
            Assert.Equal(4, json.RootElement.GetProperty("summary").GetProperty("logFiles").GetProperty("valid").GetInt32());
        }

        var evidence = EvidenceDirectory.Open(Evidence);
        Assert.Equal(4, evidence.Entries.Count(e => S3ObjectMetadata.IsMetadataFile(e.Path)));
        Assert.Contains(evidence.Entries, e => e.Path.StartsWith(TrailEvidenceIndex.PublicKeysFolder + "/us-east-1/", StringComparison.Ordinal));
        Assert.Contains(_trail.DigestKeys[^1], _bucket.Downloads);

        // Offline, no server: the saved metadata carries the newest digest's signature and the saved keys verify it.
        var offline = await CliRun.RunAsync("validate-trail", Evidence);
        Assert.True(offline.ExitCode == 0, offline.Out + offline.Error);
        Assert.EndsWith("VALID: 4 digest files (4 valid); 4 log files (4 valid)\n", offline.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchTrailDownloadsTheDigestFilesAndTheirSignaturesToo()
    {
        await using var server = await FakeAwsServer.StartAsync(Handle);
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("fetch-trail", "s3://" + SignedTrail.Bucket, "--start", "2025-03-11", "--end", "2025-03-11", "--evidence", Evidence);

        Assert.True(run.ExitCode == 0, run.Error);
        var newest = Path.Combine(Evidence, "s3", SignedTrail.Bucket, _trail.DigestKeys[^1]);
        Assert.True(File.Exists(newest));
        var metadata = S3ObjectMetadata.Read(newest + S3ObjectMetadata.FileSuffix);
        Assert.Equal(S3ObjectMetadata.Read(_trail.PathOf(_trail.DigestKeys[^1]) + S3ObjectMetadata.FileSuffix), metadata);
        Assert.Contains("\"ETag\"", File.ReadAllText(newest + S3ObjectMetadata.FileSuffix), StringComparison.Ordinal);
        // Querying the folder reads the log files only: the digests are counted, their metadata is not evidence.
        var query = await CliRun.RunAsync("query", "--logs", Evidence, "stats count(*) as n");
        Assert.True(query.ExitCode == 0, query.Error);
        Assert.DoesNotContain("not CloudTrail", query.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenListPublicKeysIsDeniedTheRunSaysIncompleteAndTheDigestsAreUnverified()
    {
        await using var server = await FakeAwsServer.StartAsync(r => r.Service == "cloudtrail"
            ? FakeResponse.JsonError("AccessDeniedException", "User is not authorized to perform: cloudtrail:ListPublicKeys")
            : _bucket.Handle(r));
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("validate-trail", "s3://" + SignedTrail.Bucket, "--start", "2025-03-11", "--end", "2025-03-11T04:00:00Z", "--evidence", Evidence);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("us-east-1: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("cloudtrail:ListPublicKeys", run.Error, StringComparison.Ordinal);
        Assert.Contains("INCOMPLETE", run.Error, StringComparison.Ordinal);
        Assert.Contains("digest unverified: ", run.Out, StringComparison.Ordinal);
    }
}
