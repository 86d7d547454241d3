using NotebookHelpers.Detections;
using NotebookHelpers.Detections.Rules;
using NotebookHelpers.Integrity;
using NotebookHelpers.Tests.Integrity;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Detections;

public sealed class TrailIntegrityBrokenRuleTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SignedTrail _trail;

    public TrailIntegrityBrokenRuleTests()
    {
        _trail = new SignedTrail(Path.Combine(_temp.Path, "bucket"));
        _trail.DeliverHour(["e-1"]);
        _trail.DeliverHour(["e-2"]);
        _trail.DeliverHour(["e-3"]);
    }

    public void Dispose()
    {
        _trail.Dispose();
        _temp.Dispose();
    }

    private TrailIntegrityReport Validate() =>
        TrailIntegrityValidator.Validate(_trail.Root, new TrailIntegrityOptions { PublicKeys = PublicKeySet.Load([_trail.WritePublicKeys(Path.Combine(_temp.Path, "keys.json"))]) });

    [Fact]
    public void ABrokenChainIsOneHighFindingPerAccountAndRegionNamingTheFileWithoutPrincipalOrEvents()
    {
        File.Delete(_trail.PathOf(_trail.DigestKeys[1]));
        File.Delete(_trail.PathOf(_trail.LogKeys[0].Key));

        var result = DetectionRunner.Run([], new DetectionOptions { TrailIntegrity = Validate() });

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("cloudtrail-log-integrity-broken", Severity.High, SignedTrail.Account), (finding.RuleId, finding.Severity, finding.AccountId));
        Assert.Equal(["us-east-1"], finding.Regions);
        // The log file, the digest, the hour the digest covered, and that hour's log file no digest lists any more.
        Assert.StartsWith("4 integrity problems in 111122223333/us-east-1; first: log file missing: " + _trail.LogKeys[0].Key, finding.Summary, StringComparison.Ordinal);
        Assert.Null(finding.Principal);
        Assert.Null(finding.AccessKeyId);
        Assert.Empty(finding.Evidence);
        Assert.Equal("T1070", finding.Rule.Attack.Id);
    }

    [Fact]
    public void AnIntactTrailOrNoValidationGivesNoFinding()
    {
        Assert.Empty(DetectionRunner.Run([], new DetectionOptions { TrailIntegrity = Validate() }).Findings);
        Assert.Empty(DetectionRunner.Run([]).Findings);
        Assert.Contains(DetectionCatalog.All, r => r is TrailIntegrityBrokenRule);
    }

    [Fact]
    public void UnverifiedDigestsAloneAreNotAFinding()
    {
        var report = TrailIntegrityValidator.Validate(_trail.Root);

        Assert.All(report.Files.Where(f => f.Kind == IntegrityFileKind.Digest), f => Assert.Equal(IntegrityStatus.Unverified, f.Status));
        Assert.Empty(DetectionRunner.Run([], new DetectionOptions { TrailIntegrity = report }).Findings);
    }
}
