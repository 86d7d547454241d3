namespace NotebookHelpers.WriteUp;

/// <summary>One file of the evidence an incident report was written from.</summary>
/// <param name="Root">The label of the evidence root it belongs to (the source parameter, or the evidence folder).</param>
/// <param name="Path">Its path relative to that root, with <c>/</c> separators.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its SHA-256, lowercase hex.</param>
/// <param name="ManifestCheck">
/// For files of an nbh evidence folder: <c>matches manifest</c>, <c>differs from manifest</c> or <c>not in manifest</c>
/// (the folder's own bookkeeping files); null elsewhere.
/// </param>
public sealed record EvidenceFileEntry(string Root, string Path, long Size, string Sha256, string? ManifestCheck);
