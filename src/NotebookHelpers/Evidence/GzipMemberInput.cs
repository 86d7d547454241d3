namespace NotebookHelpers.Evidence;

/// <summary>
/// The compressed bytes of a gzip file, handed to one member's inflater at a time. It keeps the bytes it last handed
/// out (the inflater may stop anywhere in them) and can read a few bytes ahead, so that when a member's deflate data
/// ends the reader can find its trailer and the next member in those bytes and hand them on from there.
/// </summary>
internal sealed class GzipMemberInput(Stream source) : ReadOnlyForwardStream
{
    // Bytes handed to the inflater per read; the inflater asks for 8 KB.
    private const int Chunk = 1 << 16;

    // Room past a chunk for a trailer and the start of the next header read ahead.
    private const int Slack = 64;

    private readonly byte[] _buffer = new byte[Chunk + (4 * Slack)];
    private long _bufferStart;
    private int _length;
    private int _position;
    private bool _ended;

    /// <summary>Offset in the file of the next byte to be handed out.</summary>
    public long Offset => _bufferStart + _position;

    /// <summary>Offset in the file of the first byte of the last read handed to the inflater.</summary>
    public long LastReadStart { get; private set; }

    /// <summary>Whether a read found no more compressed bytes.</summary>
    public bool HitEnd { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_position == _length && !Refill())
        {
            HitEnd = true;
            return 0;
        }

        var n = Math.Min(buffer.Length, _length - _position);
        LastReadStart = Offset;
        _buffer.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    /// <summary>The next byte, or -1 at the end of the file.</summary>
    public override int ReadByte()
    {
        if (_position == _length && !Refill())
        {
            HitEnd = true;
            return -1;
        }

        return _buffer[_position++];
    }

    /// <summary>
    /// The bytes from <paramref name="from"/> (at least <see cref="LastReadStart"/>) to at most <paramref name="ahead"/>
    /// bytes past those handed out so far, fewer where the file ends first.
    /// </summary>
    public ReadOnlySpan<byte> Window(long from, int ahead)
    {
        var start = (int)(from - _bufferStart);
        if (_length + ahead > _buffer.Length)
        {
            // Keep from the requested start; a chunk plus the slack always fits.
            _buffer.AsSpan(start, _length - start).CopyTo(_buffer);
            _bufferStart += start;
            _length -= start;
            _position -= start;
            start = 0;
        }

        while (!_ended && _length < _position + ahead && _length < _buffer.Length)
        {
            var n = source.Read(_buffer.AsSpan(_length, Math.Min(_position + ahead, _buffer.Length) - _length));
            if (n <= 0)
            {
                _ended = true;
            }

            _length += n > 0 ? n : 0;
        }

        return _buffer.AsSpan(start, _length - start);
    }

    /// <summary>Hands out bytes from <paramref name="offset"/> next, which must be inside the last <see cref="Window"/>.</summary>
    public void MoveTo(long offset)
    {
        _position = (int)(offset - _bufferStart);
        HitEnd = false;
    }

    /// <summary>Whether the file has no bytes after those handed out.</summary>
    public bool AtEnd()
    {
        Window(Offset, 1);
        return _position == _length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            source.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool Refill()
    {
        if (_ended)
        {
            return false;
        }

        _bufferStart += _length;
        _position = 0;
        _length = 0;
        var n = source.Read(_buffer.AsSpan(0, Chunk));
        if (n <= 0)
        {
            _ended = true;
            return false;
        }

        _length = n;
        return true;
    }
}
