using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Content identity of a record for deduplication: XxHash128 of its compact form (insignificant whitespace
/// removed, everything else byte for byte). A pretty-printed copy and a one-line copy of the same record are
/// identical; copies that differ in key order, number spelling or string escaping are not (they are reported as
/// conflicts, never silently merged).
/// </summary>
internal static class RecordFingerprint
{
    public static RecordHash Of(ReadOnlySpan<byte> record, bool hasWhitespace)
    {
        if (!hasWhitespace)
        {
            return Hash(record);
        }

        var rented = ArrayPool<byte>.Shared.Rent(record.Length);
        try
        {
            var written = Json.JsonCompactor.Compact(record, rented);
            return Hash(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static RecordHash OfId(ReadOnlySpan<byte> idBody) => Hash(idBody);

    // XxHash128's canonical (big-endian) bytes, read back as the two halves HashToUInt128 would give.
    private static RecordHash Hash(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(bytes, hash);
        return new RecordHash(BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash[8..]));
    }
}
