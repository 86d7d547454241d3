using System.Globalization;
using System.Text;

namespace NotebookHelpers.Evidence;

/// <summary>
/// What a read did: files, records, events, what was skipped and why, duplicates, conflicts and digests. It fills
/// as the read advances (in the deterministic output order) and is complete when enumeration ends.
/// Records = events returned + duplicates dropped + events outside the time range.
/// </summary>
public sealed class ReadReport
{
    private readonly List<ReadProblem> _problems = [];
    private readonly List<EventConflict> _conflicts = [];
    private readonly Dictionary<EvidenceFormat, int> _formats = [];
    private readonly Dictionary<ReadProblemKind, int> _problemCounts = [];
    private readonly List<string> _ignored = [];
    private readonly int _maxListed;

    /// <summary>Creates an empty report that lists at most <paramref name="maxListedProblems"/> problems in detail.</summary>
    public ReadReport(int maxListedProblems = 1000)
    {
        _maxListed = maxListedProblems;
    }

    /// <summary>Files (and archive entries) opened and decoded, digests included.</summary>
    public int FilesRead { get; internal set; }

    /// <summary>CloudTrail objects not opened because their name (or date folder) lies outside the time range.</summary>
    public int FilesPruned { get; internal set; }

    /// <summary>Files in a directory that are not evidence (README.md, LICENSE, images): not opened further, not counted as problems.</summary>
    public IReadOnlyList<string> IgnoredFiles => _ignored;

    /// <summary>CloudTrail records read (before deduplication and time filtering).</summary>
    public long Records { get; internal set; }

    /// <summary>Events returned.</summary>
    public long Events { get; internal set; }

    /// <summary>Identical copies of an already-returned event (same eventID, same content), dropped.</summary>
    public long Duplicates { get; internal set; }

    /// <summary>Records whose event time lies outside the requested range.</summary>
    public long OutsideTimeRange { get; internal set; }

    /// <summary>Same eventID, different content: both copies are returned; each pair is listed here.</summary>
    public IReadOnlyList<EventConflict> Conflicts => _conflicts;

    /// <summary>Number of conflicts (all counted, the first <c>MaxListedProblems</c> listed).</summary>
    public long ConflictCount { get; internal set; }

    /// <summary>CloudTrail digest files recognised (by name or content).</summary>
    public int DigestFiles { get; internal set; }

    /// <summary>Problems that lost data (records or parts of files skipped), notices excluded.</summary>
    public long Skipped { get; internal set; }

    /// <summary>Every problem and notice, in output order (the first <c>MaxListedProblems</c>).</summary>
    public IReadOnlyList<ReadProblem> Problems => _problems;

    /// <summary>Problems and notices counted by kind.</summary>
    public IReadOnlyDictionary<ReadProblemKind, int> ProblemCounts => _problemCounts;

    /// <summary>Files counted by detected format.</summary>
    public IReadOnlyDictionary<EvidenceFormat, int> FilesByFormat => _formats;

    /// <summary>A multi-line human summary, as <c>nbh events</c> prints it to stderr.</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.Append(c, $"files read: {FilesRead:N0}");
        if (_formats.Count > 0)
        {
            sb.Append(" (").AppendJoin(", ", _formats.OrderBy(f => f.Key).Select(f => string.Create(c, $"{f.Key} {f.Value:N0}"))).Append(')');
        }

        sb.AppendLine();
        if (FilesPruned > 0)
        {
            sb.AppendLine(string.Create(c, $"files pruned by name (outside the time range): {FilesPruned:N0}"));
        }

        if (_ignored.Count > 0)
        {
            sb.AppendLine(string.Create(c, $"files ignored (not evidence): {_ignored.Count:N0}"));
        }

        sb.AppendLine(string.Create(c, $"records: {Records:N0}"));
        sb.AppendLine(string.Create(c, $"events: {Events:N0}"));
        sb.AppendLine(string.Create(c, $"duplicates: {Duplicates:N0}"));
        sb.AppendLine(string.Create(c, $"conflicts: {ConflictCount:N0}"));
        if (OutsideTimeRange > 0)
        {
            sb.AppendLine(string.Create(c, $"outside the time range: {OutsideTimeRange:N0}"));
        }

        sb.AppendLine(string.Create(c, $"digest files: {DigestFiles:N0}"));
        sb.Append(c, $"skipped: {Skipped:N0}");
        var lost = _problemCounts.Where(p => !ReadProblem.IsNoticeKind(p.Key)).OrderBy(p => p.Key).ToList();
        if (lost.Count > 0)
        {
            sb.Append(" (").AppendJoin(", ", lost.Select(p => string.Create(c, $"{p.Key} {p.Value:N0}"))).Append(')');
        }

        sb.AppendLine();
        var notices = _problemCounts.Where(p => ReadProblem.IsNoticeKind(p.Key)).OrderBy(p => p.Key).ToList();
        if (notices.Count > 0)
        {
            sb.Append("notices: ").AppendJoin(", ", notices.Select(p => string.Create(c, $"{p.Key} {p.Value:N0}"))).AppendLine();
        }

        return sb.ToString();
    }

    internal void AddProblem(ReadProblem problem)
    {
        _problemCounts[problem.Kind] = _problemCounts.GetValueOrDefault(problem.Kind) + 1;
        if (!problem.IsNotice)
        {
            Skipped++;
        }

        if (_problems.Count < _maxListed)
        {
            _problems.Add(problem);
        }
    }

    internal void AddConflict(EventConflict conflict)
    {
        ConflictCount++;
        if (_conflicts.Count < _maxListed)
        {
            _conflicts.Add(conflict);
        }
    }

    internal void AddFormat(EvidenceFormat format) => _formats[format] = _formats.GetValueOrDefault(format) + 1;

    internal void AddIgnored(string path) => _ignored.Add(path);
}
