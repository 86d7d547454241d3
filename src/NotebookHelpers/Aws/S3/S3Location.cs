namespace NotebookHelpers.Aws.S3;

/// <summary>A bucket and an optional key prefix, parsed from <c>s3://BUCKET[/PREFIX]</c>.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Prefix">The key prefix without leading slash, ending in <c>/</c> when not empty.</param>
public sealed record S3Location(string Bucket, string Prefix)
{
    /// <summary>Parses <c>s3://bucket</c>, <c>s3://bucket/prefix</c> or <c>s3://bucket/prefix/</c>.</summary>
    /// <exception cref="FormatException">The text is not an s3:// URL with a bucket.</exception>
    public static S3Location Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{text}' is not an s3:// location (expected s3://BUCKET[/PREFIX]).");
        }

        var rest = text[5..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        if (bucket.Length == 0)
        {
            throw new FormatException($"'{text}' names no bucket (expected s3://BUCKET[/PREFIX]).");
        }

        return new S3Location(bucket, prefix.Length == 0 ? "" : prefix + "/");
    }

    /// <inheritdoc />
    public override string ToString() => $"s3://{Bucket}/{Prefix}";
}
