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
                    // The scanner validated the record, so this only happens for JSON the scanner accepts and
                    // System.Text.Json does not (invalid UTF-8 inside a string).
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
        var files = new EvidenceFileEnumerator(range, Options.PruneMargin, report).Enumerate(paths);
        foreach (var chunk in DecodeInOrder(files, cancellationToken))
        {
            foreach (var problem in chunk.Problems)
            {
                report.AddProblem(problem);
                if (Options.Strict && !problem.IsNotice)
                {
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

            if (chunk.Records.Count == 0)
            {
                continue;
            }

            var records = new List<LogRecord>(chunk.Records.Count);
            var times = new List<DateTimeOffset>(chunk.Records.Count);
            foreach (var decoded in chunk.Records)
            {
                report.Records++;
                var time = new DateTimeOffset(decoded.EventTimeTicks, TimeSpan.Zero);
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
                            report.AddConflict(new EventConflict(EventIdOf(decoded.Record), first, decoded.Record.Location));
                            break;
                    }
                }

                records.Add(decoded.Record);
                times.Add(time);
            }

            report.Events += records.Count;
            if (records.Count > 0)
            {
                yield return new LogRecordBatch(records, times);
            }
        }
    }

    private static string EventIdOf(LogRecord record)
    {
        var members = new JsonObjectReader(record.Json.Span);
        while (members.MoveNext())
        {
            if (members.KeyEquals("eventID"u8))
            {
                return JsonString.GetString(members.Value);
            }
        }

        return "(unknown)";
    }

    // Files are decoded by worker threads into one bounded queue per file; the caller drains the queues in file
    // order. Workers take files in the same order, so the file at the head always has (or had) a worker.
    private IEnumerable<DecodedChunk> DecodeInOrder(IEnumerable<EvidenceFile> files, CancellationToken cancellationToken)
    {
        var parallelism = Math.Max(1, Options.Parallelism);
        var window = parallelism + 2;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var work = new BlockingCollection<FileJob>();
        var workers = new List<Thread>();
        for (var i = 0; i < parallelism; i++)
        {
            var thread = new Thread(() => Work(work, stop.Token)) { IsBackground = true, Name = $"evidence-decoder-{i}" };
            thread.Start();
            workers.Add(thread);
        }

        var inFlight = new Queue<FileJob>();
        using var enumerator = files.GetEnumerator();
        var more = true;
        try
        {
            while (true)
            {
                while (more && inFlight.Count < window)
                {
                    if (!enumerator.MoveNext())
                    {
                        more = false;
                        break;
                    }

                    var job = new FileJob(enumerator.Current);
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

                head.Output.Dispose();
                if (head.Failure is { } failure)
                {
                    throw new EvidenceReadException($"decoding {head.File.Path} failed: {failure.Message}", failure);
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

    private void Work(BlockingCollection<FileJob> work, CancellationToken token)
    {
        try
        {
            foreach (var job in work.GetConsumingEnumerable(token))
            {
                try
                {
                    EvidenceFileDecoder.Decode(job.File, Options, chunk => job.Output.Add(chunk, token));
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

    private sealed class FileJob(EvidenceFile file)
    {
        public EvidenceFile File { get; } = file;

        public BlockingCollection<DecodedChunk> Output { get; } = new(ChunksInFlightPerFile);

        public Exception? Failure { get; set; }
    }
}
