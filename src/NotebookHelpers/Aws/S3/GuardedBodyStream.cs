namespace NotebookHelpers.Aws.S3;

/// <summary>
/// An S3 object's body as it is read into the evidence folder: each read must bring data within the idle timeout
/// (an object that stops answering ends instead of hanging for minutes), and reading stops one byte past the size
/// the listing gave (a body longer than listed is refused instead of filling the disk).
/// </summary>
internal sealed class GuardedBodyStream(Stream inner, TimeSpan idleTimeout, long maxBytes) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

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

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
