using NotebookHelpers.Events;

namespace NotebookHelpers.Insights;

/// <summary>A run of records in input order, optionally with their event times already known.</summary>
/// <param name="Records">The records.</param>
/// <param name="EventTimes">The event time of each record (parallel to <paramref name="Records"/>), or null to read it from the JSON.</param>
public sealed record RecordBatch(IReadOnlyList<LogRecord> Records, IReadOnlyList<DateTimeOffset>? EventTimes = null);
