using System.Buffers;
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
    public static UInt128 Of(ReadOnlySpan<byte> record, bool hasWhitespace)
    {
        if (!hasWhitespace)
        {
            return XxHash128.HashToUInt128(record);
        }

        var rented = ArrayPool<byte>.Shared.Rent(record.Length);
        try
        {
            var written = Json.JsonCompactor.Compact(record, rented);
            return XxHash128.HashToUInt128(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static UInt128 OfId(ReadOnlySpan<byte> idBody) => XxHash128.HashToUInt128(idBody);
}
