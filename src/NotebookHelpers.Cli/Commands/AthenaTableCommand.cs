using System.Globalization;
using NotebookHelpers.Aws.Athena;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Display;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh athena-table --bucket B [--prefix P] [--org o-…] [--accounts …] [--regions …] [--database D] [--table T]
/// [--create]</c>: prints the CREATE EXTERNAL TABLE for a trail's log files with partition projection (account, region,
/// day), as the Athena User Guide documents it; with <c>--create</c> it also runs it on Athena.
/// </summary>
public sealed class AthenaTableCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "athena-table";

    /// <inheritdoc />
    public string Summary => "Print (or --create) the Athena table over a trail's S3 bucket, with partition projection.";

    /// <inheritdoc />
    public string Usage =>
        "nbh athena-table --bucket BUCKET [--prefix PREFIX] [--org o-ID] [--accounts A1,A2] [--regions R1,R2] [--database D] [--table T] [--since YYYY-MM-DD] " +
        "[--create [--workgroup W] [--output s3://…] [--evidence DIR] [--profile NAME] [--region REGION]]";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--bucket", "BUCKET", "the trail's S3 bucket (required)")
        .Option("--prefix", "PREFIX", "the trail's key prefix, before AWSLogs/ (default: none)")
        .Option("--org", "o-ID", "the organization id of an organization trail (its logs are under AWSLogs/o-ID/)")
        .Option("--accounts", "LIST", "accounts to project, comma-separated (default: injected, every query names its accounts)")
        .Option("--regions", "LIST", "regions to project, comma-separated (default: every commercial region)")
        .Option("--database", "NAME", "Glue database (default: default)")
        .Option("--table", "NAME", "table name (default: cloudtrail_logs)")
        .Option("--since", "DATE", "first day of the date partitions, YYYY-MM-DD (default: 2013-11-01)")
        .Flag("--create", "run the statement on Athena (else only print it)")
        .WithAthena()
        .WithSession();

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        string ddl;
        CloudTrailTableSpec spec;
        try
        {
            spec = new CloudTrailTableSpec
            {
                Bucket = args.Required("--bucket"),
                Prefix = (args.Value("--prefix") ?? "").Trim('/'),
                OrganizationId = args.Value("--org"),
                Accounts = AwsCommandLine.CommaSeparated(args.Value("--accounts")),
                Regions = AwsCommandLine.CommaSeparated(args.Value("--regions")),
                Database = args.Value("--database") ?? "default",
                Table = args.Value("--table") ?? "cloudtrail_logs",
                ProjectionStart = Since(args),
            };
            ddl = CloudTrailTableDdl.Render(spec);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"athena-table: {TerminalText.OneLine(e.Message)}", e);
        }

        await console.Out.WriteAsync(ddl).ConfigureAwait(false);
        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (!args.Flag("--create"))
        {
            return 0;
        }

        var options = AthenaCommandLine.Options(args, spec.Database);
        return await AthenaCommandLine.RunAsync(args, console, async () =>
        {
            using var session = AwsCommandLine.OpenSession(args, console);
            var executor = new AthenaQueryExecutor(new AthenaClient(session.Sender), session.Region, options, AthenaCommandLine.Evidence(args));
            var outcome = await executor.ExecuteAsync(ddl, AthenaCommandLine.Progress(args, console), cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync(
                $"nbh athena-table: created {spec.Database}.{spec.Table} in {session.Region} (query {outcome.Execution.Id}); query it with: nbh query --engine athena --database {spec.Database} --table {spec.Table} …").ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
    }

    private static DateOnly Since(CommandArguments args) =>
        args.Value("--since") is not { } text ? new DateOnly(2013, 11, 1)
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new UsageException($"athena-table: --since takes a day, YYYY-MM-DD, not '{TerminalText.OneLine(text)}'.");
}
