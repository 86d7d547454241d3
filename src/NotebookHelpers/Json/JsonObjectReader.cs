namespace NotebookHelpers.Json;

/// <summary>
/// Enumerates the members of one JSON object without allocating: each step yields the key (raw, between its
/// quotes, still escaped) and the value's slice and kind, validated by <see cref="JsonScanner"/>. Values are
/// skipped, never decoded; decode the few you need with <see cref="JsonString"/>.
/// <code>
/// var members = new JsonObjectReader(record);
/// while (members.MoveNext()) { if (members.KeyEquals("eventID"u8)) id = members.Value; }
/// if (members.Status != JsonScanStatus.Ok) report(members.Error);
/// </code>
/// </summary>
public ref struct JsonObjectReader
{
    private readonly ReadOnlySpan<byte> _json;
    private int _pos;
    private bool _started;
    private bool _done;
    private bool _sawWhitespace;

    /// <summary>Starts at the object whose <c>{</c> is at or after <paramref name="start"/> (leading whitespace allowed).</summary>
    public JsonObjectReader(ReadOnlySpan<byte> json, int start = 0)
    {
        _json = json;
        _pos = start;
        Status = JsonScanStatus.Ok;
    }

    /// <summary>Ok while enumerating and after a clean end; otherwise why enumeration stopped.</summary>
    public JsonScanStatus Status { get; private set; }

    /// <summary>The problem when <see cref="Status"/> is not Ok.</summary>
    public JsonScanError Error { get; private set; }

    /// <summary>The current key's raw bytes between the quotes (escapes not decoded).</summary>
    public ReadOnlySpan<byte> RawKey { get; private set; }

    /// <summary>True when the current key contains escapes (compare decoded text then).</summary>
    public bool KeyHasEscapes { get; private set; }

    /// <summary>The current value's bytes, quotes included for strings.</summary>
    public readonly ReadOnlySpan<byte> Value => _json[ValueStart..ValueEnd];

    /// <summary>The current value's kind.</summary>
    public JsonTokenKind ValueKind { get; private set; }

    /// <summary>Offset of the current value in the span.</summary>
    public int ValueStart { get; private set; }

    /// <summary>Offset after the current value.</summary>
    public int ValueEnd { get; private set; }

    /// <summary>After a clean end: the offset just past the closing <c>}</c>.</summary>
    public readonly int End => _pos;

    /// <summary>True when the object contained insignificant whitespace so far (its bytes are not compact).</summary>
    public readonly bool SawWhitespace => _sawWhitespace;

    /// <summary>True when the current key is exactly <paramref name="key"/> (an escaped key never matches).</summary>
    public readonly bool KeyEquals(ReadOnlySpan<byte> key) => !KeyHasEscapes && RawKey.SequenceEqual(key);

    /// <summary>Moves to the next member; false at the end of the object or on an error (see <see cref="Status"/>).</summary>
    public bool MoveNext() => MoveNextKey() && SkipValue();

    /// <summary>
    /// Moves to the next key and stops before its value: <see cref="ValueStart"/> is the value's first byte and the
    /// value is not scanned. The caller then calls <see cref="SkipValue"/> or, having consumed the value itself,
    /// <see cref="ValueConsumed"/>. This lets a reader walk a large member (the <c>Records</c> array) only once.
    /// </summary>
    public bool MoveNextKey()
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
            pos = Ws(_pos);
            if (pos >= json.Length)
            {
                return Stop(JsonScanStatus.Incomplete, pos, JsonScanErrorKind.UnexpectedEnd);
            }

            if (json[pos] != '{')
            {
                return Stop(JsonScanStatus.Invalid, pos, JsonScanErrorKind.UnexpectedByte);
            }

            pos = Ws(pos + 1);
            if (pos >= json.Length)
            {
                return Stop(JsonScanStatus.Incomplete, pos, JsonScanErrorKind.UnexpectedEnd);
            }

            if (json[pos] == '}')
            {
                _pos = pos + 1;
                _done = true;
                return false;
            }
        }
        else
        {
            pos = Ws(ValueEnd);
            if (pos >= json.Length)
            {
                return Stop(JsonScanStatus.Incomplete, pos, JsonScanErrorKind.UnexpectedEnd);
            }

            if (json[pos] == '}')
            {
                _pos = pos + 1;
                _done = true;
                return false;
            }

            if (json[pos] != ',')
            {
                return Stop(JsonScanStatus.Invalid, pos, JsonScanErrorKind.ExpectedCommaOrEnd);
            }

            pos = Ws(pos + 1);
            if (pos >= json.Length)
            {
                return Stop(JsonScanStatus.Incomplete, pos, JsonScanErrorKind.UnexpectedEnd);
            }
        }

        if (json[pos] != '"')
        {
            return Stop(JsonScanStatus.Invalid, pos, JsonScanErrorKind.ExpectedKey);
        }

        var keyEnd = JsonScanner.SkipPlainString(json, pos);
        var keyEscapes = false;
        if (keyEnd < 0)
        {
            var keyStatus = JsonScanner.ScanString(json, pos, out keyEnd, out var failAt, out var failKind, out keyEscapes);
            if (keyStatus != JsonScanStatus.Ok)
            {
                return Stop(keyStatus, failAt, failKind);
            }
        }

        RawKey = json[(pos + 1)..(keyEnd - 1)];
        KeyHasEscapes = keyEscapes;
        pos = Ws(keyEnd);
        if (pos >= json.Length)
        {
            return Stop(JsonScanStatus.Incomplete, pos, JsonScanErrorKind.UnexpectedEnd);
        }

        if (json[pos] != ':')
        {
            return Stop(JsonScanStatus.Invalid, pos, JsonScanErrorKind.ExpectedColon);
        }

        pos = Ws(pos + 1);
        if (pos >= json.Length)
        {
            return Stop(JsonScanStatus.Incomplete, pos, JsonScanErrorKind.UnexpectedEnd);
        }

        ValueStart = pos;
        ValueEnd = pos;
        ValueKind = JsonScanner.KindOf(json[pos]);
        return true;
    }

    /// <summary>Scans the value after <see cref="MoveNextKey"/>; false (with <see cref="Status"/> set) when it is malformed.</summary>
    public bool SkipValue()
    {
        var status = JsonScanner.SkipValue(_json, ValueStart, out var start, out var end, out var kind, out var error, ref _sawWhitespace);
        if (status != JsonScanStatus.Ok)
        {
            return Stop(status, error.Offset, error.Kind);
        }

        ValueStart = start;
        ValueEnd = end;
        ValueKind = kind;
        return true;
    }

    /// <summary>Tells the reader the caller consumed the current value up to <paramref name="end"/>.</summary>
    public void ValueConsumed(int end) => ValueEnd = end;

    /// <summary>Stops enumeration with a problem the caller found inside a value it consumed itself.</summary>
    public void Fail(JsonScanStatus status, JsonScanError error) => Stop(status, error.Offset, error.Kind);

    private int Ws(int pos)
    {
        var next = JsonScanner.SkipWhitespace(_json, pos);
        if (next != pos)
        {
            _sawWhitespace = true;
        }

        return next;
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
