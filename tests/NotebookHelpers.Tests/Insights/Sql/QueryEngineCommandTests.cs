using NotebookHelpers.Cli;
using NotebookHelpers.Cli.CommandLine;

namespace NotebookHelpers.Tests.Insights.Sql;

/// <summary><c>nbh query --engine offline|duckdb</c> and <c>--sql</c>.</summary>
public class QueryEngineCommandTests
{
    [Fact]
    public async Task DuckDbPrintsTheSameGetQueryResultsJsonAsTheOfflineEngine()
    {
        const string Query = "filter ispresent(errorCode) | stats count(*) as n, min(@timestamp) as first by eventName, errorCode | sort n desc";
        var offline = await Run("query", "--logs", "sample", "--format", "json", Query);
        var duckDb = await Run("query", "--logs", "sample", "--engine", "duckdb", "--format", "json", Query);

        Assert.Equal(0, duckDb.Exit);
        Assert.Contains("\"field\":\"errorCode\"", offline.Stdout, StringComparison.Ordinal);
        Assert.Equal(offline.Stdout, duckDb.Stdout);
    }

    [Fact]
    public async Task SqlPrintsTheAthenaRenderingWithoutReadingAnything()
    {
        var (exit, stdout, _) = await Run("query", "--sql", "--table", "security.trail", "filter requestParameters.userName = \"bob\" | stats count(*) as n by eventName");

        Assert.Equal(0, exit);
        Assert.StartsWith("SELECT ", stdout, StringComparison.Ordinal);
        Assert.Contains("json_extract_scalar(requestparameters, '$.userName') = 'bob'", stdout, StringComparison.Ordinal);
        Assert.Contains("FROM \"security\".\"trail\"", stdout, StringComparison.Ordinal);
        Assert.Contains("json_value(m, '$.eventName')", (await Run("query", "--sql", "--dialect", "duckdb", "stats count(*) by eventName")).Stdout, StringComparison.Ordinal);
        Assert.Contains("json_value(m, '$.eventName')", (await Run("query", "--sql", "--engine", "duckdb", "stats count(*) by eventName")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatSqlCannotExpressIsRefusedByNameBeforeAnythingRuns()
    {
        var sql = await Run("query", "--sql", "fields @timestamp | parse @message \"user=*\" as user");
        Assert.Equal(CliApplication.UsageExitCode, sql.Exit);
        Assert.Contains("`parse`", sql.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 1, column 21", sql.Stderr, StringComparison.Ordinal);

        var run = await Run("query", "--logs", "sample", "--engine", "duckdb", "stats pct(x, 50)");
        Assert.Equal(CliApplication.UsageExitCode, run.Exit);
        Assert.Contains("pct()", run.Stderr, StringComparison.Ordinal);

        var engine = await Run("query", "--logs", "sample", "--engine", "spark", "stats count(*)");
        Assert.Equal(CliApplication.UsageExitCode, engine.Exit);
        Assert.Contains("--engine must be offline, duckdb or athena", engine.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheDuckDbEngineBuiltItSaysHowToBuildIt()
    {
        // NBH_DUCKDB names where the engine is; tests in this class run one at a time, so the variable is theirs.
        Environment.SetEnvironmentVariable("NBH_DUCKDB", "/nonexistent/NotebookHelpers.DuckDb.dll");
        try
        {
            var (exit, stdout, stderr) = await Run("query", "--logs", "sample", "--engine", "duckdb", "stats count(*)");
            Assert.Equal(CliApplication.UsageExitCode, exit);
            Assert.Equal("", stdout);
            Assert.Contains("dotnet build src/NotebookHelpers.DuckDb", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NBH_DUCKDB", null);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(stdout, stderr));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
