using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace NotebookHelpers.Json;

/// <summary>
/// Finds an object key that occurs twice in the same object (<c>{"eventName":"A",…,"eventName":"B"}</c>), at any
/// depth. JSON leaves such a record's meaning open and readers disagree (JavaScript and jq keep the last value, a
/// streaming reader that stops early keeps the first), so an attacker who can append to a log could show one event
/// to one tool and another to the next. Every reader here reads the first occurrence (docs/evidence-formats.md);
/// this finds the records where that choice mattered, so the reader can report them. Keys are compared unescaped
/// (<c>"event\u004eame"</c> is <c>eventName</c>). Objects nested deeper than <see cref="MaxDepth"/> are not looked into.
/// </summary>
public static class JsonDuplicateKeys
{
    /// <summary>How deep the search goes; CloudTrail records nest a dozen levels at most.</summary>
    public const int MaxDepth = 64;

    // Objects with more keys than this are checked through a dictionary of their keys' text (both paths).
    private const int SmallObjectKeys = 32;

    /// <summary>
    /// The first repeated key in <paramref name="json"/> (a well-formed value): the key's text, the offset of its
    /// second occurrence's opening quote and that of its first; null when no object repeats a key.
    /// </summary>
    public static (string Key, int Offset, int FirstOffset)? Find(ReadOnlySpan<byte> json)
    {
        var start = JsonScanner.SkipWhitespace(json, 0);
        return start < json.Length ? Value(json, start, JsonScanner.KindOf(json[start]), 0) : null;
    }

    /// <summary>
    /// <see cref="Find"/> for a value the scanner has already validated (the decoders' records): the same answer,
    /// from one vectorised pass (<see cref="JsonRepeatedKeyScan"/>) in nearly every case, the exact walk otherwise.
    /// </summary>
    internal static (string Key, int Offset, int FirstOffset)? FindInValidated(ReadOnlySpan<byte> json) =>
        JsonRepeatedKeyScan.Find(json, out var offset, out var firstOffset) switch
        {
            JsonRepeatedKeyScan.Outcome.None => null,
            JsonRepeatedKeyScan.Outcome.Found => (KeyText(json, offset), offset, firstOffset),
            _ => Find(json),
        };

    private static (string Key, int Offset, int FirstOffset)? Value(ReadOnlySpan<byte> json, int start, JsonTokenKind kind, int depth)
    {
        if (depth >= MaxDepth)
        {
            return null;
        }

        if (kind == JsonTokenKind.Array)
        {
            var elements = new JsonArrayReader(json, start);
            while (elements.MoveNext())
            {
                if (elements.ValueKind is JsonTokenKind.Object or JsonTokenKind.Array &&
                    Value(json, elements.ValueStart, elements.ValueKind, depth + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        return kind == JsonTokenKind.Object ? Object(json, start, depth) : null;
    }

    private static (string Key, int Offset, int FirstOffset)? Object(ReadOnlySpan<byte> json, int start, int depth)
    {
        // Keys are compared by a hash first (a CloudTrail object has a few dozen keys at most), then by their text;
        // past SmallObjectKeys by their text in a dictionary, so that an object of millions of keys (a hostile
        // record) costs linear time, not quadratic.
        Span<int> hashes = stackalloc int[SmallObjectKeys];
        Span<int> offsets = stackalloc int[SmallObjectKeys];
        var count = 0;
        Dictionary<string, int>? byText = null;
        var members = new JsonObjectReader(json, start);
        while (members.MoveNext())
        {
            var keyStart = OffsetOf(json, members.RawKey) - 1;
            if (byText is not null)
            {
                var text = KeyText(json, keyStart);
                if (!byText.TryAdd(text, keyStart))
                {
                    return (text, keyStart, byText[text]);
                }
            }
            else
            {
                var hash = Hash(members.RawKey);
                for (var i = 0; i < count; i++)
                {
                    if (hashes[i] == hash && KeyText(json, offsets[i]) == KeyText(json, keyStart))
                    {
                        return (KeyText(json, keyStart), keyStart, offsets[i]);
                    }
                }

                if (count < SmallObjectKeys)
                {
                    hashes[count] = hash;
                    offsets[count] = keyStart;
                    count++;
                }
                else
                {
                    // All distinct so far (each was compared with every earlier one).
                    byText = new Dictionary<string, int>(StringComparer.Ordinal);
                    foreach (var offset in offsets)
                    {
                        byText.TryAdd(KeyText(json, offset), offset);
                    }

                    var text = KeyText(json, keyStart);
                    if (!byText.TryAdd(text, keyStart))
                    {
                        return (text, keyStart, byText[text]);
                    }
                }
            }

            if (members.ValueKind is JsonTokenKind.Object or JsonTokenKind.Array &&
                Value(json, members.ValueStart, members.ValueKind, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    // Where a key's bytes begin in the record: RawKey is a slice of it.
    private static int OffsetOf(ReadOnlySpan<byte> json, ReadOnlySpan<byte> slice) =>
        (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(json), ref MemoryMarshal.GetReference(slice));

    // Equal for keys of equal text (KeyText), escaped or not; allocates nothing for keys without escapes that are
    // valid UTF-8 (nearly all). Bytes that are not valid UTF-8 decode to U+FFFD, so different bytes (0xFF, 0xFE, a
    // lone "\ud800") can make the same text: those keys are hashed by the UTF-8 of their text.
    private static int Hash(ReadOnlySpan<byte> body)
    {
        var hash = default(HashCode);
        if (!JsonString.HasEscapes(body) && Utf8.IsValid(body))
        {
            hash.AddBytes(body);
            return hash.ToHashCode();
        }

        var rented = ArrayPool<byte>.Shared.Rent(body.Length);
        var unescaped = rented.AsSpan(0, JsonString.Unescape(body, rented));
        if (Utf8.IsValid(unescaped))
        {
            hash.AddBytes(unescaped);
        }
        else
        {
            hash.AddBytes(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(unescaped)));
        }

        ArrayPool<byte>.Shared.Return(rented);
        return hash.ToHashCode();
    }

    private static string KeyText(ReadOnlySpan<byte> json, int quote)
    {
        JsonScanner.SkipString(json, quote, out var end, out _);
        return JsonString.GetString(json[quote..end]);
    }
}
