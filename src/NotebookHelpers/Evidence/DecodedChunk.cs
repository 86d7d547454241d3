namespace NotebookHelpers.Evidence;

/// <summary>
/// What a file decoder hands to the reader's ordered output: a run of records and the problems met while
/// producing them, or the file's closing summary.
/// </summary>
internal sealed class DecodedChunk
{
    public List<DecodedRecord> Records { get; } = [];

    public List<ReadProblem> Problems { get; } = [];

    /// <summary>Set on a file's last chunk.</summary>
    public FileOutcome? Outcome { get; set; }

    /// <summary>On a file's last chunk: decode buffers the reader may reuse once it has consumed the chunk (<see cref="DecodeBuffers"/>).</summary>
    public List<byte[]>? ReturnBuffers { get; set; }
}

/// <summary>How one file (or archive entry) was classified.</summary>
internal sealed record FileOutcome(EvidenceFormat? Format, bool Ignored, string DisplayPath);
