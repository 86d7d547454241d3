using System.Globalization;
using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Athena;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Display;

namespace NotebookHelpers.Cli.CommandLine;

/// <summary>
/// What the commands that run SQL on Athena share: <c>--workgroup</c>, <c>--output</c>, <c>--max-scan-gb</c>,
/// <c>--price-per-tb</c> and <c>--evidence</c>, read into <see cref="AthenaQueryOptions"/>; progress lines on stderr.
/// </summary>
public static class AthenaCommandLine
{
    /// <summary>
    /// Adds the Athena options (the database and table options are each command's own); <c>--evidence</c> unless
    /// <paramref name="evidence"/> is false (a command that declares it for more than Athena).
    /// </summary>
    public static CommandSpec WithAthena(this CommandSpec spec, bool evidence = true)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Option("--workgroup", "NAME", "Athena workgroup (default: primary)")
            .Option("--output", "S3URL", "where Athena writes result files, s3://BUCKET/PREFIX/ (default: the workgroup's)")
            .Option("--max-scan-gb", "N", "refuse or stop a query that scans more than N GB (default 100)")
            .Option("--price-per-tb", "USD", "price per TB scanned for the cost reported (default 5.00, AWS's list price in most regions)");
        return evidence ? spec.Option("--evidence", "DIR", "evidence folder where each query's SQL, execution and result pages are saved") : spec;
    }

    /// <summary>The query options the arguments describe.</summary>
    /// <exception cref="UsageException">A value is not what its option takes.</exception>
    public static AthenaQueryOptions Options(CommandArguments args, string? database)
    {
        ArgumentNullException.ThrowIfNull(args);
        var output = args.Value("--output");
        if (output is not null && !output.StartsWith("s3://", StringComparison.Ordinal))
        {
            throw new UsageException($"{args.CommandName}: --output takes an s3://BUCKET/PREFIX/ location, not '{TerminalText.OneLine(output)}'.");
        }

        return new AthenaQueryOptions
        {
            Database = database,
            WorkGroup = args.Value("--workgroup"),
            OutputLocation = output is null ? null : output.TrimEnd('/') + "/",
            MaxScanBytes = (long)(Number(args, "--max-scan-gb", 100m) * (1L << 30)),
            PricePerTerabyte = Number(args, "--price-per-tb", AthenaCost.DefaultPricePerTerabyte),
        };
    }

    /// <summary>The evidence folder of <c>--evidence</c>, or null when not given.</summary>
    public static EvidenceDirectory? Evidence(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Value("--evidence") is { } folder ? EvidenceDirectory.Open(folder) : null;
    }

    /// <summary>Progress lines on stderr, prefixed with the command.</summary>
    public static ImmediateProgress<string> Progress(CommandArguments args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        return new ImmediateProgress<string>(line => console.Error.WriteLine($"nbh {args.CommandName}: {TerminalText.OneLine(line)}"));
    }

    /// <summary>
    /// Runs an Athena command body: a query that failed, was cancelled or went past the scan bound is one line on
    /// stderr (with what it scanned and cost) and exit code 1; AWS failures as every AWS command reports them.
    /// </summary>
    public static Task<int> RunAsync(CommandArguments args, CliConsole console, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return AwsCommandLine.RunAsync(args, console, async () =>
        {
            try
            {
                return await body().ConfigureAwait(false);
            }
            catch (AthenaQueryException e)
            {
                await console.Error.WriteLineAsync($"nbh {args.CommandName}: {TerminalText.OneLine(e.Message)}").ConfigureAwait(false);
                return CliApplication.FailureExitCode;
            }
        });
    }

    private static decimal Number(CommandArguments args, string option, decimal fallback)
    {
        var text = args.Value(option);
        if (text is null)
        {
            return fallback;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new UsageException($"{args.CommandName}: {option} takes a positive number, not '{TerminalText.OneLine(text)}'.");
    }
}
