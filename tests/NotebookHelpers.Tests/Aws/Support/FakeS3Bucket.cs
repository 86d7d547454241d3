using System.Globalization;
using System.Net;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>
/// One S3 bucket for the fake server, path-style: ListObjectsV2 with prefix, delimiter and continuation tokens
/// (<paramref name="pageSize"/> keys per page) and GetObject with an ETag and the object's user metadata
/// (<c>x-amz-meta-*</c> headers), as the S3 API reference documents them.
/// </summary>
public sealed class FakeS3Bucket(string name, int pageSize = 2)
{
    private readonly SortedDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _metadata = new(StringComparer.Ordinal);

    /// <summary>The bucket name.</summary>
    public string Name => name;

    /// <summary>Keys fetched with GetObject, in order.</summary>
    public List<string> Downloads { get; } = [];

    /// <summary>Adds or replaces an object.</summary>
    public void Put(string key, string content) => _objects[key] = Encoding.UTF8.GetBytes(content);

    /// <summary>Adds or replaces an object with its bytes and user metadata (names without <c>x-amz-meta-</c>).</summary>
    public void Put(string key, byte[] content, IReadOnlyDictionary<string, string>? metadata = null)
    {
        _objects[key] = content;
        _metadata.Remove(key);
        if (metadata is not null)
        {
            _metadata[key] = metadata;
        }
    }

    /// <summary>The ETag S3 gives a single-part object: the MD5 of its bytes.</summary>
    public static string ETagOf(byte[] body) => Convert.ToHexStringLower(MD5.HashData(body));

    /// <summary>Answers one S3 request.</summary>
    public FakeResponse Handle(RecordedRequest request)
    {
        var question = request.RawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(question < 0 ? request.RawTarget : request.RawTarget[..question]);
        var query = question < 0 ? new Dictionary<string, string>() : request.RawTarget[(question + 1)..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        if (!path.StartsWith("/" + name, StringComparison.Ordinal))
        {
            return new FakeResponse(404, "application/xml", Encoding.UTF8.GetBytes("<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>"));
        }

        var key = path.Length > name.Length + 2 ? path[(name.Length + 2)..] : "";
        if (key.Length > 0)
        {
            lock (Downloads)
            {
                Downloads.Add(key);
            }

            if (!_objects.TryGetValue(key, out var body))
            {
                return new FakeResponse(404, "application/xml", Encoding.UTF8.GetBytes("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"));
            }

            var headers = new Dictionary<string, string> { ["ETag"] = "\"" + ETagOf(body) + "\"" };
            foreach (var (name, value) in _metadata.GetValueOrDefault(key) ?? new Dictionary<string, string>())
            {
                headers["x-amz-meta-" + name] = value;
            }

            return _objects.TryGetValue(key, out body)
                ? FakeResponse.Bytes(body, headers: headers)
                : new FakeResponse(404, "application/xml", Encoding.UTF8.GetBytes("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"));
        }

        return List(query.GetValueOrDefault("prefix", ""), query.GetValueOrDefault("delimiter"), query.GetValueOrDefault("continuation-token"));
    }

    private FakeResponse List(string prefix, string? delimiter, string? token)
    {
        var entries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in _objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var rest = key[prefix.Length..];
            var cut = delimiter is null ? -1 : rest.IndexOf(delimiter, StringComparison.Ordinal);
            entries.Add(cut < 0 ? key : prefix + rest[..(cut + 1)]);
        }

        var all = entries.ToList();
        var start = token is null ? 0 : int.Parse(token, CultureInfo.InvariantCulture);
        var page = all.Skip(start).Take(pageSize).ToList();
        var truncated = start + page.Count < all.Count;
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">""");
        xml.Append(CultureInfo.InvariantCulture, $"<Name>{name}</Name><Prefix>{SecurityElement.Escape(prefix)}</Prefix><KeyCount>{page.Count}</KeyCount><MaxKeys>{pageSize}</MaxKeys>");
        xml.Append(CultureInfo.InvariantCulture, $"<IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>");
        if (truncated)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<NextContinuationToken>{start + page.Count}</NextContinuationToken>");
        }

        foreach (var entry in page)
        {
            if (_objects.TryGetValue(entry, out var body))
            {
                xml.Append(CultureInfo.InvariantCulture,
                    $"<Contents><Key>{SecurityElement.Escape(entry)}</Key><LastModified>2023-11-05T10:00:00.000Z</LastModified><ETag>&quot;{ETagOf(body)}&quot;</ETag><Size>{body.Length}</Size><StorageClass>STANDARD</StorageClass></Contents>");
            }
            else
            {
                xml.Append(CultureInfo.InvariantCulture, $"<CommonPrefixes><Prefix>{SecurityElement.Escape(entry)}</Prefix></CommonPrefixes>");
            }
        }

        xml.Append("</ListBucketResult>");
        return new FakeResponse((int)HttpStatusCode.OK, "application/xml", Encoding.UTF8.GetBytes(xml.ToString()));
    }
}
