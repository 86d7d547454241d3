using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NotebookHelpers.Aws.EvidenceFolder;

/// <summary>
/// A folder of evidence fetched from AWS. Every file is written once (streamed into <c>.nbh-staging/</c>, which readers
/// skip, then moved into place and made read-only) and recorded in <c>manifest.jsonl</c> with its size, SHA-256, source request and time; nothing is ever
/// modified. Executed containment actions are appended to <c>actions.jsonl</c>. Opening an existing folder reads its
/// manifest, so a rerun can skip what it already has and work offline.
/// </summary>
public sealed class EvidenceDirectory
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestFileName = Evidence.EvidenceFolderBookkeeping.ManifestFileName;

    /// <summary>The containment actions log's file name.</summary>
    public const string ActionsFileName = Evidence.EvidenceFolderBookkeeping.ActionsFileName;

    private static readonly JsonSerializerOptions LineOptions = new() { WriteIndented = false };
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, ManifestEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];
    private long _manifestBytesRead;
    private long _manifestLinesRead;
    private bool _opened;
    private readonly TimeProvider _clock;

    private EvidenceDirectory(string root, TimeProvider clock)
    {
        Root = root;
        _clock = clock;
    }

    /// <summary>The folder.</summary>
    public string Root { get; }

    /// <summary>Every file recorded, in path order.</summary>
    public IReadOnlyList<ManifestEntry> Entries
    {
        get
        {
            _lock.Wait();
            try
            {
                return [.. _entries.Values.OrderBy(e => e.Path, StringComparer.Ordinal)];
            }
            finally
            {
                _lock.Release();
            }
        }
    }

    /// <summary>Manifest lines that could not be read when the folder was opened (file and line named).</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Opens (and creates when missing) an evidence folder.</summary>
    public static EvidenceDirectory Open(string root, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var full = Path.GetFullPath(root);
        Directory.CreateDirectory(full);
        var folder = new EvidenceDirectory(full, clock ?? TimeProvider.System);
        folder.LoadManifest();
        return folder;
    }

    /// <summary>The absolute path of a relative evidence path.</summary>
    public string FullPath(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var full = Path.GetFullPath(Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' is outside the evidence folder {Root}.", nameof(relativePath));
        }

        return full;
    }

    /// <summary>The manifest entry of <paramref name="relativePath"/>, or null when it was never written.</summary>
    public ManifestEntry? TryGet(string relativePath)
    {
        _lock.Wait();
        try
        {
            return _entries.GetValueOrDefault(relativePath);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Writes a new file and records it. Writing the same bytes to the same path again returns the existing entry
    /// (or records the file, when an interrupted run saved it without its manifest line); different bytes throw
    /// <see cref="EvidenceConflictException"/>.
    /// </summary>
    public async Task<ManifestEntry> WriteAsync(string relativePath, ReadOnlyMemory<byte> content, string source, string? etag = null, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        return await WriteAsync(relativePath, stream, source, etag, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams a new file into the staging folder (never into memory), lets <paramref name="check"/> refuse it by
    /// throwing once its size and hashes are known, then moves it into place and records it, as
    /// <see cref="WriteAsync(string, ReadOnlyMemory{byte}, string, string?, CancellationToken)"/> does. A failed or
    /// refused download leaves nothing behind.
    /// </summary>
    public async Task<ManifestEntry> WriteAsync(
        string relativePath, Stream content, string source, string? etag, Action<StagedContent>? check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(source);
        var full = FullPath(relativePath);
        var staging = Path.Combine(Root, Evidence.EvidenceStaging.FolderName);
        Directory.CreateDirectory(staging);
        var temporary = Path.Combine(staging, Guid.NewGuid().ToString("N"));
        try
        {
            var staged = await StageAsync(content, temporary, cancellationToken).ConfigureAwait(false);
            check?.Invoke(staged);
            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var folderLock = await LockFolderAsync(cancellationToken).ConfigureAwait(false);
                LoadManifest();
                if (_entries.TryGetValue(relativePath, out var existing))
                {
                    return existing.Sha256 == staged.Sha256 ? existing : throw Conflict(full);
                }

                if (File.Exists(full))
                {
                    // A run stopped between saving a file and recording it leaves the file unlisted. The same bytes
                    // fetched again are that file: record it, so the rerun resumes instead of failing for good.
                    if (await HashFileAsync(full, cancellationToken).ConfigureAwait(false) != staged.Sha256)
                    {
                        throw Conflict(full);
                    }
                }
                else
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    File.Move(temporary, full, overwrite: false);
                }

                MakeReadOnly(full);
                var entry = new ManifestEntry(relativePath, staged.Length, staged.Sha256, source, _clock.GetUtcNow(), etag);
                // Not cancellable: once the file is in place, its manifest line must follow it.
                await AppendLineAsync(Path.Combine(Root, ManifestFileName), JsonSerializer.Serialize(entry, LineOptions), CancellationToken.None).ConfigureAwait(false);
                _entries[relativePath] = entry;
                return entry;
            }
            finally
            {
                _lock.Release();
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Appends one JSON object as a line of <c>actions.jsonl</c> (the containment actions log).</summary>
    public async Task AppendActionAsync<T>(T action, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await AppendLineAsync(Path.Combine(Root, ActionsFileName), JsonSerializer.Serialize(action, LineOptions), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Re-hashes every recorded file; returns one line per file that is missing or changed.</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        foreach (var entry in Entries)
        {
            var full = FullPath(entry.Path);
            if (!File.Exists(full))
            {
                problems.Add($"{full}: listed in the manifest but missing");
                continue;
            }

            var sha = await HashFileAsync(full, cancellationToken).ConfigureAwait(false);
            if (sha != entry.Sha256)
            {
                problems.Add($"{full}: SHA-256 {sha} differs from the manifest's {entry.Sha256}");
            }
        }

        return problems;
    }

    // Reads the manifest lines appended since the last read (all of them when the folder is opened): another process
    // fetching into the same folder may have recorded files since. Only whole lines are taken; a line still being
    // written is read next time.
    private void LoadManifest()
    {
        var path = Path.Combine(Root, ManifestFileName);
        if (!File.Exists(path))
        {
            return;
        }

        byte[] tail;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            stream.Seek(_manifestBytesRead, SeekOrigin.Begin);
            tail = new byte[stream.Length - _manifestBytesRead];
            stream.ReadExactly(tail);
        }

        // When the folder is opened, a last line without its line break is a line cut short by a crash; later, it may
        // be a line another process is still writing.
        var end = !_opened ? tail.Length : Array.LastIndexOf(tail, (byte)'\n') + 1;
        _opened = true;
        foreach (var line in Encoding.UTF8.GetString(tail, 0, end).Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            _manifestLinesRead++;
            try
            {
                var entry = JsonSerializer.Deserialize<ManifestEntry>(line, LineOptions);
                if (entry?.Path is null || entry.Sha256 is null)
                {
                    throw new JsonException("path or sha256 missing");
                }

                if (!_entries.TryGetValue(entry.Path, out var known) || known != entry)
                {
                    _entries[entry.Path] = entry;
                }
            }
            catch (JsonException e)
            {
                // A line cut short by a crash: report it and keep every other entry.
                _problems.Add($"{path}:line {_manifestLinesRead}: not a manifest entry ({e.Message.Split('.')[0]})");
            }
        }

        _manifestBytesRead += end;
    }

    // Processes fetching into one folder take turns at placing a file and recording it, so a file fetched by two of
    // them is recorded once. The lock is a file held open exclusively; the OS releases it if a process dies, so a
    // lock file left by a killed run does not block the next. The file is never deleted, so .nbh-staging/manifest.lock
    // stays after a fetch: a holder that deleted it before release let a waiter lock the deleted file while a third
    // process locked a new one at the same path, both holding "the lock", and .NET has no portable way to check that
    // a held handle is still the file at the path.
    private async Task<FileStream> LockFolderAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, Evidence.EvidenceStaging.FolderName, "manifest.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 3000)
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<StagedContent> StageAsync(Stream content, string temporary, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
#pragma warning disable CA5351 // MD5 is what S3 puts in a single-part object's ETag; it checks transfer, not authenticity.
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        var buffer = new byte[81920];
        long length = 0;
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                md5.AppendData(buffer, 0, read);
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                length += read;
            }

            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return new StagedContent(length, Convert.ToHexStringLower(sha.GetHashAndReset()), Convert.ToHexStringLower(md5.GetHashAndReset()));
    }

    private static EvidenceConflictException Conflict(string full) =>
        new($"{full} already exists with other content; evidence is never overwritten. Use a new --evidence folder.");

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    private static async Task AppendLineAsync(string path, string line, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
        // After a line cut short by a crash, the new line starts on a line of its own instead of being glued to it.
        var cutShort = stream.Length > 0 && LastByte(path) != (byte)'\n';
        var bytes = Encoding.UTF8.GetBytes((cutShort ? "\n" : "") + line + "\n");
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static int LastByte(string path)
    {
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        reader.Seek(-1, SeekOrigin.End);
        return reader.ReadByte();
    }

    private static void MakeReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
