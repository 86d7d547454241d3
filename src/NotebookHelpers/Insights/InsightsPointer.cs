using NotebookHelpers.Evidence;

namespace NotebookHelpers.Insights;

/// <summary>
/// The offline <c>@ptr</c>. On AWS it is an opaque token for GetLogRecord; offline it is the event's evidence location
/// (<c>path[!entry]@byte N</c> or <c>path:line N</c>), which is stable across runs, unique per record, and tells an
/// analyst where to look.
/// </summary>
public static class InsightsPointer
{
    /// <summary>The pointer for a record at <paramref name="location"/>.</summary>
    public static string Format(EvidenceLocation location) => location.ToString();
}
