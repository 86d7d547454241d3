using System.Buffers;

namespace NotebookHelpers.Evidence;

/// <summary>
/// The buffers one file is decoded into. Records handed out as <see cref="Events.LogRecord"/>s point into them for
/// as long as the caller holds the records, so those buffers are never reused. But when a query's required fields
/// (<see cref="EvidenceReaderOptions.RequiredKeys"/>) select the records, the decoder copies the few it keeps, nothing
/// else outlives the reader's own pass, and the buffers go back to a pool once the reader has finished with the file
/// (<see cref="DecodedChunk.ReturnBuffers"/>). Reusing them saves the page faults and garbage collections of
/// allocating every decompressed byte afresh.
/// </summary>
internal sealed class DecodeBuffers
{
    // A long stream (JSON Lines, exports) would hold every chunk it read until its end: past this, stop pooling.
    private const int MaxTracked = 16;

    private readonly ArrayPool<byte>? _pool;
    private List<byte[]>? _tracked = [];

    /// <summary>Creates the set; without a pool every buffer is a new array.</summary>
    public DecodeBuffers(ArrayPool<byte>? pool)
    {
        _pool = pool;
    }

    /// <summary>
    /// A pool for one read: large enough for a file read in one piece (16 MB), with room for the buffers of every
    /// file in flight (a few jobs of up to 8 small files). It is dropped with the read.
    /// </summary>
    public static ArrayPool<byte> CreatePool() => ArrayPool<byte>.Create(maxArrayLength: 32 << 20, maxArraysPerBucket: 48);

    /// <summary>True when buffers come from a pool: a record kept from them must own a copy of its bytes.</summary>
    public bool IsPooled => _pool is not null;

    /// <summary>A buffer of at least <paramref name="size"/> bytes.</summary>
    public byte[] Allocate(int size)
    {
        if (_pool is null || _tracked is null || _tracked.Count >= MaxTracked || size > 32 << 20)
        {
            _tracked = null;
            return GC.AllocateUninitializedArray<byte>(size);
        }

        var buffer = _pool.Rent(size);
        _tracked.Add(buffer);
        return buffer;
    }

    /// <summary>A record now points into the buffers: none of them may be reused.</summary>
    public void Escaped() => _tracked = null;

    /// <summary>The buffers to return once the file's chunks are consumed, or null when they must not be reused.</summary>
    public List<byte[]>? Returnable() => _tracked is { Count: > 0 } ? _tracked : null;

    /// <summary>Gives buffers back for reuse; call only when nothing refers to them any more.</summary>
    public static void Return(ArrayPool<byte> pool, List<byte[]> buffers)
    {
        foreach (var buffer in buffers)
        {
            pool.Return(buffer);
        }
    }
}
