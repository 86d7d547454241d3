#if WITH_DUCKDB
// Compiled only with -p:WithDuckDb=true (NotebookHelpers.Benchmarks.csproj says why).
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace NotebookHelpers.Benchmarks;

/// <summary>
/// <c>duckdb DIR</c>: the benchmark query in DuckDB, as a one-shot process like <c>nbh query</c>, over the same
/// <c>.json.gz</c> CloudTrail objects. Each object is one line holding <c>{"Records":[…]}</c>, so the fastest correct
/// form reads each file as one newline-delimited record with an explicit schema for just the fields the query needs,
/// then unnests the Records list. Prints <c>arn\terrorCode\tcount</c> lines, then the SQL and its time on stderr.
/// </summary>
internal static class DuckDbQuery
{
    public static string Sql(string directory) =>
        $$"""
        SELECT r.userIdentity.arn AS arn, r.errorCode AS errorCode, count(*) AS n
        FROM (
          SELECT unnest(Records) AS r
          FROM read_json('{{directory.Replace("'", "''", StringComparison.Ordinal)}}/**/*.json.gz',
                         format = 'newline_delimited', records = true, compression = 'gzip',
                         columns = {Records: 'STRUCT(errorCode VARCHAR, userIdentity STRUCT(arn VARCHAR))[]'})
        )
        WHERE regexp_matches(r.errorCode, 'Denied|Unauthorized')
        GROUP BY ALL
        """;

    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count != 1)
        {
            Console.Error.WriteLine("usage: duckdb DIR");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Sql(args[0]);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{(reader.IsDBNull(0) ? "" : reader.GetString(0))}\t{reader.GetString(1)}\t{reader.GetInt64(2)}"));
        }

        watch.Stop();
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        Console.Error.WriteLine(command.CommandText);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb: {lines.Count} groups in {watch.Elapsed.TotalSeconds:N2} s (in process, connection included)"));
        return 0;
    }
}
#endif
