using NotebookHelpers.Aws;
using NotebookHelpers.Evidence;
using NotebookHelpers.Sources;
using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Aws.Athena;

/// <summary>
/// athena:DATABASE.TABLE over the sample organization trail: Athena finds the files of the leaked key's events, then
/// of the key it spawned, and only those files are downloaded (the investigation over them is
/// <see cref="AthenaIncidentCaseTests"/>'s). These tests give the source its AWS settings, so they change nothing of
/// the process and run alongside the others.
/// </summary>
public sealed class AthenaEvidenceSourceTests
{
    private const string LeakedKey = "AKIA3NWPX4QHZRT7K2MD";
    private const string BackdoorKey = "AKIA3NWPX4QH6YBVJ5WE";
    private const string Start = "2025-03-10T00:00:00Z";
    private const string End = "2025-03-11T23:59:59Z";

    [Fact]
    public async Task OnlyTheFilesOfTheKeysEventsAndOfTheKeyItSpawnedAreFetched()
    {
        await using var account = await SampleTrailAthena.StartAsync();
        using var evidence = new TempDirectory();
        var progress = new List<string>();
        var source = (AthenaEvidenceSource)EvidenceSources.Parse(SampleTrailAthena.Source, new EvidenceSourceOptions
        {
            Range = TimeRange.Parse(Start, End),
            EvidenceFolder = evidence.Path,
            AccessKeyId = LeakedKey,
            Aws = new AwsSessionSettings
            {
                Region = "us-east-1",
                Environment = new AwsEnvironment(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = account.Server.Url.ToString() }),
                Credentials = new Amazon.Runtime.BasicAWSCredentials(TestAws.AccessKeyId, TestAws.SecretKey),
                ClientOptions = TestAws.FastOptions(),
            },
            Progress = new SynchronousProgress(progress.Add),
        });

        var local = await source.FetchAsLocalAsync();

        var started = account.Athena.Started.Select(s => s.GetProperty("QueryString").GetString()!).ToList();
        Assert.InRange(started.Count, 2, NotebookHelpers.Sources.AthenaEvidenceSource.MaxRounds);
        Assert.Contains($"useridentity.accesskeyid IN ('{LeakedKey}')", started[0], StringComparison.Ordinal);
        Assert.Contains($"'{BackdoorKey}'", started[1], StringComparison.Ordinal);
        Assert.Contains("useridentity.username IN ('svc-backup-sync')", started[1], StringComparison.Ordinal);
        Assert.DoesNotContain(LeakedKey, started[1], StringComparison.Ordinal);
        Assert.All(started, sql => Assert.Contains("WHERE \"timestamp\" BETWEEN '2025/03/09' AND '2025/03/12'", sql, StringComparison.Ordinal));
        Assert.All(account.Athena.Started, s => Assert.Equal("ir", s.GetProperty("WorkGroup").GetString()));

        var found = started.SelectMany(sql => SampleTrailKeyFiles.Evaluate(sql, SampleTrailAthena.TrailFolder, SampleTrailAthena.Bucket).Rows).Select(r => r[0]!).Distinct().Order(StringComparer.Ordinal).ToList();
        var inRange = Directory.EnumerateFiles(Path.Combine(SampleTrailAthena.TrailFolder, "AWSLogs"), "*.json.gz", SearchOption.AllDirectories)
            .Count(f => f.Contains("/CloudTrail/", StringComparison.Ordinal) && new[] { "/2025/03/09/", "/2025/03/10/", "/2025/03/11/", "/2025/03/12/" }.Any(d => f.Contains(d, StringComparison.Ordinal)));
        Assert.InRange(found.Count, 1, inRange / 4);
        Assert.Equal(found.Select(p => Path.Combine(evidence.Path, "s3", SampleTrailAthena.Bucket, p["s3://org-trail-logs/".Length..])),
            local.Paths.Where(p => p.EndsWith(".json.gz", StringComparison.Ordinal)));
        Assert.Equal(found.Count, account.Bucket_.Downloads.Count);
        Assert.Equal(started.Count, source.QueryCosts.Count);
        Assert.Contains(progress, p => p.Contains("each query will scan", StringComparison.Ordinal) && p.Contains("objects of", StringComparison.Ordinal));

        var events = local.ReadEventsAsync().ToBlockingEnumerable().ToList();
        Assert.Contains(events, e => e.EventName == "RunInstances" && e.UserIdentity?.AccessKeyId == BackdoorKey);
        Assert.Contains(events, e => e.UserIdentity?.AccessKeyId == LeakedKey);
        foreach (var file in Directory.EnumerateFiles(evidence.Path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }
    }

    [Theory]
    [InlineData("athena:security", "expected athena:DATABASE.TABLE")]
    [InlineData("athena:Security.Trail", "expected athena:DATABASE.TABLE")]
    [InlineData("athena:security.org_trail?colour=blue", "'colour=blue' is not a setting of an athena: source")]
    [InlineData("athena:security.org_trail?output=/tmp/x", "'output=/tmp/x' is not a setting")]
    public void AParameterThatNamesNoTableOrAnUnknownSettingIsRefused(string parameter, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => EvidenceSources.Parse(parameter, new EvidenceSourceOptions
        {
            Range = TimeRange.Parse(Start, End),
            EvidenceFolder = "/tmp/never",
            AccessKeyId = LeakedKey,
        }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAKeyOrAStartTheSourceSaysWhatItNeeds()
    {
        var noKey = Assert.Throws<ArgumentException>(() => EvidenceSources.Parse(SampleTrailAthena.Source, new EvidenceSourceOptions
        {
            Range = TimeRange.Parse(Start, End),
            EvidenceFolder = "/tmp/never",
        }));
        var noStart = Assert.Throws<ArgumentException>(() => EvidenceSources.Parse(SampleTrailAthena.Source, new EvidenceSourceOptions
        {
            EvidenceFolder = "/tmp/never",
            AccessKeyId = LeakedKey,
        }));

        Assert.Contains("give the access key id (AccessKeyId)", noKey.Message, StringComparison.Ordinal);
        Assert.Contains("give a start time (Start)", noStart.Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}

/// <summary>00-start-here's setup check on an athena: source: parsed, not queried (it needs the key and the start).</summary>
public sealed class AthenaSetupCheckTests
{
    [Fact]
    public async Task AnAthenaSourceIsParsedNotQueriedByTheSetupCheck()
    {
        var check = await NotebookHelpers.Display.SetupCheck.RunAsync("athena:security.org_trail?workgroup=ir");

        var evidence = check.Items.Single(i => i.Name == "Evidence source");
        Assert.True(evidence.Passed, evidence.Result);
        Assert.StartsWith("Athena table security.org_trail: a live source; not queried here", evidence.Result, StringComparison.Ordinal);
    }
}
