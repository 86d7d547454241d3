namespace NotebookHelpers.Evidence;

/// <summary>One problem met while reading: where, what kind, and a one-line reason.</summary>
/// <param name="Location">File, archive entry and line or byte offset.</param>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Reason">A one-line explanation.</param>
public sealed record ReadProblem(EvidenceLocation Location, ReadProblemKind Kind, string Reason)
{
    /// <summary>
    /// True for notices about data that was still read completely (a BOM, an oversized event): these never fail a
    /// strict read and are not counted as skipped.
    /// </summary>
    public bool IsNotice => IsNoticeKind(Kind);

    /// <summary>True for the kinds that are notices (see <see cref="IsNotice"/>).</summary>
    public static bool IsNoticeKind(ReadProblemKind kind) =>
        kind is ReadProblemKind.ByteOrderMark or ReadProblemKind.OversizedEvent or ReadProblemKind.InvalidUtf8 or ReadProblemKind.FolderSeenBefore or ReadProblemKind.DuplicateKey;

    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Reason}";
}
