using System.Globalization;
using System.Text.Json;

namespace NotebookHelpers.Integrity;

/// <summary>
/// The public keys a validation may use, by fingerprint, read from files in the shape of CloudTrail's ListPublicKeys
/// response (<c>{"PublicKeyList": [{"Value": base64 DER, "ValidityStartTime", "ValidityEndTime", "Fingerprint"}]}</c>,
/// as the API, <c>aws cloudtrail list-public-keys</c> and <c>nbh fetch-trail</c> write it). A key whose fingerprint is
/// not the MD5 of its bytes is refused: the file was altered, and it must not vouch for any digest.
/// </summary>
public sealed class PublicKeySet
{
    private readonly Dictionary<string, CloudTrailPublicKey> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _problems = [];
    private readonly List<string> _sources = [];

    /// <summary>An empty set.</summary>
    public static PublicKeySet Empty => new();

    /// <summary>The keys, by fingerprint order.</summary>
    public IReadOnlyList<CloudTrailPublicKey> Keys => [.. _keys.Values.OrderBy(k => k.Fingerprint, StringComparer.Ordinal)];

    /// <summary>Files or entries that could not be read, and keys refused (file and position named).</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The files the keys came from, in load order.</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>True when no key was loaded.</summary>
    public bool IsEmpty => _keys.Count == 0;

    /// <summary>Reads every file; problems are collected, never thrown.</summary>
    public static PublicKeySet Load(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var set = new PublicKeySet();
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                set._problems.Add($"{file}: cannot read the public keys ({e.Message})");
                continue;
            }

            set.Add(bytes, file);
        }

        return set;
    }

    /// <summary>Adds the keys of one ListPublicKeys response body; <paramref name="source"/> names it in messages.</summary>
    public void Add(ReadOnlySpan<byte> json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _sources.Add(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            _problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{source}:line {(e.LineNumber ?? 0) + 1}: not JSON ({e.Message}); expected a ListPublicKeys response"));
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !TryGetList(document.RootElement, out var list))
            {
                _problems.Add($"{source}: no PublicKeyList; expected a ListPublicKeys response ({{\"PublicKeyList\": [...]}})");
                return;
            }

            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"{source}: PublicKeyList[{index++}]");
                if (Read(item, where) is { } key)
                {
                    _keys.TryAdd(key.Fingerprint, key);
                }
            }
        }
    }

    /// <summary>The keys and problems of both sets (the first set's key wins a shared fingerprint).</summary>
    public static PublicKeySet Combine(PublicKeySet first, PublicKeySet second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var set = new PublicKeySet();
        foreach (var part in new[] { first, second })
        {
            foreach (var key in part._keys.Values)
            {
                set._keys.TryAdd(key.Fingerprint, key);
            }

            set._problems.AddRange(part._problems);
            set._sources.AddRange(part._sources);
        }

        return set;
    }

    /// <summary>The key with <paramref name="fingerprint"/>, or null.</summary>
    public CloudTrailPublicKey? Find(string fingerprint) => _keys.GetValueOrDefault(fingerprint);

    private static bool TryGetList(JsonElement root, out JsonElement list)
    {
        foreach (var property in root.EnumerateObject())
        {
            // The API says PublicKeyList; the AWS guide's own example prints publicKeyList.
            if (property.Name.Equals("PublicKeyList", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Array)
            {
                list = property.Value;
                return true;
            }
        }

        list = default;
        return false;
    }

    private CloudTrailPublicKey? Read(JsonElement item, string where)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            _problems.Add($"{where}: not an object");
            return null;
        }

        string? value = null, fingerprint = null;
        DateTimeOffset? start = null, end = null;
        foreach (var p in item.EnumerateObject())
        {
            switch (p.Name)
            {
                case "Value" when p.Value.ValueKind == JsonValueKind.String:
                    value = p.Value.GetString();
                    break;
                case "Fingerprint" when p.Value.ValueKind == JsonValueKind.String:
                    fingerprint = p.Value.GetString();
                    break;
                case "ValidityStartTime":
                    start = Time(p.Value);
                    break;
                case "ValidityEndTime":
                    end = Time(p.Value);
                    break;
            }
        }

        if (value is null || fingerprint is null)
        {
            _problems.Add($"{where}: Value or Fingerprint missing");
            return null;
        }

        byte[] der;
        try
        {
            der = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            _problems.Add($"{where} ({fingerprint}): Value is not base64");
            return null;
        }

        var actual = CloudTrailPublicKey.FingerprintOf(der);
        if (!actual.Equals(fingerprint.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            _problems.Add($"{where}: refused, its Fingerprint {fingerprint} is not the MD5 of its Value ({actual}): the key file was altered");
            return null;
        }

        return new CloudTrailPublicKey(actual, der, start, end, where);
    }

    // JSON 1.1 sends epoch seconds; the CLI prints them as numbers, "1436317441.0" strings or ISO 8601 by its settings.
    private static DateTimeOffset? Time(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString()!;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
    }
}
