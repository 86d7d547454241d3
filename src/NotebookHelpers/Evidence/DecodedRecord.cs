using NotebookHelpers.Events;

namespace NotebookHelpers.Evidence;

/// <summary>
/// A record plus what the decoder extracted for deduplication and time filtering. <see cref="Record"/> is null
/// when the record lacks a field the query requires (<see cref="EvidenceReaderOptions.RequiredKeys"/>): such a
/// record is still deduplicated and counted, from <see cref="Json"/> and <see cref="Location"/>, but no
/// <see cref="LogRecord"/> is made for it. <see cref="DuplicateKey"/> is the record's first repeated object key
/// (<see cref="Json.JsonDuplicateKeys.FindInValidated"/>), found by the decoding worker, in parallel, not on the
/// reader's one consuming thread: it is one more vectorised pass over every record's bytes.
/// </summary>
internal readonly record struct DecodedRecord(
    LogRecord? Record, ReadOnlyMemory<byte> Json, EvidenceLocation Location, long EventTimeTicks, bool HasEventId, RecordHash EventIdHash, RecordHash ContentHash,
    (string Key, int Offset, int FirstOffset)? DuplicateKey);
