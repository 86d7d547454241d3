using System.Text;
using NotebookHelpers.Aws.EvidenceFolder;

namespace NotebookHelpers.Tests.Aws;

public sealed class EvidenceDirectoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nbh-evidence-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            foreach (var file in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task RecordsEachFileWithSizeHashSourceAndTimeAndMakesItReadOnly()
    {
        var evidence = EvidenceDirectory.Open(_folder);

        var entry = await evidence.WriteAsync("lookup/a/page-0001.json", "{\"Events\":[]}"u8.ToArray(), "cloudtrail:LookupEvents region=us-east-1 page=1");

        Assert.Equal(("lookup/a/page-0001.json", 13L), (entry.Path, entry.Size));
        Assert.Equal("4f4dcf1af86d7e06cdcd0ccda8b8cd6d6f2a2ed32e3f89c70ffc64e8a84bd5d6".Length, entry.Sha256.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("{\"Events\":[]}"u8)), entry.Sha256);
        var full = evidence.FullPath(entry.Path);
        if (OperatingSystem.IsWindows())
        {
            Assert.True(File.GetAttributes(full).HasFlag(FileAttributes.ReadOnly));
        }
        else
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(full));
        }

        Assert.Single(File.ReadAllLines(Path.Combine(_folder, EvidenceDirectory.ManifestFileName)));
        Assert.Empty(Directory.EnumerateFiles(_folder, "*.partial-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task NeverOverwritesAFileWithOtherContentButAcceptsTheSameBytesAgain()
    {
        var evidence = EvidenceDirectory.Open(_folder);
        var first = await evidence.WriteAsync("s3/b/k.json.gz", new byte[] { 1, 2, 3 }, "s3:GetObject s3://b/k.json.gz", "etag1");

        var again = await evidence.WriteAsync("s3/b/k.json.gz", new byte[] { 1, 2, 3 }, "s3:GetObject s3://b/k.json.gz", "etag1");
        var error = await Assert.ThrowsAsync<EvidenceConflictException>(() => evidence.WriteAsync("s3/b/k.json.gz", new byte[] { 9 }, "s3:GetObject"));

        Assert.Same(first, again);
        Assert.Contains("never overwritten", error.Message, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(evidence.FullPath("s3/b/k.json.gz")));
    }

    [Fact]
    public async Task RecordsAFileAnInterruptedRunSavedWithoutItsManifestLineWhenTheSameBytesArriveAgain()
    {
        var evidence = EvidenceDirectory.Open(_folder);
        await evidence.WriteAsync("a.json", "{}"u8.ToArray(), "test a");
        // The run stopped after renaming the files into place, before their manifest lines were appended.
        Directory.CreateDirectory(Path.Combine(_folder, "s3", "b"));
        await File.WriteAllBytesAsync(Path.Combine(_folder, "s3", "b", "k.json.gz"), [1, 2, 3]);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "s3", "b", "other.json.gz"), [4, 5, 6]);
        var rerun = EvidenceDirectory.Open(_folder);

        var entry = await rerun.WriteAsync("s3/b/k.json.gz", new byte[] { 1, 2, 3 }, "s3:GetObject s3://b/k.json.gz", "etag1");
        var conflict = await Assert.ThrowsAsync<EvidenceConflictException>(() => rerun.WriteAsync("s3/b/other.json.gz", new byte[] { 9 }, "s3:GetObject"));

        Assert.Equal(("s3/b/k.json.gz", 3L, "etag1"), (entry.Path, entry.Size, entry.ETag));
        Assert.Equal(["a.json", "s3/b/k.json.gz"], EvidenceDirectory.Open(_folder).Entries.Select(e => e.Path));
        Assert.Contains("never overwritten", conflict.Message, StringComparison.Ordinal);
        Assert.Equal([4, 5, 6], File.ReadAllBytes(rerun.FullPath("s3/b/other.json.gz")));
    }

    [Fact]
    public async Task ReopensTheManifestAndReportsACutLineWithoutLosingTheOthers()
    {
        var evidence = EvidenceDirectory.Open(_folder);
        await evidence.WriteAsync("a.json", "{}"u8.ToArray(), "test a");
        await evidence.WriteAsync("b.json", "[]"u8.ToArray(), "test b", "etag-b");
        await File.AppendAllTextAsync(Path.Combine(_folder, EvidenceDirectory.ManifestFileName), "{\"path\":\"c.json\",\"si");

        var reopened = EvidenceDirectory.Open(_folder);

        Assert.Equal(["a.json", "b.json"], reopened.Entries.Select(e => e.Path));
        Assert.Equal("etag-b", reopened.TryGet("b.json")!.ETag);
        Assert.Contains(":line 3: not a manifest entry", Assert.Single(reopened.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyFindsAFileChangedAfterItWasSaved()
    {
        var evidence = EvidenceDirectory.Open(_folder);
        await evidence.WriteAsync("a.json", "{\"Records\":[]}"u8.ToArray(), "test");
        var full = evidence.FullPath("a.json");
        File.SetAttributes(full, FileAttributes.Normal);
        await File.WriteAllTextAsync(full, "{\"Records\":[{\"tampered\":true}]}", Encoding.UTF8);

        var problems = await evidence.VerifyAsync();

        Assert.Contains("differs from the manifest", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesPathsOutsideTheFolder()
    {
        var evidence = EvidenceDirectory.Open(_folder);

        Assert.Throws<ArgumentException>(() => evidence.FullPath("../escape.json"));
    }

    [Fact]
    public async Task AppendsActionsAsJsonLines()
    {
        var evidence = EvidenceDirectory.Open(_folder);

        await evidence.AppendActionAsync(new { operation = "UpdateAccessKey", outcome = "succeeded" });
        await evidence.AppendActionAsync(new { operation = "PutUserPolicy", outcome = "failed: AccessDenied" });

        Assert.Equal(
            ["{\"operation\":\"UpdateAccessKey\",\"outcome\":\"succeeded\"}", "{\"operation\":\"PutUserPolicy\",\"outcome\":\"failed: AccessDenied\"}"],
            File.ReadAllLines(Path.Combine(_folder, EvidenceDirectory.ActionsFileName)));
    }
}
