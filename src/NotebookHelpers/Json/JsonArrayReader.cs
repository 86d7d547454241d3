namespace NotebookHelpers.Json;

/// <summary>
/// Enumerates the elements of one JSON array without allocating; each step yields the element's slice and kind,
/// validated by <see cref="JsonScanner"/>. This is how <c>{"Records":[...]}</c> is split into records.
/// </summary>
public ref struct JsonArrayReader
{
    private readonly ReadOnlySpan<byte> _json;
    private int _pos;
    private bool _started;
    private bool _done;
    private bool _sawWhitespace;

    /// <summary>Starts at the array whose <c>[</c> is at or after <paramref name="start"/>.</summary>
    public JsonArrayReader(ReadOnlySpan<byte> json, int start = 0)
    {
        _json = json;
        _pos = start;
        Status = JsonScanStatus.Ok;
    }

    /// <summary>Ok while enumerating and after a clean end; otherwise why enumeration stopped.</summary>
    public JsonScanStatus Status { get; private set; }

    /// <summary>The problem when <see cref="Status"/> is not Ok.</summary>
    public JsonScanError Error { get; private set; }

    /// <summary>The current element's bytes.</summary>
    public readonly ReadOnlySpan<byte> Value => _json[ValueStart..ValueEnd];

    /// <summary>The current element's kind.</summary>
    public JsonTokenKind ValueKind { get; private set; }

    /// <summary>Offset of the current element.</summary>
    public int ValueStart { get; private set; }

    /// <summary>Offset after the current element.</summary>
    public int ValueEnd { get; private set; }

    /// <summary>After a clean end: the offset just past the closing <c>]</c>.</summary>
    public readonly int End => _pos;

    /// <summary>True when the current element contained insignificant whitespace; reset for each element.</summary>
    public readonly bool ElementSawWhitespace => _sawWhitespace;

    /// <summary>Moves to the next element; false at the end of the array or on an error (see <see cref="Status"/>).</summary>
    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        var json = _json;
        int pos;
        if (!_started)
        {
            _started = true;
            pos = JsonScanner.SkipWhitespace(json, _pos);
            if (pos >= json.Length)
            {
                return Stop(JsonScanStatus.Incomplete, pos, JsonScanErrorKind.UnexpectedEnd);
            }

            if (json[pos] != '[')
            {
                return Stop(JsonScanStatus.Invalid, pos, JsonScanErrorKind.UnexpectedByte);
            }

            pos = JsonScanner.SkipWhitespace(json, pos + 1);
            if (pos >= json.Length)
            {
                return Stop(JsonScanStatus.Incomplete, pos, JsonScanErrorKind.UnexpectedEnd);
            }

            if (json[pos] == ']')
            {
                _pos = pos + 1;
                _done = true;
                return false;
            }
        }
        else
        {
            pos = JsonScanner.SkipWhitespace(json, ValueEnd);
            if (pos >= json.Length)
            {
                return Stop(JsonScanStatus.Incomplete, pos, JsonScanErrorKind.UnexpectedEnd);
            }

            if (json[pos] == ']')
            {
                _pos = pos + 1;
                _done = true;
                return false;
            }

            if (json[pos] != ',')
            {
                return Stop(JsonScanStatus.Invalid, pos, JsonScanErrorKind.ExpectedCommaOrEnd);
            }

            pos++;
        }

        _sawWhitespace = false;
        var status = JsonScanner.SkipValue(json, pos, out var start, out var end, out var kind, out var error, ref _sawWhitespace);
        if (status != JsonScanStatus.Ok)
        {
            return Stop(status, error.Offset, error.Kind);
        }

        ValueStart = start;
        ValueEnd = end;
        ValueKind = kind;
        return true;
    }

    private bool Stop(JsonScanStatus status, int offset, JsonScanErrorKind kind)
    {
        Status = status;
        Error = new JsonScanError(offset, kind);
        _done = true;
        ValueKind = JsonTokenKind.None;
        return false;
    }
}
