using NotebookHelpers.Events;

namespace NotebookHelpers.Evidence;

/// <summary>A record plus what the decoder extracted for deduplication and time filtering.</summary>
internal readonly record struct DecodedRecord(LogRecord Record, long EventTimeTicks, bool HasEventId, UInt128 EventIdHash, UInt128 ContentHash);
