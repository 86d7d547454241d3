using System.Globalization;
using NotebookHelpers.Aws.S3;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Display;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh fetch-trail s3://BUCKET[/PREFIX] --start T --end T --evidence DIR</c>: downloads a trail's log files for
/// the days of the range (every account and region found, organization trails included) into the evidence folder, in
/// parallel, skipping files already saved with the same ETag and size. Query them afterwards with
/// <c>nbh query --logs DIR</c>.
/// </summary>
public sealed class FetchTrailCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "fetch-trail";

    /// <inheritdoc />
    public string Summary => "Download a trail's CloudTrail log files from S3 into an evidence folder.";

    /// <inheritdoc />
    public string Usage => "nbh fetch-trail s3://BUCKET[/PREFIX] --start T --end T --evidence DIR [--accounts ID,ID] [--regions R1,R2]";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--start", "T", "first day to fetch (required)")
        .Option("--end", "T", "last day to fetch (required; the next day is fetched too: files are filed by delivery time)")
        .Option("--evidence", "DIR", "folder where the files are saved (required)")
        .Option("--accounts", "IDS", "only these account ids, comma-separated (default: every account under AWSLogs/)")
        .Option("--regions", "LIST", "only these regions, comma-separated (default: every region found)")
        .Option("--parallel", "N", "downloads at once (default 8)")
        .WithSession();

    /// <inheritdoc />
    public Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positional.Count != 1)
        {
            throw new UsageException($"{Name}: give one s3://BUCKET[/PREFIX]. Usage: {Usage}");
        }

        S3Location location;
        try
        {
            location = S3Location.Parse(args.Positional[0]);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{Name}: {e.Message}", e);
        }

        var range = AwsCommandLine.Range(args);
        if (range.Start is not { } start || range.End is not { } end)
        {
            throw new UsageException($"{Name}: give both --start and --end (the days to download).");
        }

        var parallel = 8;
        if (args.Value("--parallel") is { } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out parallel) || parallel is < 1 or > 64))
        {
            throw new UsageException($"{Name}: --parallel must be a whole number from 1 to 64, not '{p}'.");
        }

        var accounts = AwsCommandLine.CommaSeparated(args.Value("--accounts"));
        var regions = AwsCommandLine.CommaSeparated(args.Value("--regions"));
        var evidence = AwsCommandLine.Evidence(args);
        return AwsCommandLine.RunAsync(args, console, async () =>
        {
            using var session = AwsCommandLine.OpenSession(args, console);
            using var s3 = session.CreateS3Client();
            var lastLine = DateTimeOffset.MinValue;
            var progress = new ImmediateProgress<TrailFetchProgress>(x =>
            {
                // One line per second at most: thousands of objects must not flood the terminal.
                if (DateTimeOffset.UtcNow - lastLine > TimeSpan.FromSeconds(1) || x.ObjectsDone == x.ObjectsTotal)
                {
                    lastLine = DateTimeOffset.UtcNow;
                    console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"nbh fetch-trail: {x.ObjectsDone}/{x.ObjectsTotal} objects, {x.BytesDownloaded / 1024.0:0.0} KiB — {TerminalText.OneLine(x.Message)}"));
                }
            });
            var result = await new TrailLogFetcher(s3, evidence, parallel)
                .FetchAsync(new TrailFetchRequest(location, start, end, accounts, regions), progress, cancellationToken).ConfigureAwait(false);
            foreach (var path in result.Paths)
            {
                await console.Out.WriteLineAsync(evidence.FullPath(path)).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"nbh fetch-trail: {result.Listed} objects listed, {result.Downloaded} downloaded ({result.BytesDownloaded} bytes), {result.Skipped} already saved; evidence in {evidence.Root}")).ConfigureAwait(false);
            foreach (var problem in result.Problems)
            {
                await console.Error.WriteLineAsync("nbh fetch-trail: " + TerminalText.OneLine(problem)).ConfigureAwait(false);
            }

            if (!result.IsComplete)
            {
                await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"nbh fetch-trail: INCOMPLETE: {result.Problems.Count} objects or prefixes missed (listed above); what was saved is kept — run the same command again to fetch the rest.")).ConfigureAwait(false);
                return CliApplication.FailureExitCode;
            }

            return 0;
        });
    }
}
