using NotebookHelpers.Evidence;

namespace NotebookHelpers.Tests.Evidence;

public class EventDeduplicatorTests
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void RemembersEveryEventUpToTheCapacityAcrossTableGrowth()
    {
        var dedup = new EventDeduplicator(100_000);
        for (var i = 0; i < 100_000; i++)
        {
            Assert.Equal(EventDeduplicator.Verdict.New, dedup.Check(Record(i, hour: i / 1000), out _));
        }

        for (var i = 0; i < 100_000; i += 7)
        {
            Assert.Equal(EventDeduplicator.Verdict.Duplicate, dedup.Check(Record(i, hour: i / 1000), out _));
        }
    }

    [Fact]
    public void ForgetsTheOldestHoursFirstAndStillReportsWhereAConflictsFirstCopyWasRead()
    {
        // 10 events per hour, capacity 50: each time the 51st is remembered, the oldest hours go until 45 remain.
        var dedup = new EventDeduplicator(50);
        for (var i = 0; i < 300; i++)
        {
            dedup.Check(Record(i, hour: i / 10, line: i + 1), out _);
        }

        // Hours 25-29 are remembered (the last eviction kept 45 and 5 more came), older ones are not.
        Assert.Equal(EventDeduplicator.Verdict.Duplicate, dedup.Check(Record(299, hour: 29), out _));
        Assert.Equal(EventDeduplicator.Verdict.Duplicate, dedup.Check(Record(250, hour: 25), out _));
        Assert.Equal(EventDeduplicator.Verdict.Conflict, dedup.Check(Record(260, hour: 26, content: 1), out var first));
        Assert.Equal(new EvidenceLocation("file-26.json", Line: 261), first);
        Assert.Equal(EventDeduplicator.Verdict.Duplicate, dedup.Check(Record(260, hour: 26, content: 1), out _));
        Assert.Equal(EventDeduplicator.Verdict.New, dedup.Check(Record(10, hour: 1), out _));
    }

    [Fact]
    public void RecordsWithoutAnEventIdAreNeverDuplicates()
    {
        var dedup = new EventDeduplicator(10);
        var record = Record(1, hour: 0) with { HasEventId = false };
        Assert.Equal(EventDeduplicator.Verdict.New, dedup.Check(record, out _));
        Assert.Equal(EventDeduplicator.Verdict.New, dedup.Check(record, out _));
    }

    private static DecodedRecord Record(int id, int hour, long? line = null, int content = 0) => new(
        Record: null,
        Json: ReadOnlyMemory<byte>.Empty,
        Location: new EvidenceLocation($"file-{hour}.json", Line: line),
        EventTimeTicks: Start.AddHours(hour).Ticks,
        HasEventId: true,
        // Spread like real hashes; neighbours in the probe table still collide now and then.
        EventIdHash: new RecordHash((ulong)id, (ulong)id * 0x9E3779B97F4A7C15),
        ContentHash: new RecordHash(7, (ulong)(id + content)),
        DuplicateKey: null);
}
