using NotebookHelpers.Events;

namespace NotebookHelpers.Insights;

/// <summary>
/// An independent slice of the input (a file, or a chunk of in-memory records) that one worker reads from start to
/// end. The offline engine runs partitions in parallel and merges the workers' results; partition order and record
/// order inside a partition are the input order that breaks ties.
/// </summary>
public abstract class RecordPartition
{
    /// <summary>A name for progress and problem messages (usually the file path).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Reads the records. Problems that do not stop the partition (a malformed record, a duplicate) go to
    /// <paramref name="reportProblem"/> as one line each, naming the file and position; a problem that stops the
    /// partition may be thrown as an <see cref="IOException"/> or <see cref="InvalidDataException"/>, which the engine
    /// reports the same way while the other partitions go on.
    /// </summary>
    public abstract IEnumerable<LogRecord> Read(Action<string> reportProblem, CancellationToken cancellationToken);

    /// <summary>A partition over records already in memory.</summary>
    public static RecordPartition FromRecords(string name, IEnumerable<LogRecord> records) => new InMemoryPartition(name, records);

    private sealed class InMemoryPartition(string name, IEnumerable<LogRecord> records) : RecordPartition
    {
        public override string Name => name;

        public override IEnumerable<LogRecord> Read(Action<string> reportProblem, CancellationToken cancellationToken) => records;
    }
}
