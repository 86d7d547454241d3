using NotebookHelpers.Tests.Support;
using static NotebookHelpers.Tests.Notebooks.NotebookFixture;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>
/// Notebooks 02–07 on the sample incident, checked against its answer key: the containment, the Event History sweep,
/// the Logs Insights pivots, the blast radius, the findings and the write-up each show what a correct investigation finds.
/// </summary>
public sealed partial class NotebookCollectionTests
{
    private const string Contain = "02-contain.ipynb";
    private const string EventHistory = "03-event-history.ipynb";
    private const string LogsInsights = "04-logs-insights.ipynb";
    private const string BlastRadius = "05-blast-radius.ipynb";
    private const string Findings = "06-findings.ipynb";
    private const string WriteUp = "07-write-up.ipynb";

    [Fact]
    public void ContainAssessesTheLeakedKeyAsAnIamUserKeyAlreadyContainedByTheDefender()
    {
        var credential = Html(_runs.Cell(Contain, "CredentialAssessment.From"));
        var plan = Html(_runs.Cell(Contain, "ContainmentPlan.For"));
        var defender = Principal("defender").Split('/')[^1];

        Assert.Contains("IAM user access key", credential, StringComparison.Ordinal);
        Assert.Contains("svc-reporting", credential, StringComparison.Ordinal);
        Assert.Contains($"aws iam update-access-key --access-key-id {_runs.LeakedKey} --status Inactive --user-name svc-reporting", plan, StringComparison.Ordinal);
        Assert.Contains($"deactivated key {_runs.LeakedKey} by {defender}", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void ContainIsADryRunByDefaultAndSaysSo()
    {
        var parameters = _runs.Result(Contain).Document.Cells.Single(c => c.HasTag("parameters")).Source;

        Assert.Contains("bool Live = false;", parameters, StringComparison.Ordinal);
        Assert.Contains("bool Execute = false;", parameters, StringComparison.Ordinal);
        Assert.StartsWith("DRY RUN: nothing was sent.", Text(_runs.Cell(Contain, "plan.RunAsync")), StringComparison.Ordinal);
    }

    [Fact]
    public void ContainShowsTheAccessDeniedRetriesAfterContainmentAndWhatIsStillOpen()
    {
        var after = Text(_runs.Cell(Contain, "ErrorsAfterContainmentChart"));
        var open = Html(_runs.Cell(Contain, "incident.StillOpen()"));

        Assert.Contains("bar 'AccessDenied'", after, StringComparison.Ordinal);
        Assert.Contains("bar 'Client.UnauthorizedOperation'", after, StringComparison.Ordinal);
        AssertBackdoorAndRunningInstances(open);
    }

    [Fact]
    public void EventHistoryReadsTheRecordedSweepAndNamesWhatOnlyTheTrailHolds()
    {
        var counts = _runs.AnswerKey.GetProperty("counts");
        var sweep = Text(_runs.Cell(EventHistory, "EventHistoryCoverage.From"));
        var compare = Html(_runs.Cell(EventHistory, "EventHistoryCoverage.Compare"));

        Assert.Contains($"{counts.GetProperty("eventHistoryPages").GetInt32()} pages, {counts.GetProperty("eventHistoryEvents").GetInt32()} events, 17 regions", sweep, StringComparison.Ordinal);
        Assert.Contains($"GetObject ×{_runs.AnswerKey.GetProperty("s3Exfiltration").GetProperty("getObjectCount").GetInt32()}", compare, StringComparison.Ordinal);
        Assert.Contains("sweep again with lookup:" + BackdoorKey, compare, StringComparison.Ordinal);
    }

    [Fact]
    public void EventHistoryValidatesTheTrailAndNamesTheLogObjectTheAttackerDeleted()
    {
        var deleted = _runs.AnswerKey.GetProperty("trailTampering").GetProperty("deletedLogObjects")[0];
        var integrity = Html(_runs.Cell(EventHistory, "trail?.Integrity"));

        Assert.Contains("<td>missing</td>", integrity, StringComparison.Ordinal);
        Assert.Contains(deleted.GetProperty("key").GetString()!, integrity, StringComparison.Ordinal);
        Assert.Contains("48 digest files (48 valid)", integrity, StringComparison.Ordinal);
    }

    [Fact]
    public void LogsInsightsPivotsFromTheAttackersAddressesToTheBackdoorKeyAndItsExfiltration()
    {
        var exfiltration = _runs.AnswerKey.GetProperty("s3Exfiltration");
        var pivot = Text(_runs.Cell(LogsInsights, "addressQuery"));
        var fromAttackers = Html(_runs.Cell(LogsInsights, "fromAttackerQuery"));
        var reads = Html(_runs.Cell(LogsInsights, "readsQuery"));

        Assert.Contains("pivot on: 203.0.113.47, 192.0.2.77", pivot, StringComparison.Ordinal);
        Assert.Contains($"<td>{BackdoorKey}</td>", fromAttackers, StringComparison.Ordinal);
        Assert.Contains($"<td>{exfiltration.GetProperty("bucket").GetString()}</td>", reads, StringComparison.Ordinal);
        Assert.Contains($"<td>{exfiltration.GetProperty("getObjectCount").GetInt32()}</td>", reads, StringComparison.Ordinal);
        Assert.Contains($"<td>{exfiltration.GetProperty("bytesTransferredOut").GetInt64()}</td>", reads, StringComparison.Ordinal);
    }

    [Fact]
    public void LogsInsightsFindsTheDeniedStopLoggingAndDeleteTrailThroughTheDetectionQueries()
    {
        var rules = Html(_runs.Cell(LogsInsights, "DetectionCatalog.Get"));

        Assert.Contains("<td>log-tampering-attempt-failed</td><td>medium</td><td>2</td>", rules, StringComparison.Ordinal);
        Assert.Contains("<td>cloudtrail-logging-stopped</td><td>critical</td><td>0</td>", rules, StringComparison.Ordinal);
    }

    [Fact]
    public void BlastRadiusFollowsTheLeakedKeyToTheBackdoorUserItsKeyTheRoleSessionAndTheMiners()
    {
        var tree = Text(_runs.Cell(BlastRadius, "incident.Investigation!.BlastRadius"));
        var open = Html(_runs.Cell(BlastRadius, "incident.StillOpen()"));
        var after = Text(_runs.Cell(BlastRadius, "ErrorsAfterContainmentChart"));

        Assert.Contains("created user → [user] svc-backup-sync", tree, StringComparison.Ordinal);
        Assert.Contains($"owns key → [key] {BackdoorKey}", tree, StringComparison.Ordinal);
        Assert.Contains(AttackerSession, tree, StringComparison.Ordinal);
        AssertBackdoorAndRunningInstances(open);
        Assert.Contains($"Still working: {BackdoorKey}", after, StringComparison.Ordinal);
        Assert.Contains("console of svc-backup-sync", after, StringComparison.Ordinal);
    }

    [Fact]
    public void FindingsReportThePlantedTechniquesAndOutsideTheBlastRadiusOnlyTheDeletedLogObject()
    {
        var findings = Html(_runs.Cell(Findings, "incident.Findings(minimum)"));
        var others = Text(_runs.Cell(Findings, "incident.OtherFindings(minimum)"));

        foreach (var rule in new[] { "iam-user-created", "iam-access-key-for-other-user", "iam-admin-policy-attached", "s3-data-access-burst", "log-tampering-attempt-failed", "ec2-multi-region-launch", "access-denied-after-containment", "console-login-without-mfa", "aws-quarantine-policy-attached" })
        {
            Assert.Contains($"<code>{rule}</code>", findings, StringComparison.Ordinal);
        }

        // The one finding outside the key's blast radius is about the evidence: the log object the story deleted.
        Assert.StartsWith("1 finding(s) of low severity or more outside", others, StringComparison.Ordinal);
        Assert.Contains("cloudtrail-log-integrity-broken", others, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteUpSummarisesTheIncidentAndWritesTheReportFiles()
    {
        var report = Text(_runs.Cell(WriteUp, "incident.Report("));
        var files = Text(_runs.Cell(WriteUp, "WriteFilesAsync"));

        Assert.Contains($"Access key {_runs.LeakedKey} of svc-reporting", report, StringComparison.Ordinal);
        Assert.Contains($"Still open as far as the evidence shows: IAM user svc-backup-sync, access key {BackdoorKey}", report, StringComparison.Ordinal);
        Assert.Contains("8 instances", report, StringComparison.Ordinal);
        foreach (var file in new[] { "incident-report.html", "findings.json", "findings.csv", "evidence-manifest.json" })
        {
            Assert.Contains(file, files, StringComparison.Ordinal);
        }

        var folder = Assert.Single(_runs.Result(WriteUp).OtherOutputs);
        Assert.Equal((Path.GetFullPath(Path.Combine(RepositoryPaths.RepositoryRoot, "out", "incident-report")), "incident report"), (folder.Path, folder.Description));
    }

    private string BackdoorKey => Key("attacker-created");

    private string AttackerSession => Key("attacker session");

    private string Key(string role) =>
        _runs.AnswerKey.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("role").GetString() == role).GetProperty("accessKeyId").GetString()!;

    private string Principal(string role) =>
        _runs.AnswerKey.GetProperty("principals").EnumerateArray().Single(p => p.GetProperty("role").GetString() == role).GetProperty("arn").GetString()!;

    private void AssertBackdoorAndRunningInstances(string stillOpen)
    {
        Assert.Contains("<td>svc-backup-sync</td>", stillOpen, StringComparison.Ordinal);
        Assert.Contains(BackdoorKey, stillOpen, StringComparison.Ordinal);
        var instances = _runs.AnswerKey.GetProperty("endState").GetProperty("runningInstances").EnumerateArray().Select(i => i.GetProperty("instanceId").GetString()!).ToList();
        Assert.Equal(8, instances.Count);
        Assert.All(instances, id => Assert.Contains("instance " + id, stillOpen, StringComparison.Ordinal));
    }
}
