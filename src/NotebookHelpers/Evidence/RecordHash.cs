namespace NotebookHelpers.Evidence;

/// <summary>
/// A 128-bit XxHash128 value (<see cref="RecordFingerprint"/>) as two 64-bit halves. Not <see cref="UInt128"/>:
/// crossgen2 precompiles no method that holds an <see cref="UInt128"/> (its layout may change between runtime
/// versions), so every method of the reader's per-record path that touched one (the decoder's record emitter, the
/// deduplicator, the batch loop) was JIT-compiled at the start of every <c>nbh</c> command (docs/performance.md,
/// issue 16 fourth round).
/// </summary>
internal readonly record struct RecordHash(ulong High, ulong Low);
