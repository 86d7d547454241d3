namespace NotebookHelpers.WriteUp;

/// <summary>A file or folder of evidence, with the label a report calls it by.</summary>
/// <param name="Label">What the report calls it: the source parameter (<c>sample</c>, a path) or <c>evidence folder</c>.</param>
/// <param name="Path">The file or folder on disk.</param>
public sealed record EvidenceRoot(string Label, string Path);
