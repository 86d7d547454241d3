using System.Collections.Concurrent;
using System.Text;
using NotebookHelpers.Events;
using NotebookHelpers.Json;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Reads CloudTrail evidence from files, archives and directories in every shape the formats page lists, detecting
/// each file's format from its content. Files are decoded in parallel on <see cref="EvidenceReaderOptions.Parallelism"/>
/// threads while output keeps a deterministic order (files in path order, records in file order), so reruns
/// produce identical results. Memory stays bounded: at most a few files are in flight, JSON Lines and exports
/// stream in chunks, and deduplication is capped.
/// <code>
/// var reader = new EvidenceReader(new EvidenceReaderOptions { TimeRange = TimeRange.Parse("2021-07-28", null) });
/// foreach (var e in reader.ReadEvents(["evidence/"])) { ... }
/// Console.Error.Write(reader.Report.Summary());
/// </code>
/// </summary>
public sealed class EvidenceReader
{
    private const int ChunksInFlightPerFile = 8;

    // A job groups consecutive files up to this many, or this many bytes on disk: small enough that a few jobs in
    // flight stay a few MB, large enough that the hand-off per job is noise.
    private const int FilesPerJob = 8;
    private const long BytesPerJob = 256 << 10;

    /// <summary>Creates a reader.</summary>
    public EvidenceReader(EvidenceReaderOptions? options = null)
    {
        Options = options ?? new EvidenceReaderOptions();
        Report = new ReadReport(Options.MaxListedProblems);
    }

    /// <summary>The options in force.</summary>
    public EvidenceReaderOptions Options { get; }

    /// <summary>The report of the current (or last) read; complete once enumeration has ended.</summary>
    public ReadReport Report { get; private set; }

    /// <summary>Reads everything into memory: for notebooks and small evidence.</summary>
    public static (IReadOnlyList<CloudTrailEvent> Events, ReadReport Report) ReadAll(IEnumerable<string> paths, EvidenceReaderOptions? options = null)
    {
        var reader = new EvidenceReader(options);
        var events = reader.ReadEvents(paths).ToList();
        return (events, reader.Report);
    }

