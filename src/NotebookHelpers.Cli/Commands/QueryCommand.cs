using System.Globalization;
using System.Text;
using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Athena;
using NotebookHelpers.Aws.Credentials;
using NotebookHelpers.Aws.Transport;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Cli.Engines;
using NotebookHelpers.Display;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Sources;
using NotebookHelpers.Insights.Sql;
using NotebookHelpers.Sources;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh query --logs PATH 'QUERY'</c>: runs a CloudWatch Logs Insights query over evidence, offline, and prints
/// what GetQueryResults would (as a table, CSV, or the exact response JSON). Statistics, progress and read problems
/// go to stderr. Sources: local paths; <c>sample</c> (the recorded sample incident); <c>cwl:[REGION:]GROUP</c> (run live on CloudWatch Logs Insights);
/// <c>lookup:[KEY=]VALUE</c> and <c>s3://BUCKET[/PREFIX]</c> (fetched into <c>--evidence DIR</c>, then queried offline).
/// <c>--engine duckdb</c> runs local evidence in embedded DuckDB instead (same results, docs/athena.md); <c>--sql</c>
/// prints the query's SQL (<c>--dialect trino|duckdb</c>) without reading anything. <c>--engine athena</c> runs it on
/// Amazon Athena over a CloudTrail table (<c>--table</c>, <c>--database</c>; <see cref="AthenaInsightsQueryRunner"/>),
/// bounded by the partitions of <c>--start</c>/<c>--end</c>, <c>--accounts</c> and <c>--regions</c>, and reports what it
/// scanned and cost.
/// </summary>
public sealed class QueryCommand : ICliCommand
{
    private readonly QuerySourceResolver? _sources;

    /// <summary>Creates the command over every source kind, configured from each run's options.</summary>
    public QueryCommand()
    {
    }

    /// <summary>Creates the command over <paramref name="sources"/> only (the AWS options then have no effect).</summary>
    public QueryCommand(QuerySourceResolver sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources;
    }

    /// <inheritdoc />
    public string Name => "query";

    /// <inheritdoc />
    public string Summary => "Run a CloudWatch Logs Insights query over log files, offline, as AWS would.";

