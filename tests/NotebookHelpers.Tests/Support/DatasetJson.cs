using System.IO.Compression;

namespace NotebookHelpers.Tests.Support;

/// <summary>The JSON bytes of a dataset file as a reader sees them: gzip inflated, anything else as it is.</summary>
public static class DatasetJson
{
    /// <summary>Reads <paramref name="file"/>, inflating it when its name ends in <c>.gz</c>.</summary>
    public static byte[] Read(string file)
    {
        if (!file.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(file);
        }

        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }
}
