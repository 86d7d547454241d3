using System.Globalization;
using Amazon.S3;
using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Athena;
using NotebookHelpers.Display;
using NotebookHelpers.Evidence;

namespace NotebookHelpers.Cli.CommandLine;

/// <summary>
/// What <c>nbh query --engine athena</c> reads from its options: the table (<c>--table [DB.]TABLE</c>,
/// <c>--database</c>), the partitions' accounts and regions, and the Athena options; checked before any AWS call.
/// </summary>
internal sealed class AthenaQuerySettings
{
    private const string DefaultTable = "cloudtrail_logs";
    private const string DefaultDatabase = "default";

    private AthenaQuerySettings(string database, string table, AthenaQueryOptions options, IReadOnlyList<string> accounts, IReadOnlyList<string> regions, string? evidence)
    {
        Database = database;
        Table = table;
        Options = options;
        Accounts = accounts;
        Regions = regions;
        Evidence = evidence;
    }

    /// <summary>The Glue database.</summary>
    public string Database { get; }

    /// <summary>The table.</summary>
    public string Table { get; }

    /// <summary>Workgroup, output, scan bound, price.</summary>
    public AthenaQueryOptions Options { get; }

    /// <summary>The accounts read; empty for every projected one.</summary>
    public IReadOnlyList<string> Accounts { get; }

    /// <summary>The regions read; empty for every projected one.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>The evidence folder, or null.</summary>
    public string? Evidence { get; }

    /// <summary>
    /// <c>--table DB.TABLE</c>, or <c>--table TABLE</c> with <c>--database DB</c> (database null when neither names one).
    /// </summary>
    public static (string? Database, string Table) TableName(CommandArguments args)
    {
        var table = args.Value("--table") ?? DefaultTable;
        var database = args.Value("--database");
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return (database, table);
        }

        var named = table[..dot];
        return database is null || database == named
            ? (named, table[(dot + 1)..])
            : throw new UsageException($"query: --table {TerminalText.OneLine(table)} names database {TerminalText.OneLine(named)}, but --database says {TerminalText.OneLine(database)}.");
    }

    /// <summary>The settings of <paramref name="args"/>, for a query over <paramref name="range"/>.</summary>
    /// <exception cref="UsageException">A value is not valid, or the range has no start.</exception>
    public static AthenaQuerySettings From(CommandArguments args, TimeRange range)
    {
        var (database, table) = TableName(args);
        database ??= DefaultDatabase;
        if (!IsGlueName(database) || !IsGlueName(table))
        {
            throw new UsageException($"query: --engine athena: '{TerminalText.OneLine(database)}.{TerminalText.OneLine(table)}' is not a Glue table name (lowercase letters, digits and _).");
        }

        var accounts = AwsCommandLine.CommaSeparated(args.Value("--accounts"));
        var regionsText = args.Value("--regions");
        var regions = regionsText is null || regionsText.Equals("all", StringComparison.OrdinalIgnoreCase) ? [] : AwsCommandLine.CommaSeparated(regionsText);
        try
        {
            // The same checks the runner makes, here so that a bad value is a usage error before any AWS call.
            _ = CloudTrailPartitionFilter.For(range, accounts, regions, DateTimeOffset.UtcNow);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"query: --engine athena: {TerminalText.OneLine(e.Message)}", e);
        }

        return new AthenaQuerySettings(database, table, AthenaCommandLine.Options(args, database), accounts, regions, args.Value("--evidence"));
    }

    /// <summary>The runner over the table, in the session's region.</summary>
    public AthenaInsightsQueryRunner CreateRunner(AwsSession session, IAmazonS3 s3, IProgress<string> log) =>
        new(new AthenaClient(session.Sender), s3, session.Region, Database, Table, Options,
            Evidence is null ? null : NotebookHelpers.Aws.EvidenceFolder.EvidenceDirectory.Open(Evidence))
        {
            Accounts = Accounts,
            Regions = Regions,
            Log = log,
        };

    /// <summary>One line: what each execution of the last run scanned and cost, and the total.</summary>
    public static string CostLine(AthenaInsightsQueryRunner runner)
    {
        var executions = runner.LastExecutions;
        var total = executions.Sum(e => e.Cost.Dollars);
        var price = executions.Count > 0 ? executions[0].Cost.PricePerTerabyte : AthenaCost.DefaultPricePerTerabyte;
        var parts = executions.Select((e, i) => $"{(i == 0 ? "rows" : "statistics")} query {e.Execution.Id}: {e.Cost}");
        return string.Create(CultureInfo.InvariantCulture,
            $"Athena: {string.Join("; ", parts)}; total {AthenaCost.FormatBytes(executions.Sum(e => e.Cost.BytesScanned))} scanned, ${total:0.000000} at ${price:0.00}/TB");
    }

    private static bool IsGlueName(string name) =>
        name.Length is > 0 and <= 255 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
