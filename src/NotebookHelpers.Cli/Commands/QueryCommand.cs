using System.Text;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Sources;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh query --logs PATH 'QUERY'</c>: runs a CloudWatch Logs Insights query over evidence, offline, and prints
/// what GetQueryResults would (as a table, CSV, or the exact response JSON). Statistics and read problems go to stderr.
/// </summary>
public sealed class QueryCommand : ICliCommand
{
    private readonly QuerySourceResolver _sources;

    /// <summary>Creates the command over the default sources (local evidence).</summary>
    public QueryCommand()
        : this(QuerySourceResolver.Default)
    {
    }

    /// <summary>Creates the command over <paramref name="sources"/> (how other source kinds such as <c>cwl:</c> plug in).</summary>
    public QueryCommand(QuerySourceResolver sources) => _sources = sources;

    /// <inheritdoc />
    public string Name => "query";

    /// <inheritdoc />
    public string Summary => "Run a CloudWatch Logs Insights query over log files, offline, as AWS would.";

    /// <inheritdoc />
    public string Usage => "nbh query --logs PATH [--logs PATH ...] [--start T] [--end T] [--format table|json|csv] 'QUERY'";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--logs", "PATH", "a file, folder or archive of logs (repeatable)", "-l")
        .Option("--start", "T", "earliest event time, ISO 8601 or epoch seconds (default: all)")
        .Option("--end", "T", "latest event time, ISO 8601 or epoch seconds (default: all)")
        .Option("--format", "FORMAT", "table (default), json (the GetQueryResults response) or csv", "-f");

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positional.Count != 1)
        {
            throw new UsageException($"query: give the query as one argument (in quotes), after the options; got {args.Positional.Count}. Usage: {Usage}");
        }

        var sources = args.Values("--logs");
        if (sources.Count == 0)
        {
            throw new UsageException("query: give at least one --logs PATH.");
        }

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

        IInsightsQueryRunner runner;
        try
        {
            runner = _sources.Resolve(sources);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"query: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }

        QueryResults results;
        try
        {
            results = await runner.RunAsync(args.Positional[0], range, null, cancellationToken).ConfigureAwait(false);
        }
        catch (InsightsQueryException e)
        {
            await console.Error.WriteLineAsync("nbh query: " + e.Describe()).ConfigureAwait(false);
            return CliApplication.UsageExitCode;
        }
        catch (Exception e) when (e is NotebookHelpers.Aws.Transport.AwsServiceException or NotebookHelpers.Aws.AwsConfigurationException)
        {
            // cwl: sources: one line that says what failed on AWS and what to do.
            await console.Error.WriteLineAsync($"nbh query: {NotebookHelpers.Aws.AwsErrorAdvice.Describe(e)}").ConfigureAwait(false);
            return CliApplication.FailureExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or EvidenceReadException)
        {
            await console.Error.WriteLineAsync($"nbh query: {e.Message}").ConfigureAwait(false);
            return CliApplication.FailureExitCode;
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
        foreach (var warning in results.Warnings)
        {
            summary.Append("nbh query: warning: ").AppendLine(warning);
        }

        await console.Error.WriteAsync(summary.ToString()).ConfigureAwait(false);
        return 0;
    }
}
