using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Decompresses gzip and checks what <see cref="GZipStream"/> does not: that every member ends with its trailer.
/// GZipStream ends quietly when the file is cut short (a stopped download, a full disk), anywhere from its header to
/// its last byte, so a cut CloudTrail object would read as truncated JSON, or as complete. This throws
/// <see cref="InvalidDataException"/> naming the member and where it starts instead, which the reader reports as
/// <see cref="ReadProblemKind.CorruptCompression"/> after keeping every record read before it.
/// A file may hold several members one after another (RFC 1952 allows it: <c>cat a.gz b.gz</c>), and reads as their
/// data joined. Members are decoded one at a time, each with its own inflater, so each member's decompressed bytes
/// are known exactly. The inflater does not say how many input bytes it used, only that its deflate data ended in the
/// last read it was given; the trailer is looked for there: the first place in that read whose 8 bytes are the
/// CRC-32 and size of the member's bytes and are followed by the end of the file or another member's <c>1F 8B</c>.
/// In an ordinary file that is the only such place; a crafted deflate block could hold a copy of that trailer before
/// the real one, so this is a check against damage, not proof against forgery.
/// </summary>
internal sealed class CheckedGzipStream : ReadOnlyForwardStream
{
    private const int TrailerLength = 8;

    // Header flags (RFC 1952 section 2.3.1).
    private const int FlagHeaderCrc = 0x02;
    private const int FlagExtra = 0x04;
    private const int FlagName = 0x08;
    private const int FlagComment = 0x10;
    private const int FlagReserved = 0xE0;

    private readonly GzipMemberInput _input;
    private readonly Crc32 _crc = new();
    private DeflateStream? _deflate;
    private long _length;
    private long _memberStart;
    private int _member = -1;
    private bool _done;

    /// <summary>Decompresses <paramref name="compressed"/>, which it owns.</summary>
    public CheckedGzipStream(Stream compressed)
    {
        _input = new GzipMemberInput(compressed);
    }

    // Fills the buffer across member ends, so a member's trailer is checked before its last bytes are handed on (as
    // zlib does within one call): a damaged member is reported as such, not first read as garbage.
    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length && !_done)
        {
            if (_deflate is null)
            {
                StartMember();
                continue;
            }

            int n;
            try
            {
                n = _deflate.Read(buffer[total..]);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"the gzip member {_member + 1} that starts at compressed byte {_memberStart:N0} is damaged after {_length:N0} decompressed bytes: {e.Message}"), e);
            }

            if (n > 0)
            {
                _crc.Append(buffer.Slice(total, n));
                _length += n;
                total += n;
                continue;
            }

            EndMember();
        }

        return total;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _deflate?.Dispose();
            _input.Dispose();
        }

        base.Dispose(disposing);
    }

    // Reads the header of the member at the input's position; the first member must be there, a later one may not.
    private void StartMember()
    {
        var start = _input.Offset;
        if (_member >= 0 && _input.AtEnd())
        {
            _done = true;
            return;
        }

        _member++;
        _memberStart = start;
        _crc.Reset();
        _length = 0;
        Span<byte> fixedPart = stackalloc byte[10];
        for (var i = 0; i < fixedPart.Length; i++)
        {
            var b = _input.ReadByte();
            if (b < 0)
            {
                throw CutInHeader();
            }

            fixedPart[i] = (byte)b;
        }

        if (fixedPart[0] != 0x1F || fixedPart[1] != 0x8B || fixedPart[2] != 8 || (fixedPart[3] & FlagReserved) != 0)
        {
            throw new InvalidDataException(_member == 0
                ? "the compressed data does not start with a gzip header"
                : Describe($"is not a gzip header ({_memberStart:N0} compressed bytes of members come before it): the file is damaged or has bytes appended"));
        }

        var flags = fixedPart[3];
        if ((flags & FlagExtra) != 0)
        {
            var low = _input.ReadByte();
            var high = _input.ReadByte();
            if (high < 0)
            {
                throw CutInHeader();
            }

            Skip(low | (high << 8));
        }

        if ((flags & FlagName) != 0)
        {
            SkipZeroTerminated();
        }

        if ((flags & FlagComment) != 0)
        {
            SkipZeroTerminated();
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            Skip(2);
        }

        _deflate = new DeflateStream(_input, CompressionMode.Decompress, leaveOpen: true);
    }

    // The inflater returned nothing: either its deflate data ended (and the trailer follows) or the input did.
    private void EndMember()
    {
        _deflate!.Dispose();
        _deflate = null;
        if (_input.HitEnd)
        {
            throw new InvalidDataException(StopsWithoutTrailer());
        }

        var from = _input.LastReadStart;
        var window = _input.Window(from, TrailerLength + 2);
        var handed = (int)(_input.Offset - from);
        var crc = _crc.GetCurrentHashAsUInt32();
        var size = (uint)_length;

        // The deflate data used at least one byte of the last read and ended inside it.
        for (var end = 1; end <= handed; end++)
        {
            if (end + TrailerLength > window.Length
                || BinaryPrimitives.ReadUInt32LittleEndian(window[end..]) != crc
                || BinaryPrimitives.ReadUInt32LittleEndian(window[(end + 4)..]) != size)
            {
                continue;
            }

            var next = end + TrailerLength;
            // The window reaches 10 bytes past the last read unless the file ends sooner.
            if (next == window.Length || (next + 2 <= window.Length && window[next] == 0x1F && window[next + 1] == 0x8B))
            {
                _input.MoveTo(from + next);
                return;
            }
        }

        throw new InvalidDataException(StopsWithoutTrailer());
    }

    private string StopsWithoutTrailer() => _member == 0
        ? string.Create(CultureInfo.InvariantCulture, $"the compressed data stops without the gzip trailer of the {_length:N0} bytes it decompressed to: the file is cut short or damaged")
        : Describe($"stops without the trailer of the {_length:N0} bytes it decompressed to: the file is cut short or damaged");

    private InvalidDataException CutInHeader() => new(_member == 0
        ? string.Create(CultureInfo.InvariantCulture, $"the compressed data ends inside its gzip header ({_input.Offset:N0} bytes): the file is cut short")
        : Describe("ends inside its header: the file is cut short"));

    private string Describe(FormattableString what) => Describe(what.ToString(CultureInfo.InvariantCulture));

    private string Describe(string what) => string.Create(CultureInfo.InvariantCulture, $"the gzip member {_member + 1} that starts at compressed byte {_memberStart:N0} {what}");

    private void Skip(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (_input.ReadByte() < 0)
            {
                throw CutInHeader();
            }
        }
    }

    private void SkipZeroTerminated()
    {
        int b;
        while ((b = _input.ReadByte()) != 0)
        {
            if (b < 0)
            {
                throw CutInHeader();
            }
        }
    }
}
