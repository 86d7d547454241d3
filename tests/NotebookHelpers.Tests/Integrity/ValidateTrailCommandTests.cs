using System.Text.Json;
using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Integrity;

public sealed class ValidateTrailCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SignedTrail _trail;
    private readonly string _keys;

    public ValidateTrailCommandTests()
    {
        _trail = new SignedTrail(Path.Combine(_temp.Path, "bucket"));
        _trail.DeliverHour(["e-1"]);
        _trail.DeliverHour(["e-2"], ["e-3"]);
        _keys = _trail.WritePublicKeys(Path.Combine(_temp.Path, "keys.json"));
    }

    public void Dispose()
    {
        _trail.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task AnIntactCopyExitsZeroAndPrintsTheVerdict()
    {
        var run = await CliRun.RunAsync("validate-trail", _trail.Root, "--public-keys", _keys);

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.EndsWith("VALID: 2 digest files (2 valid); 3 log files (3 valid)\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachProblemIsOneLineAndTheExitCodeIsOne()
    {
        File.Delete(_trail.PathOf(_trail.LogKeys[1].Key));
        _trail.AddForeignLogFile(new DateTimeOffset(2025, 3, 11, 1, 30, 0, TimeSpan.Zero), "forged");

        var run = await CliRun.RunAsync("validate-trail", _trail.Root, "--public-keys", _keys);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.Single(lines, l => l.StartsWith("log file missing: " + _trail.LogKeys[1].Key + " — ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("log file not-covered: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonOutputListsEveryFileWithItsStatus()
    {
        var run = await CliRun.RunAsync("validate-trail", _trail.Root, "--public-keys", _keys, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(5, json.RootElement.GetProperty("files").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("files").EnumerateArray(), f => Assert.Equal("valid", f.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task JsonOutputEscapesBidiAndControlCharactersInKeysAndKeepsThem()
    {
        // A log file someone else put in the bucket under a key prefix carrying a right-to-left override, DEL and a C1
        // control (CSI): raw on a terminal they would reorder or drive the rest of the line.
        var foreign = _trail.AddForeignLogFile(new DateTimeOffset(2025, 3, 11, 1, 30, 0, TimeSpan.Zero), "forged");
        var hostile = "logs\u202Eexe.\u007F\u009B/" + foreign;
        Directory.CreateDirectory(Path.GetDirectoryName(_trail.PathOf(hostile))!);
        File.Move(_trail.PathOf(foreign), _trail.PathOf(hostile));

        var run = await CliRun.RunAsync("validate-trail", _trail.Root, "--public-keys", _keys, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain(run.Out, c => c is '\u202E' or '\u007F' or '\u009B');
        Assert.Contains("\\u202E", run.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Single(json.RootElement.GetProperty("files").EnumerateArray(), f => f.GetProperty("path").GetString() == hostile);
    }

    [Fact]
    public async Task TheSampleValidatesWithItsOwnKeyExceptTheObjectItsStoryDeleted()
    {
        var run = await CliRun.RunAsync("validate-trail", "sample");

        Assert.Equal(1, run.ExitCode);
        var problems = run.Out.Split('\n').Where(l => l.StartsWith("log file ", StringComparison.Ordinal) || l.StartsWith("digest ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("log file missing: AWSLogs/o-7pq2xk4m9d/739154086213/CloudTrail/us-east-1/2025/03/11/", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Contains("48 digest files (48 valid)", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--public-keys", "no-such-file.json")]
    public async Task BadOptionsAreUsageErrors(string option, string value)
    {
        var run = await CliRun.RunAsync("validate-trail", _trail.Root, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderThatDoesNotExistIsNamed()
    {
        var run = await CliRun.RunAsync("validate-trail", Path.Combine(_temp.Path, "nope"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no such folder", run.Error, StringComparison.Ordinal);
    }
}
