using NotebookHelpers.SampleIncident.Attack;

namespace NotebookHelpers.SampleIncident.Output;

/// <summary>A delivered log object the story deleted, what it held, and the digest that still lists it.</summary>
internal sealed record DeletedLogObject(DeliveredLogFile File, string Digest, LogObjectDeletion Deletion, IReadOnlyList<DeletedRecord> Records);
