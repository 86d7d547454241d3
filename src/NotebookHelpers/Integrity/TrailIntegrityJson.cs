using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NotebookHelpers.Integrity;

/// <summary>
/// The JSON form of a validation (<c>nbh validate-trail --format json</c>, schema in docs/log-integrity.md): the
/// verdict, counts, chains, one entry per file with <c>path</c> (the S3 key) and <c>status</c>, gaps, what was not
/// checked, and the public keys used. Paths, reasons and digest fields come from the bucket (attacker-controlled), so
/// the text is escaped for terminals by <c>Display.JsonText</c> (values round-trip exactly).
/// </summary>
public static class TrailIntegrityJson
{
    /// <summary>The schema version written in <c>schemaVersion</c>.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The report as indented JSON.</summary>
    public static string Format(TrailIntegrityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("root", report.Root);
            WriteTime(w, "start", report.Start);
            WriteTime(w, "end", report.End);
            w.WriteBoolean("valid", report.IsValid);
            w.WriteBoolean("chainBroken", report.IsChainBroken);
            w.WriteStartObject("summary");
            WriteCounts(w, "digests", report.Count(IntegrityFileKind.Digest));
            WriteCounts(w, "logFiles", report.Count(IntegrityFileKind.LogFile));
            w.WriteNumber("gaps", report.Gaps.Count);
            w.WriteNumber("notChecked", report.UncheckedCount);
            w.WriteEndObject();
            w.WriteStartArray("publicKeys");
            foreach (var key in report.PublicKeys.Keys)
            {
                w.WriteStartObject();
                w.WriteString("fingerprint", key.Fingerprint);
                WriteTime(w, "validityStart", key.ValidityStart);
                WriteTime(w, "validityEnd", key.ValidityEnd);
                w.WriteString("source", key.Source);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteStrings(w, "publicKeyProblems", report.PublicKeys.Problems);
            WriteChains(w, report.Chains);
            w.WriteStartArray("files");
            foreach (var f in report.Files)
            {
                w.WriteStartObject();
                w.WriteString("kind", f.Kind == IntegrityFileKind.Digest ? "digest" : "log");
                w.WriteString("path", f.Path);
                w.WriteString("status", f.Status.Name());
                if (f.Reason is not null)
                {
                    w.WriteString("reason", f.Reason);
                }

                w.WriteString("account", f.AccountId);
                w.WriteString("region", f.Region);
                WriteTime(w, "time", f.Time);
                if (f.Digest is not null)
                {
                    w.WriteString("digest", f.Digest);
                }

                if (f.LocalPath is not null)
                {
                    w.WriteString("file", Path.GetRelativePath(report.Root, f.LocalPath).Replace(Path.DirectorySeparatorChar, '/'));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("gaps");
            foreach (var g in report.Gaps)
            {
                w.WriteStartObject();
                w.WriteString("account", g.AccountId);
                w.WriteString("region", g.Region);
                WriteTime(w, "from", g.From);
                WriteTime(w, "to", g.To);
                w.WriteString("reason", g.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("notChecked");
            foreach (var u in report.Unchecked)
            {
                w.WriteStartObject();
                w.WriteString("account", u.AccountId);
                w.WriteString("region", u.Region);
                w.WriteNumber("logFiles", u.Count);
                w.WriteString("reason", u.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteStrings(w, "notes", report.Notes);
            w.WriteEndObject();
        }

        return Display.JsonText.ToEscapedString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Writes the <c>chains</c> array (also used by the evidence manifest).</summary>
    internal static void WriteChains(Utf8JsonWriter w, IEnumerable<DigestChainSummary> chains)
    {
        w.WriteStartArray("chains");
        foreach (var c in chains)
        {
            w.WriteStartObject();
            w.WriteString("account", c.AccountId);
            w.WriteString("region", c.Region);
            w.WriteString("trail", c.TrailName);
            w.WriteString("homeRegion", c.HomeRegion);
            WriteTime(w, "from", c.From);
            WriteTime(w, "to", c.To);
            w.WriteBoolean("startsHere", c.Starts);
            w.WriteNumber("digests", c.Digests);
            w.WriteNumber("validDigests", c.ValidDigests);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteCounts(Utf8JsonWriter w, string name, IReadOnlyList<(IntegrityStatus Status, int Count)> counts)
    {
        w.WriteStartObject(name);
        w.WriteNumber("total", counts.Sum(c => c.Count));
        foreach (var (status, count) in counts)
        {
            w.WriteNumber(status.Name(), count);
        }

        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            w.WriteString(name, TrailIntegrityValidator.Iso(t));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
