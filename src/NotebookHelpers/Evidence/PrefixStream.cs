namespace NotebookHelpers.Evidence;

/// <summary>A read-only stream that replays bytes already read while sniffing, then continues with the source.</summary>
internal sealed class PrefixStream(ReadOnlyMemory<byte> prefix, Stream source) : ReadOnlyForwardStream
{
    private ReadOnlyMemory<byte> _prefix = prefix;

    public override int Read(Span<byte> buffer)
    {
        if (!_prefix.IsEmpty)
        {
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        return source.Read(buffer);
    }
}
