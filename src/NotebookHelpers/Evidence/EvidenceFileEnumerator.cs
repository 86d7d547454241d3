using System.Globalization;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Lists the files behind the paths a user gave, lazily and in a stable order (ordinal by name, depth first), so
/// reruns produce byte-identical output. CloudTrail objects whose delivery time (from the name) or date folder
/// (<c>.../YYYY/MM/DD/</c>) lies outside the time range are pruned before they are opened.
/// </summary>
internal sealed class EvidenceFileEnumerator
{
    private readonly TimeRange _range;
    private readonly TimeSpan _margin;
    private readonly ReadReport _report;

    public EvidenceFileEnumerator(TimeRange range, TimeSpan margin, ReadReport report)
    {
        _range = range;
        _margin = margin;
        _report = report;
    }

    public IEnumerable<EvidenceFile> Enumerate(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Walk(path, depthDate: null))
                {
                    yield return file;
                }
            }
            else if (File.Exists(path))
            {
                var name = CloudTrailObjectName.TryParse(Path.GetFileName(path));
                yield return new EvidenceFile(path, InDirectory: false, name?.IsDigest == true);
            }
            else
            {
                throw new FileNotFoundException($"no such file or directory: {path}", path);
            }
        }
    }

    // A log object delivered at T holds events up to T: prune when T is before the start, or later than end + margin.
    internal bool OutsideRange(DateTimeOffset deliveredAt) =>
        (_range.Start is { } start && deliveredAt < start) ||
        (_range.End is { } end && deliveredAt > end + _margin);

    private bool DayOutsideRange(DateTime day) =>
        (_range.Start is { } start && new DateTimeOffset(day.AddDays(1), TimeSpan.Zero) < start) ||
        (_range.End is { } end && new DateTimeOffset(day, TimeSpan.Zero) > end + _margin);

    private IEnumerable<EvidenceFile> Walk(string directory, int? depthDate)
    {
        var entries = new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo sub)
            {
                if (EvidenceStaging.IsStagingFolder(sub))
                {
                    continue;
                }

                if (!_range.IsUnbounded && IsDateFolder(sub, out var day) && DayOutsideRange(day))
                {
                    _report.FilesPruned += CountFiles(sub);
                    continue;
                }

                foreach (var file in Walk(sub.FullName, depthDate))
                {
                    yield return file;
                }

                continue;
            }

            // A digest's S3 metadata (its signature) belongs to log validation, not to the events.
            if (Integrity.S3ObjectMetadata.IsMetadataFile(entry.Name))
            {
                continue;
            }

            var name = CloudTrailObjectName.TryParse(entry.Name);
            if (name is { IsDigest: false } && !_range.IsUnbounded && OutsideRange(name.DeliveredAt))
            {
                _report.FilesPruned++;
                continue;
            }

            yield return new EvidenceFile(entry.FullName, InDirectory: true, name?.IsDigest == true, (entry as FileInfo)?.Length);
        }
    }

    private static int CountFiles(DirectoryInfo directory) =>
        directory.EnumerateFiles("*", SearchOption.AllDirectories).Count(f => CloudTrailObjectName.TryParse(f.Name) is { IsDigest: false });

    // .../YYYY/MM/DD as in AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/
    private static bool IsDateFolder(DirectoryInfo folder, out DateTime day)
    {
        day = default;
        var month = folder.Parent;
        var year = month?.Parent;
        return folder.Name.Length == 2 && month?.Name.Length == 2 && year?.Name.Length == 4 &&
               DateTime.TryParseExact($"{year.Name}-{month.Name}-{folder.Name}", "yyyy-MM-dd", CultureInfo.InvariantCulture,
                   DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out day);
    }
}
