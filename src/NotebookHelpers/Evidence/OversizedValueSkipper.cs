using System.Buffers;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Finds where a JSON value ends when it is too large to hold (a record past the size limit, a value padded with
/// gigabytes of whitespace), fed one buffer at a time, so the reader can skip it and go on with the rest of the
/// file in bounded memory. It only tracks strings, escapes and nesting; it does not validate what it skips.
/// </summary>
internal struct OversizedValueSkipper
{
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[]"u8);
    private static readonly SearchValues<byte> StringEnds = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> ScalarEnds = SearchValues.Create(" \t\r\n,]}"u8);

    private long _depth;
    private bool _started;
    private bool _inString;
    private bool _escaped;
    private bool _scalar;

    /// <summary>
    /// Consumes <paramref name="bytes"/>, the continuation of the value; returns how many bytes of it belong to the
    /// value once the value has ended in them, or -1 when it goes on past them.
    /// </summary>
    public int Advance(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (_inString)
            {
                if (_escaped)
                {
                    _escaped = false;
                    i++;
                    continue;
                }

                var next = bytes[i..].IndexOfAny(StringEnds);
                if (next < 0)
                {
                    return -1;
                }

                i += next;
                if (bytes[i] == '\\')
                {
                    _escaped = true;
                }
                else
                {
                    _inString = false;
                    if (_depth == 0)
                    {
                        return i + 1;
                    }
                }

                i++;
                continue;
            }

            if (!_started)
            {
                var first = Json.JsonScanner.SkipWhitespace(bytes, i);
                if (first >= bytes.Length)
                {
                    return -1;
                }

                _started = true;
                i = first;
                switch (bytes[i])
                {
                    case (byte)'"':
                        _inString = true;
                        break;
                    case (byte)'{' or (byte)'[':
                        _depth = 1;
                        break;
                    default:
                        _scalar = true;
                        break;
                }

                i++;
                continue;
            }

            if (_scalar)
            {
                var end = bytes[i..].IndexOfAny(ScalarEnds);
                return end < 0 ? -1 : i + end;
            }

            var at = bytes[i..].IndexOfAny(Structural);
            if (at < 0)
            {
                return -1;
            }

            i += at;
            switch (bytes[i])
            {
                case (byte)'"':
                    _inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    _depth++;
                    break;
                default:
                    if (--_depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }

            i++;
        }

        return -1;
    }
}
