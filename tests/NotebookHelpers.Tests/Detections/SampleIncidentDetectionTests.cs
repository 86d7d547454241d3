using System.Text.Json;
using NotebookHelpers.Detections;
using NotebookHelpers.Evidence;
using NotebookHelpers.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Detections;

/// <summary>
/// The sample incident against its answer key: every planted attacker action, key, principal, region and IP is
/// found, and nothing from the benign background is reported above Info.
/// </summary>
public sealed class SampleIncidentDetectionTests : IClassFixture<SampleIncidentDetectionTests.Sample>
{
    private readonly Sample _sample;

    public SampleIncidentDetectionTests(Sample sample) => _sample = sample;

    private DetectionResult Result => _sample.Investigator.Detections;

    private IEnumerable<Finding> Significant => Result.Findings.Where(f => f.Severity > Severity.Info);

    [Fact]
    public void EveryAttackerKeyHasAFindingAboveInfo()
    {
        foreach (var key in _sample.KeysWithRole("leaked", "attacker-created", "attacker session"))
        {
            Assert.Contains(Significant, f => f.AccessKeyId == key);
        }
    }

    [Fact]
    public void EveryAttackerAddressIsInAFindingAboveInfo()
    {
        foreach (var ip in _sample.AttackerIps)
        {
            Assert.Contains(Significant, f => f.SourceIPs.Contains(ip));
        }
    }

    [Fact]
    public void EveryMaliciousOrCompromisedPrincipalIsNamed()
    {
        foreach (var principal in _sample.Key.GetProperty("principals").EnumerateArray()
                     .Where(p => p.GetProperty("role").GetString() is "compromised" or "malicious" or "abused"))
        {
            var arn = principal.GetProperty("arn").GetString()!;
            var name = arn[(arn.IndexOf('/', StringComparison.Ordinal) + 1)..];
            Assert.True(Significant.Any(f => f.PrincipalArn == arn || f.Summary.Contains(name.Split('/')[0], StringComparison.Ordinal)),
                $"no finding names {arn}");
        }
    }

    [Fact]
    public void EveryRegionTheMinersTriedIsInAFinding()
    {
        var regions = Significant.SelectMany(f => f.Regions).ToHashSet(StringComparer.Ordinal);
        foreach (var launch in _sample.Key.GetProperty("runInstances").EnumerateArray())
        {
            Assert.Contains(launch.GetProperty("region").GetString()!, regions);
        }
    }

    [Fact]
    public void EveryPlantedAttackerActionIsFoundByAFindingOrTheInvestigationOfTheSuggestedKeys()
    {
        var inFindings = Result.Findings.SelectMany(f => f.Evidence).Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
        var investigated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var suggestion in _sample.Investigator.SuggestKeys())
        {
            var graph = _sample.Investigator.Investigate(suggestion.AccessKeyId).BlastRadius;
            foreach (var key in graph.AccessKeyIds)
            {
                investigated.UnionWith(_sample.Investigator.Index.ByAccessKey(key).Select(e => e.EventID!));
            }

            foreach (var console in graph.OfKind(BlastRadiusNodeKind.ConsoleSession))
            {
                investigated.UnionWith(_sample.Investigator.Index.ConsoleActivityOf(console.Id["console:".Length..]).Select(e => e.EventID!));
            }

            investigated.UnionWith(graph.Edges.SelectMany(e => e.Evidence).Select(e => e.EventId!));
        }

