using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Investigation;
using NotebookHelpers.Sources;
using NotebookHelpers.WriteUp;
using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Investigation;

/// <summary>Before a notebook investigates a key, it checks that the key appears in the evidence at all.</summary>
public class KeyInEvidenceTests
{
    private const string LeakedKey = "AKIA3NWPX4QHZRT7K2MD";
    private const string Typo = "AKIA3NWPX4QHZRT7K2ME";

    [Fact]
    public async Task TheSampleIncidentsLeakedKeyAppearsWithItsCallsAndTheirTimeSpan()
    {
        var evidence = await EvidenceSession.OpenAsync("sample");

        var check = await evidence.RequireKeyAsync(LeakedKey);

        Assert.True(check.Found);
        Assert.True(check.Calls > 0 && check.Events >= check.Calls);
        Assert.True(check.First < check.Last);
        Assert.StartsWith($"{LeakedKey} appears in this evidence: ", check.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMistypedKeyDoesNotAppearAndTheCheckStopsNamingTheSourceTheRangeAndTheLikelyKey()
    {
        var evidence = await EvidenceSession.OpenAsync("sample", "2025-03-11T00:00:00Z", "2025-03-12T00:00:00Z");

        var stop = await Assert.ThrowsAsync<KeyNotInEvidenceException>(() => evidence.RequireKeyAsync(Typo));

        Assert.StartsWith($"{Typo} does not appear in this evidence. Looked at: sample (", stop.Message, StringComparison.Ordinal);
        Assert.Contains("2025-03-11", stop.Message, StringComparison.Ordinal);
        Assert.Contains($"The key in it spelled most like it is {LeakedKey}.", stop.Message, StringComparison.Ordinal);
        Assert.Equal(0, stop.Check!.Events);
        Assert.True(stop.Check.EventsLookedAt > 0);
        Assert.DoesNotContain('\n', stop.Message);
    }

    [Fact]
    public async Task AKeyOutsideTheTimeRangeDoesNotAppear()
    {
        var evidence = await EvidenceSession.OpenAsync("sample", "2025-02-01T00:00:00Z", "2025-02-02T00:00:00Z");

        var stop = await Assert.ThrowsAsync<KeyNotInEvidenceException>(() => evidence.RequireKeyAsync(LeakedKey));

        Assert.Contains("does not appear in this evidence", stop.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyThatWasOnlyCreatedAppearsWithNoCallsOfItsOwn()
    {
        var runner = OfflineQueryRunner.FromRecords(Records(
            Event("2025-03-11T10:00:00Z", "CreateAccessKey", "\"userIdentity\":{\"accessKeyId\":\"AKIAAAAAAAAAAAAAAAAA\"},\"responseElements\":{\"accessKey\":{\"accessKeyId\":\"AKIABBBBBBBBBBBBBBBB\"}}"),
            Event("2025-03-11T10:05:00Z", "ListUsers", "\"userIdentity\":{\"accessKeyId\":\"AKIAAAAAAAAAAAAAAAAA\"}")));

        var check = await KeyInEvidence.FindAsync(runner, "AKIABBBBBBBBBBBBBBBB", "two events", TimeRange.All);

        Assert.True(check.Found);
        Assert.Equal((1, 0), (check.Events, check.Calls));
        Assert.Same(check, check.Require());
    }

    [Fact]
    public async Task AKeyWrittenWithJsonEscapesInTheRecordStillAppears()
    {
        var runner = OfflineQueryRunner.FromRecords(Records(
            Event("2025-03-11T10:00:00Z", "ListUsers", "\"userIdentity\":{\"accessKeyId\":\"\\u0041KIACCCCCCCCCCCCCCCC\"}")));

        var check = await KeyInEvidence.FindAsync(runner, "AKIACCCCCCCCCCCCCCCC", "one event", TimeRange.All);

        Assert.Equal((1, 1), (check.Events, check.Calls));
    }

    [Fact]
    public async Task AnIncidentCaseChecksItsKeyTheSameWayAndCanShowTheCheckWithoutStopping()
    {
        var present = await IncidentCase.OpenAsync("sample", LeakedKey);
        var absent = await IncidentCase.OpenAsync("sample", Typo);

        Assert.True(present.RequireKey().Found);
        Assert.False(absent.RequireKey(stop: false).Found);
        var stop = Assert.Throws<KeyNotInEvidenceException>(() => absent.RequireKey());
        Assert.StartsWith($"{Typo} does not appear in this evidence. Looked at: sample (", stop.Message, StringComparison.Ordinal);
    }
}
