using NotebookHelpers.Json;

namespace NotebookHelpers.Benchmarks.Fuzz;

/// <summary>
/// Random inputs for the scanner fuzzer: grammar-aware JSON (objects, arrays, strings with escape runs, <c>\u</c>
/// escapes, raw control and non-ASCII bytes, numbers and literals both valid and malformed, whitespace runs, nesting
/// near <see cref="JsonScanner.MaxDepth"/>), then damaged — bytes flipped, inserted, deleted or duplicated, mostly
/// next to the 64-byte block boundaries measured from the value start — behind random leading bytes, and sometimes
/// cut short.
/// </summary>
internal sealed class FuzzJsonGenerator(Random random)
{
    private static readonly byte[] Specials = "{}[]\":,\\ \t\r\n0123456789-+.eEtrufalsn/bu\x01\x1f\x7f\x80\xff"u8.ToArray();
    private static readonly byte[] Whitespace = " \t\r\n"u8.ToArray();
    private static readonly byte[] EscapeLetters = "\"\\/bfnrtu x0\n'"u8.ToArray();
    private static readonly byte[] HexDigits = "0123456789abcdefABCDEFgG"u8.ToArray();
    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "12", "0.5", "-0.5", "1e5", "1E+5", "1e-05", "-12.75e+3", "123456789012345678901234567890",
        "-", "01", "1.", ".5", "1e", "1e+", "--1", "+1", "1.e5", "0x1", "1.5.5", "-a", "1ee2", "00",
    ];
    private static readonly string[] Literals = ["true", "false", "null", "tru", "fals", "nul", "trUe", "nulll", "t", "f", "n", "True", "NaN"];

    private readonly List<byte> _bytes = new(4096);

    // Half of the inputs are generated well-formed and only damaged by the mutations afterwards (one wrong byte in
    // an otherwise valid record is what the validator must not miss); the other half have malformed pieces anywhere.
    private bool _clean;

    /// <summary>
    /// One input: the buffer and the position the scan starts from (after the leading junk; the value itself may
    /// be preceded by whitespace).
    /// </summary>
    public (byte[] Json, int Pos) Next()
    {
        _bytes.Clear();
        _clean = random.Next(2) == 0;
        var padding = random.Next(4) == 0 ? 0 : random.Next(130);
        for (var i = 0; i < padding; i++)
        {
            _bytes.Add(random.Next(3) == 0 ? Specials[random.Next(Specials.Length)] : (byte)'x');
        }

        if (random.Next(4) == 0)
        {
            AddWhitespace(1 + random.Next(8));
        }

        var valueStart = _bytes.Count;
        if (random.Next(25) == 0)
        {
            DeepValue();
        }
        else
        {
            Value(0, random.Next(3) == 0 ? 6 : 3, container: true);
        }

        if (random.Next(3) == 0)
        {
            // Something after the value: the scanners must stop at the same place.
            AddWhitespace(random.Next(3));
            _bytes.Add(Specials[random.Next(Specials.Length)]);
        }

        Mutate(valueStart);
        var json = _bytes.ToArray();
        if (random.Next(5) == 0 && json.Length > padding)
        {
            // Cut short, often right at or next to a block boundary.
            var cut = random.Next(2) == 0
                ? valueStart + (64 * (1 + random.Next(4))) + random.Next(-3, 4)
                : padding + random.Next(json.Length - padding + 1);
            json = json.AsSpan(0, Math.Clamp(cut, padding, json.Length)).ToArray();
        }

        return (json, padding);
    }

    private void Value(int depth, int maxDepth, bool container = false)
    {
        var choice = container ? random.Next(2) : depth >= maxDepth ? 2 + random.Next(4) : random.Next(8);
        switch (choice)
        {
            case 0 or 6:
                Object(depth, maxDepth);
                break;
            case 1 or 7:
                Array(depth, maxDepth);
                break;
            case 2:
                String();
                break;
            case 3:
                Number();
                break;
            case 4:
                Literal();
                break;
            default:
                String();
                break;
        }
    }

    private void Object(int depth, int maxDepth)
    {
        _bytes.Add((byte)'{');
        MaybeWhitespace();
        var members = random.Next(random.Next(4) == 0 ? 12 : 4);
        for (var m = 0; m < members; m++)
        {
            if (m > 0)
            {
                _bytes.Add((byte)',');
                MaybeWhitespace();
            }

            String();
            MaybeWhitespace();
            _bytes.Add((byte)':');
            MaybeWhitespace();
            Value(depth + 1, maxDepth);
            MaybeWhitespace();
        }

        _bytes.Add((byte)'}');
    }

    private void Array(int depth, int maxDepth)
    {
        _bytes.Add((byte)'[');
        MaybeWhitespace();
        var elements = random.Next(random.Next(4) == 0 ? 12 : 4);
        for (var e = 0; e < elements; e++)
        {
            if (e > 0)
            {
                _bytes.Add((byte)',');
                MaybeWhitespace();
            }

            Value(depth + 1, maxDepth);
            MaybeWhitespace();
        }

        _bytes.Add((byte)']');
    }

    // Nesting at the limit: 250..260 levels of arrays and objects around a scalar, closed in reverse order.
    private void DeepValue()
    {
        var depth = JsonScanner.MaxDepth - 6 + random.Next(11);
        var closers = new Stack<byte>();
        for (var d = 0; d < depth; d++)
        {
            if (random.Next(2) == 0)
            {
                _bytes.Add((byte)'[');
                closers.Push((byte)']');
            }
            else
            {
                _bytes.AddRange("{\"k\":"u8);
                closers.Push((byte)'}');
            }

            if (random.Next(20) == 0)
            {
                AddWhitespace(1);
            }
        }

        Value(depth, depth);
        while (closers.Count > 0)
        {
            _bytes.Add(closers.Pop());
        }
    }

    private void String()
    {
        _bytes.Add((byte)'"');
        var pieces = random.Next(random.Next(5) == 0 ? 20 : 5);
        for (var p = 0; p < pieces; p++)
        {
            var piece = random.Next(12);
            if (_clean && piece is 6 or 7)
            {
                piece = 0;
            }

            switch (piece)
            {
                case 0 or 1 or 2:
                    for (var n = random.Next(random.Next(6) == 0 ? 200 : 12); n > 0; n--)
                    {
                        _bytes.Add((byte)random.Next('a', 'z' + 1));
                    }

                    break;
                case 3 or 4:
                    // A run of 1..9 backslashes and what follows it: escaped or escaping, depending on the parity.
                    var run = 1 + random.Next(9);
                    for (var n = run; n > 0; n--)
                    {
                        _bytes.Add((byte)'\\');
                    }

                    var letter = EscapeLetters[random.Next(EscapeLetters.Length)];
                    if (_clean && (run % 2 == 1 ? "\"\\/bfnrt"u8.IndexOf(letter) < 0 : letter is (byte)'"' or (byte)'\\' or < 0x20))
                    {
                        letter = run % 2 == 1 ? (byte)'"' : (byte)'x';
                    }

                    _bytes.Add(letter);
                    break;
                case 5:
                    // \u with 0..4 (mostly 4) hex digits, some not hex.
                    _bytes.AddRange("\\u"u8);
                    for (var n = random.Next(3) == 0 && !_clean ? random.Next(5) : 4; n > 0; n--)
                    {
                        _bytes.Add(HexDigits[random.Next(_clean ? 22 : HexDigits.Length)]);
                    }

                    break;
                case 6:
                    _bytes.Add((byte)random.Next(0x20));
                    break;
                case 7:
                    _bytes.Add((byte)random.Next(0x80, 0x100));
                    break;
                case 8:
                    _bytes.AddRange("é€𝄞"u8);
                    break;
                case 9:
                    // Structural bytes inside a string are data.
                    _bytes.Add("{}[]:, \t"u8[random.Next(_clean ? 7 : 8)]);
                    break;
                case 10:
                    _bytes.AddRange("\\\""u8);
                    break;
                default:
                    _bytes.AddRange("\\n\\t\\/"u8);
                    break;
            }
        }

        _bytes.Add((byte)'"');
    }

    private void Number()
    {
        var number = random.Next(4) == 0 && !_clean ? Numbers[random.Next(Numbers.Length)] : Numbers[random.Next(11)];
        foreach (var c in number)
        {
            _bytes.Add((byte)c);
        }
    }

    private void Literal()
    {
        var literal = random.Next(5) == 0 && !_clean ? Literals[random.Next(Literals.Length)] : Literals[random.Next(3)];
        foreach (var c in literal)
        {
            _bytes.Add((byte)c);
        }
    }

    private void MaybeWhitespace()
    {
        if (random.Next(4) == 0)
        {
            AddWhitespace(1 + random.Next(random.Next(8) == 0 ? 70 : 3));
        }
    }

    private void AddWhitespace(int count)
    {
        for (var n = 0; n < count; n++)
        {
            _bytes.Add(Whitespace[random.Next(Whitespace.Length)]);
        }
    }

    // 0..4 edits; two in three land within two bytes of a multiple of 64 from the value start.
    private void Mutate(int valueStart)
    {
        var edits = random.Next(5);
        for (var e = 0; e < edits && _bytes.Count > valueStart; e++)
        {
            var length = _bytes.Count - valueStart;
            var at = random.Next(3) == 0 || length < 62
                ? valueStart + random.Next(length)
                : valueStart + Math.Clamp((64 * (1 + random.Next(Math.Max(1, length / 64)))) + random.Next(-2, 3), 0, length - 1);
            switch (random.Next(9))
            {
                case 0 or 1:
                    _bytes[at] = Specials[random.Next(Specials.Length)];
                    break;
                case 2:
                    _bytes[at] = (byte)random.Next(256);
                    break;
                case 3:
                    _bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 4:
                    _bytes.Insert(at, Specials[random.Next(Specials.Length)]);
                    break;
                case 5:
                    _bytes.RemoveRange(at, Math.Min(_bytes.Count - at, 1 + random.Next(3)));
                    break;
                case 6:
                    var span = Math.Min(_bytes.Count - at, 1 + random.Next(16));
                    _bytes.InsertRange(at, _bytes.GetRange(at, span));
                    break;
                case 7:
                    _bytes.InsertRange(at, Enumerable.Repeat((byte)'\\', 1 + random.Next(9)));
                    break;
                default:
                    _bytes.Insert(at, (byte)'"');
                    break;
            }
        }
    }
}
