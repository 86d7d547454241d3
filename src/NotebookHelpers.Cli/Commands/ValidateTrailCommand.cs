using System.Globalization;
using NotebookHelpers.Aws.CloudTrail;
using NotebookHelpers.Aws.S3;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Display;
using NotebookHelpers.Integrity;
using NotebookHelpers.Sources;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh validate-trail PATH|sample|s3://BUCKET[/PREFIX]</c>: checks a trail copy's digest chain, signatures and log
/// file hashes as <c>aws cloudtrail validate-logs</c> does, offline (docs/log-integrity.md). A folder is validated as
/// it is, with <c>--public-keys</c> files and any keys the evidence folder saved; <c>s3://</c> first fetches the log
/// files, digests, their metadata and CloudTrail's public keys for the range into <c>--evidence</c>. Exit code 0 only
/// when everything checked is valid.
/// </summary>
public sealed class ValidateTrailCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "validate-trail";

    /// <inheritdoc />
    public string Summary => "Validate a trail's digest chain and log file hashes, as aws cloudtrail validate-logs does, offline.";

    /// <inheritdoc />
    public string Usage => "nbh validate-trail PATH|sample|s3://BUCKET[/PREFIX] [--public-keys FILE] [--start T] [--end T] [--format text|json] [--evidence DIR]";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--public-keys", "FILE", "CloudTrail's public keys in ListPublicKeys response shape (repeatable); an evidence folder's saved keys are always used")
        .Option("--start", "T", "validate from here: digests ending after it, log files delivered from it on (default: the oldest digest of each chain)")
        .Option("--end", "T", "validate up to here (default: open, so files delivered after the last digest are reported)")
        .Option("--format", "FORMAT", "text (default: one line per problem, then a summary) or json (docs/log-integrity.md)", "-f")
        .Option("--evidence", "DIR", "for s3://: the folder the trail and the public keys are fetched into (required)")
        .Option("--accounts", "IDS", "for s3://: only these account ids, comma-separated")
        .Option("--regions", "LIST", "for s3://: only these regions, comma-separated")
        .WithSession();

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positional.Count != 1)
        {
            throw new UsageException($"{Name}: give one PATH, sample or s3://BUCKET[/PREFIX]. Usage: {Usage}");
        }

        var format = (args.Value("--format") ?? "text").ToLowerInvariant();
        if (format is not ("text" or "json"))
        {
            throw new UsageException($"{Name}: --format must be text or json, not '{args.Value("--format")}'.");
        }

        var range = AwsCommandLine.Range(args);
        var keyFiles = args.Values("--public-keys").ToList();
        foreach (var file in keyFiles.Where(f => !File.Exists(f)))
        {
            throw new UsageException($"{Name}: --public-keys {file}: no such file.");
        }

        var target = args.Positional[0];
        string folder;
        if (target.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var fetched = await FetchAsync(args, console, target, range.Start, range.End, cancellationToken).ConfigureAwait(false);
            if (fetched is null)
            {
                return CliApplication.FailureExitCode;
            }

            folder = fetched;
        }
        else if (SampleIncidentLocator.TryParseSourceName(target, out var copy) && copy == "trail-s3")
        {
            folder = SampleIncidentLocator.Find(copy);
            // The sample's own key (not an AWS key) sits next to its trail copy.
            var sampleKeys = Path.Combine(Path.GetDirectoryName(folder)!, SampleIncidentLocator.PublicKeysFileName);
            if (keyFiles.Count == 0 && File.Exists(sampleKeys))
            {
                keyFiles.Add(sampleKeys);
            }
        }
        else if (Directory.Exists(target))
        {
            folder = target;
        }
        else
        {
            await console.Error.WriteLineAsync($"nbh {Name}: no such folder: {TerminalText.OneLine(target)}").ConfigureAwait(false);
            return CliApplication.FailureExitCode;
        }

        var options = new TrailIntegrityOptions { Start = range.Start, End = range.End, PublicKeys = PublicKeySet.Load(keyFiles) };
        var report = await Task.Run(() => TrailIntegrityValidator.Validate(folder, options), cancellationToken).ConfigureAwait(false);
        if (format == "json")
        {
            await console.Out.WriteAsync(TrailIntegrityJson.Format(report)).ConfigureAwait(false);
        }
        else
        {
            await console.Out.WriteAsync(TerminalText.Block(TrailIntegrityText.Format(report))).ConfigureAwait(false);
        }

        if (report.Files.Count == 0)
        {
            await console.Error.WriteLineAsync($"nbh {Name}: no digest or log files under {TerminalText.OneLine(folder)} (expected AWSLogs/…/CloudTrail-Digest/…).").ConfigureAwait(false);
        }

        return report.IsValid ? 0 : CliApplication.FailureExitCode;
    }

    // s3://: the trail's files and digests for the days of the range, then the public keys of the digests' regions.
    private async Task<string?> FetchAsync(CommandArguments args, CliConsole console, string target, DateTimeOffset? start, DateTimeOffset? end, CancellationToken cancellationToken)
    {
        S3Location location;
        try
        {
            location = S3Location.Parse(target);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{Name}: {e.Message}", e);
        }

        if (start is not { } from || end is not { } to)
        {
            throw new UsageException($"{Name}: give both --start and --end with s3:// (the days to fetch and validate).");
        }

        var evidence = AwsCommandLine.Evidence(args);
        var accounts = AwsCommandLine.CommaSeparated(args.Value("--accounts"));
        var regions = AwsCommandLine.CommaSeparated(args.Value("--regions"));
        string? folder = null;
        var code = await AwsCommandLine.RunAsync(args, console, async () =>
        {
            using var session = AwsCommandLine.OpenSession(args, console);
            using var s3 = session.CreateS3Client();
            var fetched = await new TrailLogFetcher(s3, evidence).FetchAsync(new TrailFetchRequest(location, from, to, accounts, regions), null, cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"nbh {Name}: {fetched.Listed} objects listed, {fetched.Downloaded} downloaded, {fetched.Skipped} already saved; evidence in {evidence.Root}")).ConfigureAwait(false);
            var (_, keyProblems) = await new PublicKeyFetcher(new CloudTrailClient(session.Sender), evidence)
                .FetchForDigestsAsync(fetched.Paths, cancellationToken).ConfigureAwait(false);
            foreach (var problem in fetched.Problems.Concat(keyProblems))
            {
                await console.Error.WriteLineAsync($"nbh {Name}: {TerminalText.OneLine(problem)}").ConfigureAwait(false);
            }

            if (!fetched.IsComplete || keyProblems.Count > 0)
            {
                await console.Error.WriteLineAsync($"nbh {Name}: INCOMPLETE: what could not be fetched cannot be validated (it shows as missing or unverified).").ConfigureAwait(false);
            }

            folder = evidence.Root;
            return 0;
        }).ConfigureAwait(false);
        return code == 0 ? folder : null;
    }
}