    /// <inheritdoc />
    public string Usage =>
        "nbh query --logs PATH|cwl:[REGION:]GROUP|lookup:[KEY=]VALUE|s3://BUCKET[/PREFIX] [--logs ...] [--start T] [--end T] [--format table|json|csv] " +
        "[--engine offline|duckdb] [--sql [--dialect trino|duckdb] [--table DB.TABLE]] " +
        "| --engine athena --table [DB.]TABLE [--database DB] --start T [--end T] [--accounts A1,A2] [--workgroup W] [--output s3://…] [--max-scan-gb N] [--price-per-tb USD] " +
        "[--profile NAME] [--region REGION] [--evidence DIR] [--regions all|R1,R2] 'QUERY'";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--logs", "SOURCE", "a file, folder or archive of logs, sample (the sample incident), cwl:[REGION:]GROUP, lookup:[KEY=]VALUE or s3://BUCKET[/PREFIX] (repeatable)", "-l")
        .Option("--start", "T", "earliest event time, ISO 8601 or epoch seconds (default: all)")
        .Option("--end", "T", "latest event time, ISO 8601 or epoch seconds (default: all)")
        .Option("--format", "FORMAT", "table (default), json (the GetQueryResults response) or csv", "-f")
        .Option("--evidence", "DIR", "where lookup: and s3:// sources save what they fetch (required for them)")
        .Option("--regions", "LIST", "the regions read: those a lookup: sweep covers, and with --engine athena the region partitions read; 'all' (default: every enabled region, every projected one) or a comma-separated list")
        .Option("--engine", "ENGINE", "offline (default: nbh's own engine), duckdb (embedded DuckDB over the same local evidence; built with `dotnet build src/NotebookHelpers.DuckDb`) or athena (Amazon Athena over --table)")
        .Flag("--sql", "print the query as SQL instead of running it (nothing is read)")
        .Option("--dialect", "DIALECT", "the SQL dialect --sql prints: trino (Athena, the default) or duckdb (the default with --engine duckdb)")
        .Option("--table", "DB.TABLE", "the CloudTrail table Athena reads (--engine athena, --sql; default cloudtrail_logs, as nbh athena-table makes it)")
        .Option("--database", "NAME", "the Glue database of --table when it names none (default: default)")
        .Option("--accounts", "LIST", "with --engine athena: the accounts whose partitions are read, comma-separated (default: every projected one)")
        .WithAthena(evidence: false)
        .WithSession();

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positional.Count != 1)
        {
            throw new UsageException($"query: give the query as one argument (in quotes), after the options; got {args.Positional.Count}. Usage: {Usage}");
        }

        var engine = (args.Value("--engine") ?? "offline").ToUpperInvariant();
        if (engine is not ("OFFLINE" or "DUCKDB" or "ATHENA"))
        {
            throw new UsageException($"query: --engine must be offline, duckdb or athena, not '{args.Value("--engine")}'.");
        }

        if (args.Flag("--sql"))
        {
            return await PrintSqlAsync(args, engine, console).ConfigureAwait(false);
        }

        var sources = args.Values("--logs");
        if (engine == "ATHENA" && sources.Count > 0)
        {
            throw new UsageException("query: --engine athena reads the table of --table (and --database), not --logs.");
        }

        if (sources.Count == 0 && engine != "ATHENA")
        {
            throw new UsageException("query: give at least one --logs PATH.");
        }

        SampleScenarioSources.Prepare(Name, sources, console);

        var format = (args.Value("--format") ?? "table").ToUpperInvariant();
        if (format is not ("TABLE" or "JSON" or "CSV"))
        {
            throw new UsageException($"query: --format must be table, json or csv, not '{args.Value("--format")}'.");
        }

        TimeRange range;
        try
        {
            range = TimeRange.Parse(args.Value("--start"), args.Value("--end"));
        }
        catch (FormatException e)
        {
            throw new UsageException($"query: {e.Message}", e);
        }

        IInsightsQueryRunner? runner = null;
        if (engine != "ATHENA")
        {
            try
            {
                runner = (_sources ?? LiveSources(args, range, console)).Resolve(sources);
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"query: {e.Message.Split(" (Parameter", 2)[0]}", e);
            }
        }

        if (engine == "DUCKDB")
        {
            runner = runner is OfflineQueryRunner local
                ? DuckDbEngine.Create(local.Source)
                : throw new UsageException($"query: --engine duckdb runs over local evidence (files, folders, archives, sample, lookup: and s3:// once fetched), not {runner!.Description}.");
        }

        var athena = engine == "ATHENA" ? AthenaQuerySettings.From(args, range) : null;
        AwsSession? session = null;
        Amazon.S3.IAmazonS3? s3 = null;
        QueryResults results;
        try
        {
            if (athena is not null)
            {
                session = AwsCommandLine.OpenSession(args, console);
                s3 = session.CreateS3Client();
                runner = athena.CreateRunner(session, s3, AthenaCommandLine.Progress(args, console));
            }

            results = await runner!.RunAsync(args.Positional[0], range, Progress(console), cancellationToken).ConfigureAwait(false);
        }
        catch (AthenaQueryException e)
        {
            // Refused, failed, or stopped at the scan bound: one line with what it scanned and cost.
            await console.Error.WriteLineAsync($"nbh query: {TerminalText.OneLine(e.Message)}").ConfigureAwait(false);
            return CliApplication.FailureExitCode;
        }
        catch (InsightsQueryException e)
        {
            await console.Error.WriteLineAsync("nbh query: " + e.Describe()).ConfigureAwait(false);
            return CliApplication.UsageExitCode;
        }
        catch (SqlNotSupportedException e)
        {
            await console.Error.WriteLineAsync("nbh query: " + e.Describe() + "\nnbh query: run it with --engine offline.").ConfigureAwait(false);
            return CliApplication.UsageExitCode;
        }
        catch (Exception e) when (e is AwsServiceException or AwsConfigurationException
            or NotebookHelpers.Aws.EvidenceFolder.EvidenceConflictException or Amazon.Runtime.AmazonServiceException
            or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            // Live sources: one line that says what failed on AWS and what to do.
            await console.Error.WriteLineAsync($"nbh query: {AwsErrorAdvice.Describe(e)}").ConfigureAwait(false);
            return CliApplication.FailureExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or EvidenceReadException)
        {
            await console.Error.WriteLineAsync($"nbh query: {TerminalText.OneLine(e.Message)}").ConfigureAwait(false);
            return CliApplication.FailureExitCode;
        }
        finally
        {
            s3?.Dispose();
            session?.Dispose();
        }

        var text = format switch
        {
            "JSON" => QueryResultsJson.ToJson(results) + "\n",
            "CSV" => QueryResultsText.ToCsv(results),
            _ => QueryResultsText.ToTable(results),
        };
        await console.Out.WriteAsync(text).ConfigureAwait(false);
        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);

        var summary = new StringBuilder().Append("nbh query: ").AppendLine(QueryResultsText.Summary(results));
        if (runner is AthenaInsightsQueryRunner ran)
        {
            summary.Append("nbh query: ").AppendLine(AthenaQuerySettings.CostLine(ran));
        }

        foreach (var warning in results.Warnings)
        {
            summary.Append("nbh query: warning: ").AppendLine(TerminalText.OneLine(warning));
        }

        // Results over part of the evidence read like results over all of it: the run says so last and exits 1.
        var missed = results.Warnings.Count(w => w.StartsWith("INCOMPLETE", StringComparison.Ordinal));
        if (missed > 0)
        {
            summary.Append(CultureInfo.InvariantCulture, $"nbh query: INCOMPLETE: {missed} parts of the evidence missed (listed above); the results cover the rest — run the same command again to fetch what is missing.").AppendLine();
        }

        await console.Error.WriteAsync(summary.ToString()).ConfigureAwait(false);
        return missed > 0 ? CliApplication.FailureExitCode : 0;
    }

    // --sql: the SQL of the chosen dialect, rendered from the query alone (no evidence is read, no AWS call).
    private static async Task<int> PrintSqlAsync(CommandArguments args, string engine, CliConsole console)
    {
        var table = AthenaQuerySettings.TableName(args);
        var dialect = (args.Value("--dialect") ?? (engine == "DUCKDB" ? "duckdb" : "trino")).ToUpperInvariant() switch
        {
            "TRINO" or "ATHENA" => SqlDialect.Trino,
            "DUCKDB" => SqlDialect.DuckDb,
            _ => throw new UsageException($"query: --dialect must be trino or duckdb, not '{args.Value("--dialect")}'."),
        };
        SqlSource source;
        try
        {
            source = dialect == SqlDialect.Trino ? SqlSource.AthenaTable(table.Database is null ? table.Table : $"{table.Database}.{table.Table}") : SqlSource.DuckDbEvents();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"query: --table: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }

        TimeRange range;
        try
        {
            range = TimeRange.Parse(args.Value("--start"), args.Value("--end"));
        }
        catch (FormatException e)
        {
            throw new UsageException($"query: {e.Message}", e);
        }

        try
        {
            var sql = SqlRenderer.Render(args.Positional[0], dialect, source, range);
            await console.Out.WriteAsync(sql.Text + ";\n").ConfigureAwait(false);
            if (!sql.OrderedBySql)
            {
                await console.Error.WriteLineAsync("nbh query: the rows are ordered and limited by nbh's result shaper (text sorts in Logs Insights' natural order, which SQL has not).").ConfigureAwait(false);
            }

            return 0;
        }
        catch (InsightsQueryException e)
        {
            await console.Error.WriteLineAsync("nbh query: " + e.Describe()).ConfigureAwait(false);
        }
        catch (SqlNotSupportedException e)
        {
            await console.Error.WriteLineAsync("nbh query: " + e.Describe()).ConfigureAwait(false);
        }

        return CliApplication.UsageExitCode;
    }

    /// <summary>Every source kind, configured from the run's options: live kinds are asked before local paths.</summary>
    private static QuerySourceResolver LiveSources(CommandArguments args, TimeRange range, CliConsole console)
    {
        var settings = new AwsSessionSettings
        {
            Profile = args.Value("--profile"),
            Region = args.Value("--region"),
            ClientOptions = new AwsClientOptions
            {
                OnRetry = notice => console.Error.WriteLine(
                    $"nbh query: {notice.Error.Kind.ToString().ToLowerInvariant()} on {notice.Error.Service}:{notice.Error.Operation} in {notice.Error.Region}, retrying in {notice.Delay.TotalSeconds:0.0} s"),
            },
        };
        var fetched = new EvidenceSourceOptions
        {
            Range = range,
            EvidenceFolder = args.Value("--evidence"),
            Aws = settings,
            Regions = Regions(args.Value("--regions")),
            Progress = new ImmediateProgress<string>(line => console.Error.WriteLine("nbh query: " + TerminalText.OneLine(line))),
        };
        return QuerySourceResolver.Default
            .With(new SampleIncidentSourceKind())
            .With(new CloudWatchLogsSourceKind(settings))
            .With(new FetchedEvidenceSourceKind(fetched));
    }

    private static List<string>? Regions(string? text)
    {
        if (text is null || text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var regions = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        return regions.Count > 0 && regions.All(AwsRegionName.IsValid)
            ? regions
            : throw new UsageException($"query: --regions takes 'all' or a comma-separated list of region names; '{text}' is not.");
    }

    // Offline runs report every batch without a message; only messages (a cwl: query polling or splitting its range)
    // are worth a line.
    private static ImmediateProgress<QueryProgress> Progress(CliConsole console) => new(p =>
    {
        if (p.Message is not null)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"nbh query: {TerminalText.OneLine(p.Message)} ({p.Statistics.RecordsMatched:N0} matched, {p.Statistics.RecordsScanned:N0} scanned so far)"));
        }
    });
}
