using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Evidence;
using NotebookHelpers.Integrity;

namespace NotebookHelpers.WriteUp;

/// <summary>
/// Every file of the evidence a report was written from, with its size and SHA-256, so anyone can check later that
/// the report describes exactly these bytes. Paths are relative to labelled roots (never absolute), files are in
/// ordinal path order, and no time is recorded: the same evidence gives the same manifest on any machine. Files of an
/// nbh evidence folder are also checked against the folder's own <c>manifest.jsonl</c>. Live sources that leave no
/// files (CloudWatch Logs Insights) are named in <see cref="Notes"/>. When the trail copy's digests were validated,
/// the manifest records what was validated, with which public keys, and the outcome (<see cref="Integrity"/>).
/// </summary>
public sealed class EvidenceManifest
{
    /// <summary>The schema version written in <c>schemaVersion</c>.</summary>
    public const int SchemaVersion = 1;

    private EvidenceManifest(IReadOnlyList<EvidenceRoot> roots, IReadOnlyList<EvidenceFileEntry> files, IReadOnlyList<string> notes, TrailIntegrityReport? integrity)
    {
        Roots = roots;
        Files = files;
        Notes = notes;
        Integrity = integrity;
    }

    /// <summary>The roots, as given.</summary>
    public IReadOnlyList<EvidenceRoot> Roots { get; }

    /// <summary>Every file, by root then path.</summary>
    public IReadOnlyList<EvidenceFileEntry> Files { get; }

    /// <summary>Evidence that is not files (live queries), and roots that did not exist.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The validation of the trail copy's digests, when one was made.</summary>
    public TrailIntegrityReport? Integrity { get; }

    /// <summary>The total size of the files.</summary>
    public long TotalBytes => Files.Sum(f => f.Size);

    /// <summary>Files whose bytes differ from their evidence folder's manifest: the evidence changed after it was fetched.</summary>
    public IReadOnlyList<EvidenceFileEntry> Mismatches => [.. Files.Where(f => f.ManifestCheck == DiffersFromManifest)];

    /// <summary>The SHA-256 of <see cref="ToJson"/>: one value that identifies this exact evidence.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())));

    internal const string MatchesManifest = "matches manifest";
    internal const string DiffersFromManifest = "differs from manifest";
    internal const string NotInManifest = "not in manifest";