    /// <summary>
    /// The events, deduplicated and filtered by time, each owning a copy of its record.
    /// </summary>
    /// <exception cref="EvidenceReadException">In strict mode, at the first problem.</exception>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    public IEnumerable<CloudTrailEvent> ReadEvents(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        foreach (var batch in ReadBatches(paths, cancellationToken))
        {
            foreach (var record in batch.Records)
            {
                if (CloudTrailEvent.TryFromRecord(record, out var ev, out var error))
                {
                    yield return ev;
                }
                else
                {
                    // The scanner validated the record and invalid UTF-8 is repaired, so this only happens for JSON
                    // the scanner accepts and System.Text.Json does not.
                    Report.Events--;
                    var problem = new ReadProblem(record.Location, ReadProblemKind.InvalidJson, error);
                    Report.AddProblem(problem);
                    if (Options.Strict)
                    {
                        throw new EvidenceReadException(problem);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The records in batches, deduplicated and filtered by time, with their event times: the fast path the
    /// query engine uses. Records reference arrays owned by their batch and stay valid as long as they are held.
    /// </summary>
    /// <exception cref="EvidenceReadException">In strict mode, at the first problem.</exception>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    public IEnumerable<LogRecordBatch> ReadBatches(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var report = Report = new ReadReport(Options.MaxListedProblems);
        var dedup = Options.Deduplicate ? new EventDeduplicator(Options.DedupCapacity) : null;
        var range = Options.TimeRange;
        var now = DateTimeOffset.UtcNow;
        var enumerator = new EvidenceFileEnumerator(range, Options.PruneMargin, report, Options.Strict);
        var files = enumerator.Enumerate(paths);
        var output = new LogRecordBatchBuilder();
        var options = Options.RequiredKeys is null ? Options : Options with { BufferPool = DecodeBuffers.CreatePool() };
        foreach (var chunk in DecodeInOrder(files, options, cancellationToken))
        {
            TakeBookkeeping(enumerator, report);
            foreach (var problem in chunk.Problems)
            {
                report.AddProblem(problem);
                if (Options.Strict && !problem.IsNotice)
                {
                    // Everything read before the problem is still handed over first.
                    if (output.HasAny)
                    {
                        yield return output.Take();
                    }

                    throw new EvidenceReadException(problem);
                }
            }

            if (chunk.Outcome is { } outcome)
            {
                if (outcome.Ignored)
                {
                    report.AddIgnored(outcome.DisplayPath);
                }
                else
                {
                    report.FilesRead++;
                    if (outcome.Format is { } format)
                    {
                        report.AddFormat(format);
                        if (format == EvidenceFormat.Digest)
                        {
                            report.DigestFiles++;
                        }
                    }
                }
            }

            foreach (var decoded in chunk.Records)
            {
                var time = new DateTimeOffset(decoded.EventTimeTicks, TimeSpan.Zero);
                if (CloudTrailTimestamp.Implausible(time, now) is { } implausible)
                {
                    var problem = new ReadProblem(decoded.Location, ReadProblemKind.ImplausibleTime, implausible + ": the record is set aside");
                    report.AddProblem(problem);
                    if (Options.Strict)
                    {
                        if (output.HasAny)
                        {
                            yield return output.Take();
                        }

                        throw new EvidenceReadException(problem);
                    }

                    continue;
                }

                report.Records++;
                if (!range.Contains(time))
                {
                    report.OutsideTimeRange++;
                    continue;
                }

                if (dedup is not null)
                {
                    switch (dedup.Check(decoded, out var first))
                    {
                        case EventDeduplicator.Verdict.Duplicate:
                            report.Duplicates++;
                            continue;
                        case EventDeduplicator.Verdict.Conflict:
                            report.AddConflict(new EventConflict(EventIdOf(decoded.Json.Span), first, decoded.Location));
                            break;
                    }
                }

                report.Events++;
                if (Utf8Repair.FirstInvalidByte(decoded.Json.Span) is var invalid and >= 0)
                {
                    report.AddProblem(InvalidUtf8(decoded, invalid));
                }

                if (decoded.DuplicateKey is { } duplicate)
                {
                    report.AddProblem(DuplicateKey(decoded, duplicate));
                }

                if (decoded.Record is { } record)
                {
                    output.Add(record, time);
                }
                else
                {
                    output.Skip(decoded.Json.Length);
                }
            }

            if (chunk.ReturnBuffers is { } buffers && options.BufferPool is { } pool)
            {
                DecodeBuffers.Return(pool, buffers);
            }

            if (output.IsFull)
            {
                yield return output.Take();
            }
        }

        TakeBookkeeping(enumerator, report);
        if (output.HasAny)
        {
            yield return output.Take();
        }
    }

    // An evidence folder's manifest and actions log are not logs: listed as ignored, and each damaged manifest line
    // (a fetch stopped while writing it) is one problem naming the line, instead of the whole file read as evidence.
    private static void TakeBookkeeping(EvidenceFileEnumerator enumerator, ReadReport report)
    {
        while (enumerator.Bookkeeping.TryDequeue(out var path))
        {
            report.AddIgnored(path);
            if (Path.GetFileName(path) == EvidenceFolderBookkeeping.ManifestFileName)
            {
                foreach (var line in EvidenceFolderBookkeeping.DamagedManifestLines(path))
                {
                    report.AddProblem(new ReadProblem(
                        new EvidenceLocation(path, Line: line), ReadProblemKind.InvalidLine,
                        "not a manifest entry (a fetch stopped while writing it?); the evidence files are read all the same"));
                }
            }
        }
    }

    private static ReadProblem InvalidUtf8(DecodedRecord decoded, int offsetInRecord)
    {
        var json = decoded.Json.Span;
        var bad = json[offsetInRecord];
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var location = decoded.Location.ByteOffset is { } start ? decoded.Location.AtByte(start + offsetInRecord) : decoded.Location;
        var where = decoded.Location.ByteOffset is null ? string.Create(c, $" at byte {offsetInRecord} of the record") : "";
        return new ReadProblem(location, ReadProblemKind.InvalidUtf8,
            string.Create(c, $"invalid UTF-8 (byte 0x{bad:X2}){where}; read as U+FFFD, the record is kept"));
    }

    private static ReadProblem DuplicateKey(DecodedRecord decoded, (string Key, int Offset, int FirstOffset) duplicate)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var location = decoded.Location.ByteOffset is { } start ? decoded.Location.AtByte(start + duplicate.Offset) : decoded.Location;
        var where = decoded.Location.ByteOffset is null ? string.Create(c, $" at byte {duplicate.Offset} of the record") : "";
        var key = duplicate.Key.Length > 80 ? duplicate.Key[..80] + "…" : duplicate.Key;
        return new ReadProblem(location, ReadProblemKind.DuplicateKey,
            string.Create(c, $"key \"{key}\" repeated{where} (first at byte {duplicate.FirstOffset} of the record); the first value is read, the record is kept"));
    }

    private static string EventIdOf(ReadOnlySpan<byte> record)
    {
        var members = new JsonObjectReader(record);
        while (members.MoveNext())
        {
            if (members.KeyEquals("eventID"u8))
            {
                return JsonString.GetString(members.Value);
            }
        }

        return "(unknown)";
    }

    // Files are decoded by worker threads into one bounded queue per job; the caller drains the queues in job
    // order. Workers take jobs in the same order, so the job at the head always has (or had) a worker. A job is one
    // file, or a run of consecutive small files (CloudTrail objects are a few KB each): one hand-off per run instead
    // of one per object.
    private static IEnumerable<DecodedChunk> DecodeInOrder(IEnumerable<EvidenceFile> files, EvidenceReaderOptions options, CancellationToken cancellationToken)
    {
        var parallelism = Math.Max(1, options.Parallelism);
        var window = parallelism + 2;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var work = new BlockingCollection<FileJob>();
        var workers = new List<Thread>();
        for (var i = 0; i < parallelism; i++)
        {
            var thread = new Thread(() => Work(work, options, stop.Token)) { IsBackground = true, Name = $"evidence-decoder-{i}" };
            thread.Start();
            workers.Add(thread);
        }

        var inFlight = new Queue<FileJob>();
        using var enumerator = files.GetEnumerator();
        var more = enumerator.MoveNext();
        try
        {
            while (true)
            {
                while (more && inFlight.Count < window)
                {
                    var run = new List<EvidenceFile>();
                    long size = 0;
                    do
                    {
                        run.Add(enumerator.Current);
                        size += enumerator.Current.Size ?? long.MaxValue / 2;
                        more = enumerator.MoveNext();
                    }
                    while (more && run.Count < FilesPerJob && size + (enumerator.Current.Size ?? long.MaxValue / 2) <= BytesPerJob);

                    var job = new FileJob(run);
                    inFlight.Enqueue(job);
                    work.Add(job, stop.Token);
                }

                if (inFlight.Count == 0)
                {
                    break;
                }

                var head = inFlight.Dequeue();
                foreach (var chunk in head.Output.GetConsumingEnumerable(stop.Token))
                {
                    yield return chunk;
                }

                // Not disposed here: CompleteAdding marks the queue complete before it cancels waiting consumers, so
                // this thread can see the end while the worker is still inside CompleteAdding; disposing then made the
                // worker's CompleteAdding throw ObjectDisposedException (seen once in CI). The queue holds no
                // unmanaged handle once drained, so the collector reclaims it.
                if (head.Failure is { } failure)
                {
                    throw new EvidenceReadException($"decoding {head.FailedFile?.Path} failed: {failure.Message}", failure);
                }
            }
        }
        finally
        {
            work.CompleteAdding();
            stop.Cancel();
            foreach (var thread in workers)
            {
                thread.Join();
            }
        }
    }

    private static void Work(BlockingCollection<FileJob> work, EvidenceReaderOptions options, CancellationToken token)
    {
        try
        {
            foreach (var job in work.GetConsumingEnumerable(token))
            {
                try
                {
                    foreach (var file in job.Files)
                    {
                        job.FailedFile = file;
                        EvidenceFileDecoder.Decode(file, options, chunk => job.Output.Add(chunk, token));
                    }

                    job.FailedFile = null;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    job.Failure = e;
                }
                finally
                {
                    job.Output.CompleteAdding();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The reader stopped early; nothing to hand over.
        }
    }

    private sealed class FileJob(List<EvidenceFile> files)
    {
        public List<EvidenceFile> Files { get; } = files;

        // A large file streams its chunks through a short queue; a run of small files (at most BytesPerJob on disk)
        // may all be decoded ahead: each gives a chunk of records and one of outcome.
        public BlockingCollection<DecodedChunk> Output { get; } = new(files.Count == 1 ? ChunksInFlightPerFile : (2 * files.Count) + 2);

        public Exception? Failure { get; set; }

        public EvidenceFile? FailedFile { get; set; }
    }
}
