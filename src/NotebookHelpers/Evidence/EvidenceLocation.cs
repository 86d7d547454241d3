using System.Globalization;
using System.Text;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Where a record or a problem sits in the evidence: the file, the entry inside an archive, and a line number
/// (line-oriented sources) or byte offset (JSON documents, measured in the decompressed bytes).
/// Rendered as <c>path[!entry]:line N</c> or <c>path[!entry]@byte N</c> in every message.
/// </summary>
/// <param name="Path">The file on disk (or the object key / saved page it came from).</param>
/// <param name="Entry">The entry inside a .zip archive, or null.</param>
/// <param name="Line">1-based line number, when the source is line oriented.</param>
/// <param name="ByteOffset">0-based byte offset in the decompressed content, when known.</param>
public readonly record struct EvidenceLocation(string Path, string? Entry = null, long? Line = null, long? ByteOffset = null)
{
    /// <summary>The same location at a given line.</summary>
    public EvidenceLocation AtLine(long line) => this with { Line = line };

    /// <summary>The same location at a given byte offset.</summary>
    public EvidenceLocation AtByte(long offset) => this with { ByteOffset = offset };

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder(Path);
        if (Entry is not null)
        {
            sb.Append('!').Append(Entry);
        }

        if (Line is { } line)
        {
            sb.Append(CultureInfo.InvariantCulture, $":line {line}");
        }

        if (ByteOffset is { } offset)
        {
            sb.Append(CultureInfo.InvariantCulture, $"@byte {offset}");
        }

        return sb.ToString();
    }
}
