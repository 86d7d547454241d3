namespace NotebookHelpers.Aws.S3;

/// <summary>
/// An S3 object's body as it is read into the evidence folder: each read must bring data within the idle timeout
/// (an object that stops answering ends instead of hanging for minutes), and reading stops one byte past the size
/// the listing gave (a body longer than listed is refused instead of filling the disk).
/// </summary>
internal sealed class GuardedBodyStream(Stream inner, TimeSpan idleTimeout, long maxBytes) : Evidence.ReadOnlyForwardStream
{
    private long _read;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_read > maxBytes)
        {
            throw new InvalidDataException($"the body is longer than the {maxBytes:N0} bytes listed");
        }

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(idleTimeout);
        int n;
        try
        {
            // One byte past the listed size is enough to know the body is too long.
            var room = (int)Math.Min(buffer.Length, maxBytes + 1 - _read);
            n = await inner.ReadAsync(buffer[..room], idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no data for {idleTimeout.TotalSeconds:0} s");
        }

        _read += n;
        if (_read > maxBytes)
        {
            throw new InvalidDataException($"the body is longer than the {maxBytes:N0} bytes listed");
        }

        return n;
    }

    // The evidence folder reads asynchronously; a synchronous reader gets the same guards.
    public override int Read(Span<byte> buffer)
    {
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var n = ReadAsync(rented.AsMemory(0, buffer.Length)).AsTask().GetAwaiter().GetResult();
            rented.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