    /// <summary>
    /// Hashes every file under <paramref name="roots"/>; <paramref name="notes"/> name evidence without files;
    /// <paramref name="integrity"/> is the validation of the trail copy's digests, when one was made.
    /// </summary>
    public static EvidenceManifest Build(IEnumerable<EvidenceRoot> roots, IEnumerable<string>? notes = null, TrailIntegrityReport? integrity = null)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var rootList = roots.ToList();
        var files = new List<EvidenceFileEntry>();
        var allNotes = new List<string>(notes ?? []);
        foreach (var root in rootList)
        {
            if (File.Exists(root.Path))
            {
                files.Add(Entry(root.Label, Path.GetFileName(root.Path), root.Path, null));
                continue;
            }

            if (!Directory.Exists(root.Path))
            {
                allNotes.Add($"{root.Label}: {root.Path} does not exist; nothing hashed.");
                continue;
            }

            var listed = ReadNbhManifest(root.Path);
            var full = Path.GetFullPath(root.Path);
            foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                         .Select(f => (Full: f, Relative: Path.GetRelativePath(full, f).Replace(Path.DirectorySeparatorChar, '/')))
                         .Where(f => !Evidence.EvidenceStaging.IsStagedFile(full, f.Relative))
                         .OrderBy(f => f.Relative, StringComparer.Ordinal))
            {
                string? check = null;
                if (listed is not null)
                {
                    check = listed.TryGetValue(file.Relative, out var expected) ? expected : NotInManifest;
                }

                files.Add(Entry(root.Label, file.Relative, file.Full, check));
            }
        }

        return new EvidenceManifest(rootList, files, allNotes, integrity);
    }

    /// <summary>
    /// <paramref name="location"/> with its path made relative to the root that holds it (<c>sample:AWSLogs/…</c>), so
    /// reports cite evidence the same way on every machine. Paths outside every root are returned unchanged.
    /// </summary>
    public string Cite(EvidenceLocation location)
    {
        var path = location.Path;
        foreach (var root in Roots)
        {
            var full = Path.GetFullPath(root.Path);
            var candidate = Path.GetFullPath(path);
            if (string.Equals(candidate, full, StringComparison.Ordinal))
            {
                path = root.Label + ":" + Path.GetFileName(full);
                break;
            }

            if (candidate.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                path = root.Label + ":" + Path.GetRelativePath(full, candidate).Replace(Path.DirectorySeparatorChar, '/');
                break;
            }
        }

        return (location with { Path = path }).ToString();
    }

    /// <summary>The manifest as indented JSON (schema in docs/incident-report.md).</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteNumber("files", Files.Count);
            w.WriteNumber("bytes", TotalBytes);
            w.WriteStartArray("roots");
            foreach (var root in Roots)
            {
                w.WriteStartObject();
                w.WriteString("label", root.Label);
                w.WriteNumber("files", Files.Count(f => f.Root == root.Label));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var note in Notes)
            {
                w.WriteStringValue(note);
            }

            w.WriteEndArray();
            if (Integrity is { } integrity)
            {
                WriteIntegrity(w, integrity);
            }

            w.WriteStartArray("entries");
            foreach (var f in Files)
            {
                w.WriteStartObject();
                w.WriteString("root", f.Root);
                w.WriteString("path", f.Path);
                w.WriteNumber("size", f.Size);
                w.WriteString("sha256", f.Sha256);
                if (f.ManifestCheck is not null)
                {
                    w.WriteString("manifestCheck", f.ManifestCheck);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Files.Count:N0} evidence file(s), {TotalBytes:N0} bytes, fingerprint {Fingerprint[..16]}…");

    // What was validated, cited like the files (root label and relative path), so the manifest stays machine-independent.
    private void WriteIntegrity(Utf8JsonWriter w, TrailIntegrityReport integrity)
    {
        w.WriteStartObject("integrity");
        w.WriteString("validated", Cite(new EvidenceLocation(integrity.Root)));
        w.WriteString("verdict", integrity.Verdict);
        w.WriteBoolean("valid", integrity.IsValid);
        w.WriteStartArray("publicKeys");
        foreach (var key in integrity.PublicKeys.Keys)
        {
            w.WriteStartObject();
            w.WriteString("fingerprint", key.Fingerprint);
            // A key file outside every root (the sample's, beside its copies) is named, never given as an absolute path.
            var file = key.Source.Split(": PublicKeyList", 2)[0];
            var cited = Cite(new EvidenceLocation(file));
            w.WriteString("source", cited == file ? Path.GetFileName(file) : cited);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        TrailIntegrityJson.WriteChains(w, integrity.Chains);
        w.WriteStartArray("problems");
        foreach (var f in integrity.Problems)
        {
            w.WriteStartObject();
            w.WriteString("path", f.Path);
            w.WriteString("status", f.Status.Name());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("gaps", integrity.Gaps.Count);
        w.WriteNumber("logFilesNotChecked", integrity.UncheckedCount);
        w.WriteEndObject();
    }

    private static EvidenceFileEntry Entry(string root, string relative, string full, string? check)
    {
        using var stream = File.OpenRead(full);
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        var result = check is null or NotInManifest ? check : check == sha ? MatchesManifest : DiffersFromManifest;
        return new EvidenceFileEntry(root, relative, stream.Length, sha, result);
    }

    // path -> sha256 from an nbh evidence folder's manifest.jsonl (the manifest and the actions log are not in it).
    private static Dictionary<string, string>? ReadNbhManifest(string folder)
    {
        if (!File.Exists(Path.Combine(folder, EvidenceDirectory.ManifestFileName)))
        {
            return null;
        }

        var entries = EvidenceDirectory.Open(folder).Entries.ToDictionary(e => e.Path, e => e.Sha256, StringComparer.Ordinal);
        entries[EvidenceDirectory.ManifestFileName] = NotInManifest;
        entries[EvidenceDirectory.ActionsFileName] = NotInManifest;
        return entries;
    }
}
