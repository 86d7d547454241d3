using System.Buffers.Text;
using System.Text;
using NotebookHelpers.Events;
using NotebookHelpers.Insights.Runtime;
using NotebookHelpers.Json;

namespace NotebookHelpers.Insights.Execution;

/// <summary>
/// Decodes only the fields a query uses from an event's UTF-8 JSON, in one pass over the record with the shared
/// structural scanner (<see cref="JsonObjectReader"/>): the wanted paths form a tree, members off the tree are skipped
/// without decoding, and the scan stops as soon as every wanted leaf has been found.
/// Flattening follows Logs Insights: object keys join with dots, array elements by index
/// (<c>resources.0.ARN</c>); strings, numbers and booleans are values; JSON null, objects and arrays are not (the
/// field is missing). A key containing dots is matched against the dotted path too. A repeated key reads as its
/// first occurrence, as in every reader (docs/evidence-formats.md): for an object or array too, so a later copy of
/// <c>userIdentity</c> cannot add a leaf (<c>userIdentity.arn</c>) that the first copy, and the typed event, lack.
/// </summary>
internal sealed class JsonFieldExtractor
{
    private readonly PathNode _root = new(0);
    private int _nodeCount = 1;
    private int _leafCount;

    public bool IsEmpty => _leafCount == 0;

    /// <summary>Asks for the value at <paramref name="segments"/> to be written into <paramref name="slot"/>.</summary>
    /// <param name="segments">The JSON path.</param>
    /// <param name="slot">The row slot.</param>
    /// <param name="asTimestamp">Parse the string as a timestamp (for the sources of <c>@timestamp</c>).</param>
    public void Add(IReadOnlyList<string> segments, int slot, bool asTimestamp = false)
    {
        var node = _root;
        foreach (var segment in segments)
        {
            node = node.GetOrAddChild(Encoding.UTF8.GetBytes(segment), ref _nodeCount);
        }

        if (node.Targets.Count == 0)
        {
            _leafCount++;
        }

        node.Targets.Add((slot, asTimestamp));
    }

    /// <summary>Fills the wanted slots from <paramref name="json"/>; fields not in the record are left untouched (missing).</summary>
    public void Extract(ReadOnlySpan<byte> json, Value[] slots)
    {
        if (_leafCount == 0)
        {
            return;
        }

        // The leaves found in this record: a leaf reached again by another spelling ("x.y" and "x" then "y") keeps
        // its first value and does not count twice towards stopping the scan. Per call, since the extractor is
        // shared by the query's workers.
        var words = (_nodeCount + 63) / 64;
        Span<ulong> done = words <= 4 ? stackalloc ulong[4] : new ulong[words];
        done.Clear();
        var found = 0;
        ScanObject(json, 0, _root, slots, done, ref found);
    }

    private bool ScanObject(ReadOnlySpan<byte> json, int start, PathNode node, Value[] slots, Span<ulong> done, ref int found)
    {
        // A repeated key reads as its first occurrence, objects and arrays included, per object and key text as in
        // FieldPath: below this node a found node names its key text, so the set is of node ids. Not per record: a
        // dotted key "x.y" leads to the same node as "x" then "y" in another object, and both are read.
        var words = (_nodeCount + 63) / 64;
        Span<ulong> seen = words <= 4 ? stackalloc ulong[4] : new ulong[words];
        seen.Clear();
        var members = new JsonObjectReader(json, start);
        while (members.MoveNext())
        {
            var child = members.KeyHasEscapes ? FindEscaped(node, members.RawKey) : node.Find(members.RawKey);
            if (child is null || !TryMark(seen, child.Id))
            {
                continue;
            }

            if (Visit(json, child, members.ValueKind, members.ValueStart, members.ValueEnd, slots, done, ref found))
            {
                return true;
            }
        }

        return false;
    }

    private static PathNode? FindEscaped(PathNode node, ReadOnlySpan<byte> rawKey)
    {
        if (rawKey.Length > 256)
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[256];
        return node.Find(buffer[..JsonString.Unescape(rawKey, buffer)]);
    }

