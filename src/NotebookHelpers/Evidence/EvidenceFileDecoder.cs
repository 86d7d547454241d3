using System.IO.Compression;
using System.Text;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Decodes one evidence file, whatever its name: detects zip and gzip by their magic bytes, skips a UTF-8 byte
/// order mark and transcodes UTF-16, then hands JSON to <see cref="JsonEvidenceDecoder"/> and CSV to
/// <see cref="ConsoleCsvDecoder"/>. Zip entries are decoded one after another, each as its own file.
/// </summary>
internal static class EvidenceFileDecoder
{
    private const int SniffBytes = 4096;

    public static void Decode(EvidenceFile file, EvidenceReaderOptions options, Action<DecodedChunk> sink)
    {
        var location = new EvidenceLocation(file.Path);
        if (file.IsDigestByName)
        {
            sink(new DecodedChunk { Outcome = new FileOutcome(EvidenceFormat.Digest, Ignored: false, file.Path) });
            return;
        }

        try
        {
            // Unbuffered: the gzip inflater and the JSON decoder read in large blocks of their own, and a 64 KB buffer per
            // file is most of what a query over many small CloudTrail objects would otherwise allocate.
            using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            Span<byte> magic = stackalloc byte[4];
            var n = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
            stream.Position = 0;
            if (n >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4)
            {
                DecodeZip(stream, file, options, sink);
                return;
            }

            DecodeStream(stream, location, file.InDirectory, options, sink, SizeHint(stream, magic[..n]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Fail(sink, location, ReadProblemKind.UnreadableFile, $"cannot read the file: {e.Message}", file.Path);
        }
    }

    private static void DecodeZip(Stream stream, EvidenceFile file, EvidenceReaderOptions options, Action<DecodedChunk> sink)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            Fail(sink, new EvidenceLocation(file.Path), ReadProblemKind.CorruptCompression, $"not a readable zip archive: {e.Message}", file.Path);
            return;
        }

        using (archive)
        {
            foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var location = new EvidenceLocation(file.Path, entry.FullName);
                var display = $"{file.Path}!{entry.FullName}";
                if (CloudTrailObjectName.TryParse(Path.GetFileName(entry.FullName)) is { IsDigest: true })
                {
                    sink(new DecodedChunk { Outcome = new FileOutcome(EvidenceFormat.Digest, Ignored: false, display) });
                    continue;
                }

                try
                {
                    using var entryStream = entry.Open();
                    using var buffered = new BufferedStream(entryStream, 1 << 16);
                    DecodeStream(buffered, location, inDirectory: true, options, sink);
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    Fail(sink, location, ReadProblemKind.CorruptCompression, $"cannot read the archive entry: {e.Message}", display);
                }
            }
        }
    }

    // The decompressed size, when cheap to know: gzip's trailer holds it (modulo 4 GB, last member only), a plain
    // file's length is it. Sizing the buffer once avoids regrowing and copying a delivery object while reading it.
    private static long? SizeHint(FileStream stream, ReadOnlySpan<byte> magic)
    {
        var length = stream.Length;
        if (magic.Length < 2 || magic[0] != 0x1F || magic[1] != 0x8B)
        {
            return length;
        }

        if (length < 20)
        {
            return null;
        }

        Span<byte> trailer = stackalloc byte[4];
        stream.Position = length - 4;
        var read = stream.ReadAtLeast(trailer, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        return read == 4 && size >= length / 2 ? size : null;
    }

    private static void DecodeStream(Stream raw, EvidenceLocation location, bool inDirectory, EvidenceReaderOptions options, Action<DecodedChunk> sink, long? sizeHint = null)
    {
        var display = location.Entry is null ? location.Path : $"{location.Path}!{location.Entry}";
        var head = new byte[SniffBytes];
        var n = raw.ReadAtLeast(head.AsSpan(0, 2), 2, throwOnEndOfStream: false);
        Stream content = raw;
        CheckedGzipStream? gzip = null;
        if (n == 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            content = gzip = new CheckedGzipStream(new PrefixStream(head.AsMemory(0, 2), raw));
            n = 0;
        }

        using (gzip)
        {
            var problems = new List<ReadProblem>();
            try
            {
                n += content.ReadAtLeast(head.AsSpan(n), head.Length - n, throwOnEndOfStream: false);
            }
            catch (InvalidDataException e)
            {
                Fail(sink, location.AtByte(0), ReadProblemKind.CorruptCompression, $"damaged gzip data at the start: {e.Message.TrimEnd('.')}", display);
                return;
            }

            var offset = 0;
            if (n == 0)
            {
                Fail(sink, location.AtByte(0), ReadProblemKind.EmptyFile,
                    gzip is null ? "the file is empty" : "the gzip data decompresses to nothing (empty, or truncated inside its header)", display);
                return;
            }

            if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
            {
                // A file saved twice by a BOM-writing editor starts with two marks: skip them all, say how many.
                var marks = 0;
                while (offset + 3 <= n && head[offset] == 0xEF && head[offset + 1] == 0xBB && head[offset + 2] == 0xBF)
                {
                    offset += 3;
                    marks++;
                }

                problems.Add(new ReadProblem(location.AtByte(0), ReadProblemKind.ByteOrderMark,
                    marks == 1 ? "a UTF-8 byte order mark was skipped" : $"{marks} UTF-8 byte order marks in a row were skipped"));
            }
            else if (n >= 4 && ((head[0] == 0xFF && head[1] == 0xFE && head[2] == 0 && head[3] == 0) || (head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF)))
            {
                // UTF-32 (checked before UTF-16, whose little-endian mark is its prefix): transcode, then sniff again.
                var littleEndian = head[0] == 0xFF;
                problems.Add(new ReadProblem(location.AtByte(0), ReadProblemKind.ByteOrderMark,
                    $"UTF-32 {(littleEndian ? "little" : "big")}-endian text was transcoded to UTF-8 (byte offsets refer to the UTF-8 text)"));
                using var transcoded = Encoding.CreateTranscodingStream(new PrefixStream(head.AsMemory(4, n - 4), content),
                    new UTF32Encoding(bigEndian: !littleEndian, byteOrderMark: false), Encoding.UTF8);
                var utf8Head = new byte[SniffBytes];
                var m = transcoded.ReadAtLeast(utf8Head, utf8Head.Length, throwOnEndOfStream: false);
                DecodeContent(transcoded, utf8Head.AsSpan(0, m), 0, location, display, inDirectory, options, sink, problems);
                return;
            }
            else if (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
            {
                // Windows PowerShell's '>' writes UTF-16: transcode, then sniff again.
                var encoding = head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
                problems.Add(new ReadProblem(location.AtByte(0), ReadProblemKind.ByteOrderMark,
                    $"UTF-16 {(head[0] == 0xFF ? "little" : "big")}-endian text was transcoded to UTF-8 (byte offsets refer to the UTF-8 text)"));
                using var transcoded = Encoding.CreateTranscodingStream(new PrefixStream(head.AsMemory(2, n - 2), content), encoding, Encoding.UTF8);
                var utf8Head = new byte[SniffBytes];
                var m = transcoded.ReadAtLeast(utf8Head, utf8Head.Length, throwOnEndOfStream: false);
                DecodeContent(transcoded, utf8Head.AsSpan(0, m), 0, location, display, inDirectory, options, sink, problems);
                return;
            }

            DecodeContent(content, head.AsSpan(offset, n - offset), offset, location, display, inDirectory, options, sink, problems, sizeHint);
        }
    }

    private static void DecodeContent(Stream content, ReadOnlySpan<byte> head, long headOffset, EvidenceLocation location, string display,
        bool inDirectory, EvidenceReaderOptions options, Action<DecodedChunk> sink, List<ReadProblem> problems, long? sizeHint = null)
    {
        var firstIndex = Json.JsonScanner.SkipWhitespace(head, 0);
        if (firstIndex >= head.Length && head.Length < SniffBytes - 3)
        {
            Fail(sink, location, ReadProblemKind.EmptyFile, "the file holds only whitespace", display, problems);
            return;
        }

        var first = firstIndex < head.Length ? head[firstIndex] : (byte)' ';
        var isJson = first is (byte)'{' or (byte)'[' || (first is >= (byte)'0' and <= (byte)'9' && head.Length - firstIndex > 20 && head[firstIndex + 4] == '-');
        if (!isJson && ConsoleCsvDecoder.LooksLikeConsoleCsv(head))
        {
            var csv = new ConsoleCsvDecoder(content, head, location, sink);
            csv.Run(problems);
            sink(new DecodedChunk { Outcome = new FileOutcome(EvidenceFormat.ConsoleCsv, Ignored: false, display) });
            return;
        }

        if (!isJson && inDirectory)
        {
            // README.md, LICENSE, images next to the logs: not evidence, not a problem.
            Flush(sink, problems.Where(p => p.Kind != ReadProblemKind.ByteOrderMark).ToList());
            sink(new DecodedChunk { Outcome = new FileOutcome(null, Ignored: true, display) });
            return;
        }

        Flush(sink, problems);
        var decoder = new JsonEvidenceDecoder(content, location, options, sink, quietIfNotEvidence: inDirectory);
        decoder.Prime(head, headOffset, sizeHint);
        decoder.Start();
        decoder.Run();
        sink(new DecodedChunk { Outcome = new FileOutcome(decoder.Format, Ignored: decoder.IsNotEvidence, display), ReturnBuffers = decoder.ReturnableBuffers });
    }

    private static void Flush(Action<DecodedChunk> sink, List<ReadProblem> problems)
    {
        if (problems.Count > 0)
        {
            var chunk = new DecodedChunk();
            chunk.Problems.AddRange(problems);
            sink(chunk);
        }
    }

    private static void Fail(Action<DecodedChunk> sink, EvidenceLocation location, ReadProblemKind kind, string reason, string display, List<ReadProblem>? earlier = null)
    {
        var chunk = new DecodedChunk { Outcome = new FileOutcome(null, Ignored: false, display) };
        if (earlier is not null)
        {
            chunk.Problems.AddRange(earlier);
        }

        chunk.Problems.Add(new ReadProblem(location, kind, reason));
        sink(chunk);
    }
}