        var missed = _sample.AttackerTimeline.Where(t => !inFindings.Contains(t.EventId) && !investigated.Contains(t.EventId)).ToList();
        Assert.True(missed.Count == 0, "not found: " + string.Join("; ", missed.Select(t => $"{t.Time} {t.EventName} ({t.Meaning})")));
    }

    [Fact]
    public void TheDecisiveAttackerActionsAreFindingsAboveInfo()
    {
        var significant = Significant.SelectMany(f => f.Evidence).Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
        var decisive = _sample.AttackerTimeline.Where(t =>
            t.Phase == "persistence" ||
            t.EventName is "RunInstances" or "StopLogging" or "DeleteTrail" or "AuthorizeSecurityGroupIngress" ||
            (t.Phase == "exfiltration" && t.EventName == "GetObject") ||
            (t.Phase == "persistence-after-containment" && t.EventName == "ConsoleLogin") ||
            (t.Phase == "aws-quarantine" && t.EventName == "AttachUserPolicy")).ToList();
        Assert.True(decisive.Count >= 30);
        var missed = decisive.Where(t => !significant.Contains(t.EventId)).ToList();
        Assert.True(missed.Count == 0, "not reported above info: " + string.Join("; ", missed.Select(t => $"{t.Time} {t.EventName} ({t.Meaning})")));
        Assert.Contains(_sample.AttackerTimeline.Where(t => t.EventName == "AssumeRole"), t => significant.Contains(t.EventId));
        Assert.Single(Result.ForRule("s3-data-access-burst"), f => f.EventCount == _sample.Key.GetProperty("s3Exfiltration").GetProperty("getObjectCount").GetInt32());
    }

    [Fact]
    public void NothingFromTheBenignBackgroundIsReportedAboveInfo()
    {
        var attackerIps = _sample.AttackerIps.ToHashSet(StringComparer.Ordinal);
        var benign = Significant.Where(f => !f.SourceIPs.Any(attackerIps.Contains) && f.RuleId != "aws-quarantine-policy-attached").ToList();
        Assert.True(benign.Count == 0, "benign activity reported above info: " + string.Join("; ", benign.Select(f => f.ToString())));
    }

    [Fact]
    public void TheQuarantinedLeakedKeyIsTheFirstKeySuggested()
    {
        var leaked = _sample.KeysWithRole("leaked").Single();

        var first = _sample.Investigator.SuggestKeys()[0];

        Assert.Equal(leaked, first.AccessKeyId);
        Assert.StartsWith("AWS quarantined user 'svc-reporting'", first.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BlastRadiusReachesTheCreatedUserItsKeyTheAnalyticsSessionAndTheMiners()
    {
        var leaked = _sample.KeysWithRole("leaked").Single();
        var graph = _sample.Investigator.Investigate(leaked).BlastRadius;

        Assert.NotNull(graph.Find("user:svc-backup-sync"));
        Assert.NotNull(graph.Find("login:svc-backup-sync"));
        Assert.NotNull(graph.Find("console:svc-backup-sync"));
        foreach (var key in _sample.KeysWithRole("attacker-created", "attacker session"))
        {
            Assert.NotNull(graph.Find("key:" + key));
        }

        foreach (var instance in _sample.Key.GetProperty("endState").GetProperty("runningInstances").EnumerateArray())
        {
            Assert.NotNull(graph.Find("instance:" + instance.GetProperty("instanceId").GetString()));
        }
    }

    [Fact]
    public void KeyProfileSplitsTheLeakedKeysUseAtTheQuarantine()
    {
        var profile = _sample.Investigator.Investigate(_sample.KeysWithRole("leaked").Single()).Profile;

        Assert.Equal("svc-reporting", profile.Owner!.UserName);
        Assert.Equal(ContainmentKind.AwsQuarantine, profile.Containment[0].Kind);
        Assert.Contains(profile.Containment, c => c.Kind == ContainmentKind.KeyDeactivated);
        Assert.Contains(profile.Containment, c => c.Kind == ContainmentKind.DenyAllPolicy);
        Assert.Equal("198.51.100.24", profile.SourceIPs[0].Value);
        Assert.Equal(new DateTimeOffset(2025, 3, 11, 9, 16, 5, TimeSpan.Zero), profile.SourceIPs.Single(s => s.Value == "203.0.113.47").FirstSeen);
        Assert.True(profile.AfterContainment.AccessDenied > 0);
    }

    /// <summary>The sample incident read once for the class.</summary>
    public sealed class Sample : IDisposable
    {
        private readonly JsonDocument _key;

        public Sample()
        {
            var root = Path.Combine(RepositoryPaths.DataSamples, "sample-incident");
            _key = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "answer-key.json")));
            var (events, _) = EvidenceReader.ReadAll([Path.Combine(root, "trail-s3")]);
            Investigator = new Investigator(events);
            AttackerIps = Key.GetProperty("attackerIps").EnumerateArray().Select(i => i.GetProperty("ip").GetString()!).ToList();
            var defenders = Key.GetProperty("principals").EnumerateArray().Where(p => p.GetProperty("role").GetString() is "defender").Select(p => p.GetProperty("arn").GetString()).ToHashSet();
            // Records whose log object the story deleted from trail-s3 are not in the evidence read here.
            var deleted = Key.GetProperty("trailTampering").GetProperty("deletedLogObjects").EnumerateArray()
                .SelectMany(d => d.GetProperty("recordsLost").EnumerateArray()).Select(r => r.GetProperty("eventId").GetString()).ToHashSet();
            AttackerTimeline = Key.GetProperty("timeline").EnumerateArray()
                .Select(t => new TimelineEntry(t.GetProperty("time").GetString()!, t.GetProperty("phase").GetString()!, t.GetProperty("eventName").GetString()!,
                    t.GetProperty("eventId").GetString()!, t.GetProperty("meaning").GetString()!, t.GetProperty("principal").GetString()))
                .Where(t => t.Phase != "containment" && !defenders.Contains(t.Principal) && !deleted.Contains(t.EventId))
                .ToList();
        }

        public JsonElement Key => _key.RootElement;

        public Investigator Investigator { get; }

        public IReadOnlyList<string> AttackerIps { get; }

        public IReadOnlyList<TimelineEntry> AttackerTimeline { get; }

        public IEnumerable<string> KeysWithRole(params string[] roles) =>
            Key.GetProperty("keys").EnumerateArray().Where(k => roles.Contains(k.GetProperty("role").GetString())).Select(k => k.GetProperty("accessKeyId").GetString()!);

        public void Dispose() => _key.Dispose();
    }

    /// <summary>One answer-key timeline entry.</summary>
    public sealed record TimelineEntry(string Time, string Phase, string EventName, string EventId, string Meaning, string? Principal);
}
