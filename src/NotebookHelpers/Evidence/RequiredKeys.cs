using System.Text;

namespace NotebookHelpers.Evidence;

/// <summary>
/// The JSON fields a query cannot match an event without, checked by the evidence decoder while it validates each
/// record, so events that lack one are counted and dropped in the same pass, before any per-event object exists.
/// A one-segment field (<c>errorCode</c>) is looked up among the top-level keys the validating walk already visits;
/// a nested field (<c>userIdentity.arn</c>) needs its first segment at the top level and its last key (<c>arn"</c>)
/// somewhere in the raw bytes. Conservative by construction: a record with an escaped top-level key, or with any
/// <c>\u</c> escape when a nested key is missing from the raw bytes, is never dropped (the key might be spelled
/// escaped).
/// </summary>
internal sealed class RequiredKeys
{
    // At most 64 distinct top-level keys fit the found-mask; more than that is no query anyone writes, and extra
    // fields are simply not used for skipping (still conservative).
    private const int MaxTopLevelKeys = 64;

    private readonly byte[][] _topLevel;
    private readonly byte[][] _nestedKeys;

    /// <summary>Builds the filter from field paths (segments, as the engine splits them).</summary>
    public RequiredKeys(IEnumerable<IReadOnlyList<string>> paths)
    {
        var top = new List<byte[]>();
        var nested = new List<byte[]>();
        foreach (var path in paths)
        {
            if (path.Count == 0 || path[0].Length == 0)
            {
                continue;
            }

            var first = Encoding.UTF8.GetBytes(path[0]);
            if (top.Count < MaxTopLevelKeys && !top.Any(k => k.AsSpan().SequenceEqual(first)))
            {
                top.Add(first);
            }

            if (path.Count > 1 && path[^1] is { Length: > 0 } last && !last.All(char.IsAsciiDigit))
            {
                var key = Encoding.UTF8.GetBytes(last + "\"");
                if (!nested.Any(k => k.AsSpan().SequenceEqual(key)))
                {
                    nested.Add(key);
                }
            }
        }

        _topLevel = [.. top];
        _nestedKeys = [.. nested];
        AllTopLevel = _topLevel.Length == 64 ? ulong.MaxValue : (1UL << _topLevel.Length) - 1;
    }

    /// <summary>True when there is nothing to check.</summary>
    public bool IsEmpty => _topLevel.Length == 0;

    /// <summary>The mask with one bit per required top-level key.</summary>
    public ulong AllTopLevel { get; }

    /// <summary>
    /// The bit of the required top-level key a record key (raw, unescaped) stands for, or 0. A key with dots
    /// (<c>"userIdentity.arn"</c>) can stand for a path whose first segment is the part before its first dot.
    /// </summary>
    public ulong TopLevelBit(ReadOnlySpan<byte> key)
    {
        var keys = _topLevel;
        for (var i = 0; i < keys.Length; i++)
        {
            var want = keys[i];
            if (key.Length == want.Length ? key.SequenceEqual(want) : key.Length > want.Length && key[want.Length] == '.' && key.StartsWith(want))
            {
                return 1UL << i;
            }
        }

        return 0;
    }

    /// <summary>
    /// Whether a record whose top-level keys set <paramref name="found"/> (and had no escaped key) may still have
    /// every required field; reads the raw bytes only for nested fields.
    /// </summary>
    public bool MayMatch(ulong found, ReadOnlySpan<byte> record)
    {
        if ((found & AllTopLevel) != AllTopLevel)
        {
            return false;
        }

        foreach (var key in _nestedKeys)
        {
            if (record.IndexOf(key) < 0)
            {
                return record.IndexOf("\\u"u8) >= 0;
            }
        }

        return true;
    }
}
