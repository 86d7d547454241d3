using NotebookHelpers.Evidence;
using NotebookHelpers.Response;
using NotebookHelpers.Tests.Charts;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Response;

/// <summary>What the sample incident's recorded Event History sweep holds, and what the trail holds that it cannot.</summary>
public sealed class EventHistoryCoverageTests(InvestigatedSample sample) : IClassFixture<InvestigatedSample>
{
    [Fact]
    public void CoverageCountsThePagesAndEventsOfTheRecordedSweepFromTheAnswerKey()
    {
        var (events, _) = EvidenceReader.ReadAll([InvestigatedSample.EventHistoryPath]);

        var coverage = EventHistoryCoverage.From(InvestigatedSample.EventHistoryPath, events);

        var counts = sample.Key.GetProperty("counts");
        Assert.Equal(counts.GetProperty("eventHistoryPages").GetInt32(), coverage.Pages);
        Assert.Equal(counts.GetProperty("eventHistoryEvents").GetInt32(), coverage.Events);
        Assert.Equal(coverage.Events, coverage.Regions.Sum(r => r.Events));
        Assert.Equal(["AccessKeyId=AKIA3NWPX4QHZRT7K2MD from open to 20250312T000000Z"], coverage.Lookups);
        Assert.Equal(coverage.Regions.OrderByDescending(r => r.Events).ThenBy(r => r.Region, StringComparer.Ordinal), coverage.Regions);
        Assert.All(coverage.Regions, r => Assert.True(r.Pages >= 1));
        Assert.Contains(coverage.Regions, r => r.Failed > 0);
        Assert.NotNull(coverage.FetchedAt);
        Assert.Equal(TimeSpan.FromSeconds(1), coverage.LiveDuration);
    }

    [Fact]
    public void AFolderWithoutAnNbhManifestIsRefusedByName()
    {
        using var folder = new TempDirectory();

        var error = Assert.Throws<ArgumentException>(() => EventHistoryCoverage.From(folder.Path, []));

        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("manifest.jsonl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrailComparisonNamesTheDataEventsAndTheBackdoorKeyTheSweepCannotShow()
    {
        var (history, _) = EvidenceReader.ReadAll([InvestigatedSample.EventHistoryPath]);

        var table = EventHistoryCoverage.Compare(history, sample.Investigator.Index.Events, sample.Investigation.BlastRadius.AccessKeyIds);

        var rows = table.Rows.Select(r => (Why: r[0]!, Key: r[1]!, Names: r[3]!)).ToList();
        Assert.Contains(rows, r => r.Why.StartsWith("data event", StringComparison.Ordinal) && r.Key == InvestigatedSample.BackdoorKey && r.Names.Contains("GetObject ×264", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Why == "a key the sweep did not look up: sweep again with lookup:" + InvestigatedSample.BackdoorKey);
        Assert.Contains(rows, r => r.Why.StartsWith("recorded in account 562048731905", StringComparison.Ordinal) && r.Key == InvestigatedSample.AttackerSession);
        Assert.DoesNotContain(rows, r => r.Key == InvestigatedSample.LeakedKey && r.Why.StartsWith("a key the sweep", StringComparison.Ordinal));
    }
}
