namespace NotebookHelpers.Evidence;

/// <summary>One file to decode, in output order; <see cref="IsDigestByName"/> files are counted without decoding.</summary>
/// <param name="Path">The file on disk.</param>
/// <param name="InDirectory">True when found by walking a directory (non-evidence files there are ignored quietly).</param>
/// <param name="IsDigestByName">True when the name is a CloudTrail digest name.</param>
/// <param name="Size">The file's size when the directory walk already knows it (it groups small files into one job).</param>
internal sealed record EvidenceFile(string Path, bool InDirectory, bool IsDigestByName, long? Size = null);