    private bool ScanArray(ReadOnlySpan<byte> json, int start, PathNode node, Value[] slots, Span<ulong> done, ref int found)
    {
        var elements = new JsonArrayReader(json, start);
        Span<byte> index = stackalloc byte[12];
        var i = 0;
        while (elements.MoveNext())
        {
            Utf8Formatter.TryFormat(i++, index, out var written);
            var child = node.Find(index[..written]);
            if (child is not null && Visit(json, child, elements.ValueKind, elements.ValueStart, elements.ValueEnd, slots, done, ref found))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryMark(Span<ulong> set, int id)
    {
        var bit = 1UL << (id % 64);
        if ((set[id / 64] & bit) != 0)
        {
            return false;
        }

        set[id / 64] |= bit;
        return true;
    }

    private bool Visit(ReadOnlySpan<byte> json, PathNode node, JsonTokenKind kind, int start, int end, Value[] slots, Span<ulong> done, ref int found)
    {
        switch (kind)
        {
            case JsonTokenKind.Object:
                return node.HasChildren && ScanObject(json, start, node, slots, done, ref found);
            case JsonTokenKind.Array:
                return node.HasChildren && ScanArray(json, start, node, slots, done, ref found);
        }

        if (node.Targets.Count == 0 || !TryMark(done, node.Id))
        {
            return false;
        }

        var token = json[start..end];
        foreach (var (slot, asTimestamp) in node.Targets)
        {
            slots[slot] = asTimestamp ? DecodeTimestamp(token, kind) : Decode(token, kind);
        }

        return ++found == _leafCount;
    }

    private static Value Decode(ReadOnlySpan<byte> token, JsonTokenKind kind) => kind switch
    {
        JsonTokenKind.String => Value.FromString(JsonString.GetString(token)),
        JsonTokenKind.Number => Utf8Parser.TryParse(token, out double number, out _)
            ? Value.FromJsonNumber(number, Encoding.ASCII.GetString(token))
            : Value.FromString(Encoding.ASCII.GetString(token)),
        JsonTokenKind.True => Value.True,
        JsonTokenKind.False => Value.False,
        _ => Value.Missing,
    };

    private static Value DecodeTimestamp(ReadOnlySpan<byte> token, JsonTokenKind kind)
    {
        if (kind == JsonTokenKind.String)
        {
            var body = JsonString.Body(token);
            return CloudTrailTimestamp.TryParse(body, out var time) ? Value.FromTimestamp(time) : Value.Missing;
        }

        // An epoch-milliseconds number, as some shippers write.
        return kind == JsonTokenKind.Number && Utf8Parser.TryParse(token, out double ms, out _) ? Value.FromEpochMilliseconds(ms) : Value.Missing;
    }

    private sealed class PathNode(int id)
    {
        private byte[][] _keys = [];
        private PathNode[] _children = [];

        public List<(int Slot, bool AsTimestamp)> Targets { get; } = [];

        /// <summary>The node's bit in a record's set of found leaves and in an object's set of keys read.</summary>
        public int Id { get; } = id;

        public bool HasChildren => _children.Length > 0;

        public PathNode GetOrAddChild(byte[] key, ref int nodeCount)
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                if (_keys[i].AsSpan().SequenceEqual(key))
                {
                    return _children[i];
                }
            }

            var child = new PathNode(nodeCount++);
            _keys = [.. _keys, key];
            _children = [.. _children, child];
            return child;
        }

        public PathNode? Find(ReadOnlySpan<byte> key)
        {
            var keys = _keys;
            for (var i = 0; i < keys.Length; i++)
            {
                if (key.SequenceEqual(keys[i]))
                {
                    return _children[i];
                }
            }

            // A key that itself contains dots ("s3.amazonaws.com" style) stands for several path segments.
            var dot = key.IndexOf((byte)'.');
            if (dot <= 0)
            {
                return null;
            }

            var next = Find(key[..dot]);
            return next?.Find(key[(dot + 1)..]);
        }
    }
}
