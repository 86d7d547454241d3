using System.Text;
using NotebookHelpers.Aws.CloudTrail;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.S3;
using NotebookHelpers.Aws.Transport;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Aws;

/// <summary>
/// A live fetch keeps going past a bad object or page, saves what it got, names what it missed, and leaves no
/// partial file among the evidence.
/// </summary>
public sealed class HostileFetchTests : IDisposable
{
    private const string Day = "AWSLogs/111122223333/CloudTrail/us-east-1/2023/11/05/";
    private static readonly DateTimeOffset Start = new(2023, 11, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2023, 11, 5, 23, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nbh-hostile-fetch-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            foreach (var file in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string Log(string name) => Day + "111122223333_CloudTrail_us-east-1_20231105T1000Z_" + name + ".json";

    private static string Records(string id) => $$"""{"Records":[{"eventVersion":"1.08","eventTime":"2023-11-05T10:00:00Z","eventName":"RunInstances","eventID":"{{id}}"}]}""";

    [Fact]
    public async Task EveryBadObjectIsNamedAsMissedAndTheOthersAreSaved()
    {
        var bucket = new FakeS3Bucket("trail", pageSize: 100);
        bucket.Put(Log("good1"), Records("good1"));
        bucket.Put(Log("good2"), Records("good2"));
        bucket.Put(Day + "0evil", Records("file"));
        bucket.Put(Day + "0evil/x.json", Records("under-the-file"));
        bucket.Put(Day + new string('k', 1000) + ".json", Records("long"));
        bucket.Put(Log("truncated"), Records("truncated"));
        bucket.Put(Log("damaged"), Records("damaged"));
        bucket.Put(Log("longer"), Records("longer"));
        bucket.Put(Log("stalled"), Records("stalled"));
        var release = new TaskCompletionSource();
        await using var server = await FakeAwsServer.StartAsync(async request =>
        {
            var answer = bucket.Handle(request);
            var target = Uri.UnescapeDataString(request.RawTarget);
            if (target.EndsWith("_stalled.json", StringComparison.Ordinal))
            {
                await release.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }
            else if (target.EndsWith("_truncated.json", StringComparison.Ordinal))
            {
                // Kestrel ends the connection after fewer bytes than announced: a body cut in transit.
                return answer with { Headers = new Dictionary<string, string>(answer.Headers!) { ["Content-Length"] = (answer.Body.Length + 50).ToString(System.Globalization.CultureInfo.InvariantCulture) } };
            }
            else if (target.EndsWith("_damaged.json", StringComparison.Ordinal))
            {
                return answer with { Body = Encoding.UTF8.GetBytes(Records("damaged").Replace("damaged", "DAMAGED", StringComparison.Ordinal)) };
            }
            else if (target.EndsWith("_longer.json", StringComparison.Ordinal))
            {
                return answer with { Body = [.. answer.Body, .. new byte[100_000]] };
            }

            return answer;
        });
        using var session = TestAws.Session(server);
        using var s3 = session.CreateS3Client();
        var evidence = EvidenceDirectory.Open(_folder);

        var result = await new TrailLogFetcher(s3, evidence, parallelDownloads: 1, idleTimeout: TimeSpan.FromSeconds(5))
            .FetchAsync(new TrailFetchRequest(S3Location.Parse("s3://trail"), Start, End, [], []), null, CancellationToken.None);
        release.SetResult();

        Assert.False(result.IsComplete);
        Assert.True(result.Problems.Count == 6, string.Join("\n", result.Problems));
        Assert.Equal(9, result.Listed);
        Assert.Contains(result.Paths, p => p.EndsWith("_good1.json", StringComparison.Ordinal));
        Assert.Contains(result.Paths, p => p.EndsWith("_good2.json", StringComparison.Ordinal));
        Assert.True(result.Problems.Any(p => p.Contains("/0evil/x.json: not saved: another key was saved as the file 0evil, which this key needs as a folder", StringComparison.Ordinal)), string.Join("\n", result.Problems));
        Assert.True(result.Problems.Any(p => p.Contains("kkkk.json: not saved: a segment of the key is longer than a file name may be", StringComparison.Ordinal)), string.Join("\n", result.Problems));
        Assert.True(result.Problems.Any(p => p.Contains("_truncated.json: not saved: ", StringComparison.Ordinal)), string.Join("\n", result.Problems));
        Assert.True(result.Problems.Any(p => p.Contains("_damaged.json: not saved: the body's MD5", StringComparison.Ordinal)), string.Join("\n", result.Problems));
        Assert.True(result.Problems.Any(p => p.Contains("_longer.json: not saved: the body is longer than the", StringComparison.Ordinal)), string.Join("\n", result.Problems));
        Assert.True(result.Problems.Any(p => p.Contains("_stalled.json: not saved: no answer for 5 s", StringComparison.Ordinal)), string.Join("\n", result.Problems));
        Assert.Equal(6, result.Problems.Count);
        Assert.DoesNotContain(result.Paths, p => p.Contains("truncated", StringComparison.Ordinal) || p.Contains("damaged", StringComparison.Ordinal) || p.Contains("longer", StringComparison.Ordinal));

        // Nothing partial is left where evidence is read, and reading the folder finds exactly the saved objects.
        Assert.DoesNotContain(Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories), f => f.Contains(".partial", StringComparison.Ordinal));
        Assert.Equal(["manifest.lock"], Directory.EnumerateFiles(Path.Combine(_folder, EvidenceStaging.FolderName)).Select(Path.GetFileName));
        var ids = new EvidenceReader().ReadEvents([_folder]).Select(e => e.EventID!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(result.Downloaded, ids.Count);
        Assert.Equal(result.Downloaded, result.Paths.Count);
        Assert.Contains("good1", ids);
        Assert.Contains("file", ids);
    }

    [Fact]
    public async Task AStagedLeftoverIsNotReadAsEvidence()
    {
        var evidence = EvidenceDirectory.Open(_folder);
        await evidence.WriteAsync("s3/trail/" + Log("saved"), Encoding.UTF8.GetBytes(Records("saved")), "test");
        Directory.CreateDirectory(Path.Combine(_folder, EvidenceStaging.FolderName));
        await File.WriteAllTextAsync(Path.Combine(_folder, EvidenceStaging.FolderName, "0123"), Records("half-downloaded"));

        var ids = new EvidenceReader().ReadEvents([_folder]).Select(e => e.EventID!).ToList();

        Assert.Equal(["saved"], ids);
    }

    [Fact]
    public async Task AMalformedListingOrARepeatedContinuationTokenEndsThatListingOnly()
    {
        var bucket = new FakeS3Bucket("trail", pageSize: 1);
        bucket.Put(Log("a"), Records("a"));
        bucket.Put(Log("b"), Records("b"));
        bucket.Put("AWSLogs/111122223333/CloudTrail/eu-west-1/2023/11/05/x.json", Records("eu"));
        await using var server = await FakeAwsServer.StartAsync(request =>
        {
            var target = Uri.UnescapeDataString(request.RawTarget);
            if (target.Contains("prefix=AWSLogs/111122223333/CloudTrail/eu-west-1/2023/11/05/", StringComparison.Ordinal))
            {
                return new FakeResponse(200, "application/xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><ListBucketResult><Contents><Key>x</Key"));
            }

            if (target.Contains("prefix=" + Day, StringComparison.Ordinal) && target.Contains("continuation-token=1", StringComparison.Ordinal))
            {
                // The second page sends the first page's token again.
                var answer = bucket.Handle(request);
                return answer with { Body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(answer.Body).Replace("<IsTruncated>false</IsTruncated>", "<IsTruncated>true</IsTruncated><NextContinuationToken>1</NextContinuationToken>", StringComparison.Ordinal)) };
            }

            return bucket.Handle(request);
        });
        using var session = TestAws.Session(server);
        using var s3 = session.CreateS3Client();

        var result = await new TrailLogFetcher(s3, EvidenceDirectory.Open(_folder))
            .FetchAsync(new TrailFetchRequest(S3Location.Parse("s3://trail"), Start, End, [], []), null, CancellationToken.None);

        Assert.Equal(2, result.Downloaded);
        Assert.Equal(2, result.Problems.Count);
        Assert.True(result.Problems.Any(p => p.Contains("eu-west-1/2023/11/05/: not listed: ", StringComparison.Ordinal)), string.Join("\n", result.Problems));
        Assert.Contains(result.Problems, p => p.Contains(Day + ": ListObjectsV2 returned a continuation token it had already returned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEventHistorySweepStopsARegionOnARepeatedNextToken()
    {
        var history = new FakeEventHistory(new() { ["us-east-1"] = 3, ["eu-west-1"] = 2 })
        {
            Fault = (region, token) => region == "us-east-1" && token is not null ? FakeResponse.Json(FakeEventHistory.PageBody(region, 0, 3)) : null,
        };
        await using var server = await FakeAwsServer.StartAsync(history.Handle);
        using var session = TestAws.Session(server);

        var sweep = new EventHistorySweep(new CloudTrailClient(session.Sender), EvidenceDirectory.Open(_folder), new EventHistorySweepOptions { RequestsPerSecondPerRegion = 200 });
        var run = sweep.RunAsync(["us-east-1", "eu-west-1"], new LookupAttribute(LookupAttributeKey.AccessKeyId, "AKIAEXPOSEDKEY000001"), Start, End);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));

        var east = result.Regions.Single(r => r.Region == "us-east-1");
        Assert.False(east.IsComplete);
        Assert.Equal(2, east.Pages);
        Assert.Contains("NextToken it had already returned", east.Error, StringComparison.Ordinal);
        Assert.True(result.Regions.Single(r => r.Region == "eu-west-1").IsComplete);
    }

    [Fact]
    public void APageTokenGuardRefusesATokenItAlreadyFollowed()
    {
        var guard = new PageTokenGuard("iam", "ListUsers", "us-east-1");

        Assert.Equal("a", guard.Next("a"));
        Assert.Equal("b", guard.Next("b"));
        Assert.Null(guard.Next(""));
        var repeated = Assert.Throws<AwsServiceException>(() => guard.Next("a"));
        Assert.Equal(("iam", "ListUsers", "RepeatedPaginationToken"), (repeated.Service, repeated.Operation, repeated.ErrorCode));
    }

    [Fact]
    public async Task TwoFetchesIntoOneFolderRecordEachFileOnce()
    {
        // Two EvidenceDirectory instances over one folder are two processes fetching into it.
        var first = EvidenceDirectory.Open(_folder);
        var second = EvidenceDirectory.Open(_folder);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).WriteAsync($"s3/trail/{i / 2}.json", Encoding.UTF8.GetBytes(Records("e" + (i / 2))), "test"))));

        var lines = File.ReadAllLines(Path.Combine(_folder, EvidenceDirectory.ManifestFileName));
        Assert.Equal(20, lines.Length);
        Assert.Equal(20, lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()).Distinct().Count());
        Assert.Equal(20, EvidenceDirectory.Open(_folder).Entries.Count);
        Assert.Equal(["manifest.lock"], Directory.EnumerateFiles(Path.Combine(_folder, EvidenceStaging.FolderName)).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ADamagedManifestLineIsOneProblemNamingItsLine()
    {
        var evidence = EvidenceDirectory.Open(_folder);
        for (var i = 0; i < 5; i++)
        {
            await evidence.WriteAsync($"s3/trail/{i}.json", Encoding.UTF8.GetBytes(Records("e" + i)), "test");
        }

        var manifest = Path.Combine(_folder, EvidenceDirectory.ManifestFileName);
        var lines = File.ReadAllLines(manifest).ToList();
        lines.Insert(2, lines[2][..20]);
        File.WriteAllLines(manifest, lines);

        var (events, report) = EvidenceReader.ReadAll([_folder]);

        Assert.Equal(5, events.Count);
        var problem = Assert.Single(report.Problems);
        Assert.Equal((manifest, 3L), (problem.Location.Path, problem.Location.Line!.Value));
        Assert.Contains(manifest, report.IgnoredFiles);
        Assert.StartsWith($"{manifest}:line 3: not a manifest entry", Assert.Single(EvidenceDirectory.Open(_folder).Problems), StringComparison.Ordinal);
    }
}
