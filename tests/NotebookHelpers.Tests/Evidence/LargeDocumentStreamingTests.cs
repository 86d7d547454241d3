using System.Text;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Evidence;

/// <summary>
/// Delivery objects of any size stream: a Records (or Events, or top-level array) document is walked element by
/// element across buffer refills, so it is read whole in memory bounded per file, and whatever cannot be read is
/// reported with its file and byte offset while everything else is kept.
/// </summary>
public class LargeDocumentStreamingTests
{
    private const long OneGigabyteAndMore = (1L << 30) + (100L << 20);

    [Fact]
    public void ARecordsDocumentOverOneGigabyteIsReadWhole()
    {
        var head = "{\"Records\":[" + DamagedEvidenceTests.Record("first") + ",";
        var tail = DamagedEvidenceTests.Record("last") + "]}";
        using var stream = new PaddedStream(head, OneGigabyteAndMore, tail);

        var result = Decode(stream);

        Assert.Equal(["first", "last"], result.Ids);
        Assert.Empty(result.Problems);
        Assert.Equal(EvidenceFormat.CloudTrailRecords, result.Format);
    }

    [Fact]
    public void GigabytesOfWhitespaceInsideADocumentCostAFewMegabytes()
    {
        using var inRecords = new PaddedStream("{\"Records\":[" + DamagedEvidenceTests.Record("a") + ",", OneGigabyteAndMore, DamagedEvidenceTests.Record("b") + "]}");
        using var betweenValues = new PaddedStream(DamagedEvidenceTests.Record("a") + "\n", OneGigabyteAndMore, DamagedEvidenceTests.Record("b") + "\n");

        foreach (var stream in new[] { inRecords, betweenValues })
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = Decode(stream);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(["a", "b"], result.Ids);
            Assert.InRange(allocated, 0, 16 << 20);
        }
    }

    [Fact]
    public void AValueLargerThanTheRecordLimitIsSkippedWithoutBeingHeldAndTheRestIsKept()
    {
        var head = "{\"Records\":[" + DamagedEvidenceTests.Record("a") + ",{\"eventTime\":\"2024-01-01T00:00:00Z\",\"padding\":\"";
        var tail = "\"}," + DamagedEvidenceTests.Record("b") + "]}\n" + DamagedEvidenceTests.Record("c") + "\n{\"junk\":\"";
        var options = new EvidenceReaderOptions { MaxRecordBytes = 1 << 20 };
        using var stream = new PaddedStream(head, 200L << 20, tail, fill: (byte)'x');
        var oversizedAt = Encoding.UTF8.GetByteCount("{\"Records\":[" + DamagedEvidenceTests.Record("a") + ",");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Decode(stream, options);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(["a", "b", "c"], result.Ids);
        Assert.Equal(2, result.Problems.Count);
        Assert.Equal(ReadProblemKind.RecordTooLarge, result.Problems[0].Kind);
        Assert.Equal(oversizedAt, result.Problems[0].Location.ByteOffset);
        Assert.Contains("1,048,576-byte record limit", result.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Equal(ReadProblemKind.TruncatedJson, result.Problems[1].Kind);
        Assert.InRange(allocated, 0, 24 << 20);
    }

    [Fact]
    public void RecordsCutByEveryRefillKeepTheirExactByteOffsets()
    {
        var (document, expected) = MixedDocument(seed: 7, elements: 6_000);

        var result = Decode(new MemoryStream(document));

        Assert.Equal(expected.Where(e => e.Id is not null).Select(e => (e.Id!, (long?)e.Offset)), result.Records.Select(r => (r.Id, r.Location.ByteOffset)));
        Assert.Equal(expected.Where(e => e.Id is null).Select(e => (long?)e.Offset), result.Problems.Select(p => p.Location.ByteOffset));
        Assert.All(result.Problems, p => Assert.Equal(ReadProblemKind.NotCloudTrail, p.Kind));
        Assert.True(document.Length > 4 << 20, "the document must span many refills");
    }

    [Fact]
    public void DamageDeepInsideAStreamedDocumentIsReportedAtItsOffsetAndLosesOnlyItsRecord()
    {
        var (document, expected) = MixedDocument(seed: 11, elements: 6_000);
        var victim = expected.Where(e => e.Id is not null).ElementAt(4_000);
        var colon = Array.IndexOf(document, (byte)':', (int)victim.Offset);
        var damaged = (byte[])document.Clone();
        damaged[colon] = (byte)';';

        var broken = Decode(new MemoryStream(damaged));
        var truncated = Decode(new MemoryStream(document[..(int)(victim.Offset + 30)]));

        var invalid = Assert.Single(broken.Problems, p => p.Kind != ReadProblemKind.NotCloudTrail);
        Assert.Equal(ReadProblemKind.InvalidJson, invalid.Kind);
        Assert.Equal(colon, invalid.Location.ByteOffset);
        Assert.Equal(expected.Where(e => e.Id is not null && e.Id != victim.Id).Select(e => e.Id), broken.Ids);
        var cut = Assert.Single(truncated.Problems, p => p.Kind != ReadProblemKind.NotCloudTrail);
        Assert.Equal(ReadProblemKind.TruncatedJson, cut.Kind);
        Assert.Contains("started at byte 0", cut.Reason, StringComparison.Ordinal);
        Assert.Equal(4_000, truncated.Ids.Count);
    }

    [Fact]
    public void LargeTopLevelArraysAndEventHistoryPagesStreamToo()
    {
        var records = Enumerable.Range(0, 20_000).Select(i => DamagedEvidenceTests.Record($"r{i}")).ToList();
        var array = "[\n" + string.Join(",\n", records) + "\n]";
        var pages = "[" + string.Join(",", records.Chunk(5_000).Select(page =>
            "{\"Events\":[" + string.Join(",", page.Select(r => "{\"EventId\":\"x\",\"CloudTrailEvent\":" + JsonString(r) + "}")) + "],\"NextToken\":\"t\"}")) + "]";
        var options = new EvidenceReaderOptions { MaxRecordBytes = 64 << 10 };

        var fromArray = Decode(new MemoryStream(Encoding.UTF8.GetBytes(array)), options);
        var fromPages = Decode(new MemoryStream(Encoding.UTF8.GetBytes(pages)), options);

        Assert.Equal(20_000, fromArray.Ids.Count);
        Assert.Equal(EvidenceFormat.JsonArray, fromArray.Format);
        Assert.Empty(fromArray.Problems);
        Assert.Equal(fromArray.Ids, fromPages.Ids);
        Assert.Equal(EvidenceFormat.LookupEventsPages, fromPages.Format);
        Assert.Empty(fromPages.Problems);
    }

    [Fact]
    public void AStreamedDocumentOnDiskIsReadThroughTheReader()
    {
        // Larger than the 16 MB the reader reads in one piece, so the file streams.
        var (document, expected) = MixedDocument(seed: 3, elements: 8_000, maxPadding: 4_500);
        Assert.True(document.Length > 16 << 20);
        using var dir = new TempDirectory();
        var path = dir.WriteBytes("big.json", document);

        var (events, report) = EvidenceReader.ReadAll([path]);

        Assert.Equal(expected.Where(e => e.Id is not null).Select(e => e.Id), events.Select(e => e.EventID));
        Assert.Equal(expected.Count(e => e.Id is null), report.Skipped);
        Assert.All(report.Problems, p => Assert.Equal(path, p.Location.Path));
    }

    // A Records document of records of varied sizes with, now and then, an element that is not a record (a number,
    // which a chunk boundary can cut, or a string), each with its byte offset.
    private static (byte[] Document, List<(string? Id, long Offset)> Elements) MixedDocument(int seed, int elements, int maxPadding = 4_000)
    {
        var random = new Random(seed);
        var text = new StringBuilder("{\"Records\":[");
        var expected = new List<(string?, long)>();
        long offset = text.Length;
        for (var i = 0; i < elements; i++)
        {
            if (i > 0)
            {
                var separator = random.Next(4) == 0 ? ",\n  " : ",";
                text.Append(separator);
                offset += separator.Length;
            }

            string element;
            string? id = null;
            switch (random.Next(50))
            {
                case 0:
                    element = random.NextInt64(1, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case 1:
                    element = "\"not a record\"";
                    break;
                default:
                    id = $"id-{i}";
                    element = DamagedEvidenceTests.Record(id).Replace("}", ",\"pad\":\"" + new string('p', random.Next(maxPadding)) + "\"}", StringComparison.Ordinal);
                    break;
            }

            expected.Add((id, offset));
            text.Append(element);
            offset += element.Length;
        }

        text.Append("]}\n");
        return (Encoding.UTF8.GetBytes(text.ToString()), expected);
    }

    private static string JsonString(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static Decoded Decode(Stream stream, EvidenceReaderOptions? options = null)
    {
        var result = new Decoded();
        var decoder = new JsonEvidenceDecoder(stream, new EvidenceLocation("doc.json"), options ?? new EvidenceReaderOptions(), chunk =>
        {
            foreach (var record in chunk.Records)
            {
                result.Records.Add((EventId(record), record.Location));
            }

            result.Problems.AddRange(chunk.Problems);
        });
        decoder.Start();
        decoder.Run();
        result.Format = decoder.Format;
        return result;
    }

    private static string EventId(DecodedRecord record)
    {
        using var json = System.Text.Json.JsonDocument.Parse(record.Json);
        return json.RootElement.GetProperty("eventID").GetString()!;
    }

    private sealed class Decoded
    {
        public List<(string Id, EvidenceLocation Location)> Records { get; } = [];

        public List<string> Ids => Records.Select(r => r.Id).ToList();

        public List<ReadProblem> Problems { get; } = [];

        public EvidenceFormat? Format { get; set; }
    }

    /// <summary>A head, then <c>length</c> bytes of filler produced on the fly (nothing held), then a tail.</summary>
    private sealed class PaddedStream(string head, long length, string tail, byte fill = (byte)' ') : Stream
    {
        private readonly byte[] _head = Encoding.UTF8.GetBytes(head);
        private readonly byte[] _tail = Encoding.UTF8.GetBytes(tail);
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _head.Length + length + _tail.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < Length)
            {
                int n;
                if (_position < _head.Length)
                {
                    n = Math.Min(count - written, _head.Length - (int)_position);
                    _head.AsSpan((int)_position, n).CopyTo(buffer.AsSpan(offset + written));
                }
                else if (_position < _head.Length + length)
                {
                    n = (int)Math.Min(count - written, _head.Length + length - _position);
                    buffer.AsSpan(offset + written, n).Fill(fill);
                }
                else
                {
                    var at = (int)(_position - _head.Length - length);
                    n = Math.Min(count - written, _tail.Length - at);
                    _tail.AsSpan(at, n).CopyTo(buffer.AsSpan(offset + written));
                }

                written += n;
                _position += n;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
