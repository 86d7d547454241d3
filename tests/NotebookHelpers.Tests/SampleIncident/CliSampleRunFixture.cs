using NotebookHelpers.Cli.CommandLine;

namespace NotebookHelpers.Tests.SampleIncident;

/// <summary>
/// One <c>nbh sample-incident --seed 11 --scale 2</c> run through the CLI, shared by
/// <see cref="SampleIncidentCommandTests"/>: the test of the command's output and the test of the scale formula each
/// ran the generator on their own (default size, then scale 3); one scale-2 run serves both, the formula read from the
/// answer key the run wrote.
/// </summary>
public sealed class CliSampleRunFixture : IDisposable
{
    public CliSampleRunFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "nbh-sample-cli-" + Guid.NewGuid().ToString("N")[..8]);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        ExitCode = CliApplication.RunAsync(["sample-incident", "--out", Folder, "--seed", "11", "--scale", "2"], new CliConsole(stdout, stderr))
            .GetAwaiter().GetResult();
        Stdout = stdout.ToString();
        Stderr = stderr.ToString();
    }

    public string Folder { get; }

    public int ExitCode { get; }

    public string Stdout { get; }

    public string Stderr { get; }

    public void Dispose()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Folder, recursive: true);
    }
}
