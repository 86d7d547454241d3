using System.Text.RegularExpressions;
using NotebookHelpers.Aws.Athena;
using NotebookHelpers.Aws.Credentials;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Aws.Athena;

/// <summary>nbh athena-table: the partition-projected CloudTrail table, and that its template finds the sample's files.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class AthenaTableTests
{
    private const string Org = "o-7pq2xk4m9d";
    private static readonly string TrailFolder = Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "trail-s3");

    private static string[] SampleAccounts() =>
        [.. Directory.GetDirectories(Path.Combine(TrailFolder, "AWSLogs", Org)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public async Task PrintsTheOrganizationTrailTableWithAccountRegionAndDayProjection()
    {
        var accounts = SampleAccounts();
        var run = await CliRun.RunAsync("athena-table", "--bucket", "org-trail-logs", "--org", Org,
            "--accounts", string.Join(',', accounts), "--regions", "us-east-1,eu-west-1", "--database", "security", "--table", "org_trail");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.StartsWith("CREATE EXTERNAL TABLE `security`.`org_trail` (\n    eventversion STRING,\n    useridentity STRUCT<\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("""
            )
            PARTITIONED BY (account STRING, region STRING, `timestamp` STRING)
            ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
            STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
            OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
            LOCATION 's3://org-trail-logs/AWSLogs/o-7pq2xk4m9d/'
            TBLPROPERTIES (
                'projection.enabled'='true',
            """, run.Out, StringComparison.Ordinal);
        Assert.Contains($"    'projection.account.type'='enum',\n    'projection.account.values'='{string.Join(',', accounts)}',\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("    'projection.region.type'='enum',\n    'projection.region.values'='us-east-1,eu-west-1',\n", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("""
                'projection.timestamp.type'='date',
                'projection.timestamp.format'='yyyy/MM/dd',
                'projection.timestamp.range'='2013/11/01,NOW',
                'projection.timestamp.interval'='1',
                'projection.timestamp.interval.unit'='DAYS',
                'storage.location.template'='s3://org-trail-logs/AWSLogs/o-7pq2xk4m9d/${account}/CloudTrail/${region}/${timestamp}'
            )

            """, run.Out, StringComparison.Ordinal);
        foreach (var column in new[] { "accesskeyid: STRING", "eventtime STRING", "sourceipaddress STRING", "tlsdetails STRUCT<", "sessioncredentialfromconsole STRING" })
        {
            Assert.Contains(column, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheTemplateExpandedOverItsProjectionsHoldsEveryLogFileOfTheSampleOrganizationTrail()
    {
        // The sample is laid out as CloudTrail delivers an organization trail: every file must sit in a folder the
        // template names for a projected account, region and day, or Athena would never read it.
        var regions = Directory.GetDirectories(Path.Combine(TrailFolder, "AWSLogs", Org), "*", SearchOption.AllDirectories)
            .Where(d => Path.GetFileName(Path.GetDirectoryName(d)) == "CloudTrail").Select(Path.GetFileName).Distinct().ToList();
        var spec = new CloudTrailTableSpec { Bucket = "org-trail-logs", OrganizationId = Org, Accounts = SampleAccounts(), Regions = regions! };
        var pattern = new Regex("^" + Regex.Escape(spec.LocationTemplate)
            .Replace(Regex.Escape("${account}"), "(?<account>[^/]+)", StringComparison.Ordinal)
            .Replace(Regex.Escape("${region}"), "(?<region>[^/]+)", StringComparison.Ordinal)
            .Replace(Regex.Escape("${timestamp}"), "(?<day>[0-9]{4}/[0-9]{2}/[0-9]{2})", StringComparison.Ordinal) + "/[^/]+$");
        var logFiles = Directory.EnumerateFiles(Path.Combine(TrailFolder, "AWSLogs"), "*.json.gz", SearchOption.AllDirectories)
            .Where(f => f.Contains("/CloudTrail/", StringComparison.Ordinal))
            .Select(f => "s3://org-trail-logs/" + Path.GetRelativePath(TrailFolder, f).Replace('\\', '/'))
            .ToList();

        Assert.NotEmpty(logFiles);
        Assert.All(logFiles, key =>
        {
            var match = pattern.Match(key);
            Assert.True(match.Success, key);
            Assert.Contains(match.Groups["account"].Value, spec.Accounts);
            Assert.Contains(match.Groups["region"].Value, spec.ProjectedRegions);
            Assert.True(DateOnly.ParseExact(match.Groups["day"].Value, "yyyy/MM/dd") >= spec.ProjectionStart);
        });
    }

    [Fact]
    public async Task WithoutAccountsTheAccountPartitionIsInjectedAndEveryCommercialRegionIsProjected()
    {
        var run = await CliRun.RunAsync("athena-table", "--bucket", "acme-trail", "--prefix", "/cloudtrail/prod/", "--since", "2024-01-15");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("LOCATION 's3://acme-trail/cloudtrail/prod/AWSLogs/'", run.Out, StringComparison.Ordinal);
        Assert.Contains("'projection.account.type'='injected',\n    'projection.region.type'='enum',", run.Out, StringComparison.Ordinal);
        Assert.Contains($"'projection.region.values'='{string.Join(',', AwsRegionName.Commercial)}'", run.Out, StringComparison.Ordinal);
        Assert.Contains("'projection.timestamp.range'='2024/01/15,NOW'", run.Out, StringComparison.Ordinal);
        Assert.Contains("'storage.location.template'='s3://acme-trail/cloudtrail/prod/AWSLogs/${account}/CloudTrail/${region}/${timestamp}'", run.Out, StringComparison.Ordinal);
        Assert.Contains("CREATE EXTERNAL TABLE `default`.`cloudtrail_logs` (", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bucket", "b'; DROP TABLE x; --", "is not an S3 bucket name")]
    [InlineData("--org", "o-BAD", "is not an organization id")]
    [InlineData("--accounts", "12345", "is not an account id")]
    [InlineData("--regions", "us-east-1,mars", "'mars' is not a region name")]
    [InlineData("--table", "Trail-Logs", "is not a Glue table name")]
    [InlineData("--since", "2024/01/01", "--since takes a day")]
    public async Task AValueThatCannotGoIntoTheStatementIsAUsageErrorNamingIt(string option, string value, string message)
    {
        string[] args = option == "--bucket" ? ["athena-table", option, value] : ["athena-table", "--bucket", "trail", option, value];

        var run = await CliRun.RunAsync(args);

        Assert.Equal(CliApplication.UsageExitCode, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith("nbh athena-table: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRunsTheStatementOnAthenaAndKeepsItInTheEvidenceFolder()
    {
        var athena = new FakeAthena(sql => throw new FakeAthena.QueryFailure("only the CREATE statement is expected, not: " + sql))
        {
            QueuedPolls = 0,
            RunningPolls = 1,
            WorkGroups = new Dictionary<string, string?> { ["primary"] = null, ["ir"] = "s3://ir-results/" },
        };
        await using var server = await FakeAwsServer.StartAsync(athena.Handle);
        using var env = EnvironmentScope.ForServer(server);
        using var evidence = new TempDirectory();

        var run = await CliRun.RunAsync("athena-table", "--bucket", "org-trail-logs", "--org", Org, "--database", "security", "--table", "org_trail",
            "--create", "--workgroup", "ir", "--evidence", Path.Combine(evidence.Path, "ev"));

        Assert.Equal(0, run.ExitCode);
        var started = Assert.Single(athena.Started);
        Assert.Equal(run.Out, started.GetProperty("QueryString").GetString());
        Assert.Equal("security", started.GetProperty("QueryExecutionContext").GetProperty("Database").GetString());
        Assert.Equal("ir", started.GetProperty("WorkGroup").GetString());
        Assert.Contains("nbh athena-table: created security.org_trail in us-east-1 (query ", run.Error, StringComparison.Ordinal);
        using var session = TestAws.Session(server);
        var table = await new AthenaClient(session.Sender).GetTableMetadataAsync("us-east-1", null, "security", "org_trail", CancellationToken.None);
        Assert.Equal(["account", "region", "timestamp"], table.PartitionKeys);
        Assert.Equal("s3://org-trail-logs/AWSLogs/o-7pq2xk4m9d/${account}/CloudTrail/${region}/${timestamp}", table.Parameter("storage.location.template"));
        Assert.Null(table.EnumValues("account"));
        Assert.Equal(AwsRegionName.Commercial, table.EnumValues("region"));
        var sqlFile = Directory.GetFiles(Path.Combine(evidence.Path, "ev", "athena"), "query.sql", SearchOption.AllDirectories);
        Assert.Equal(run.Out, File.ReadAllText(Assert.Single(sqlFile)));
        foreach (var file in Directory.EnumerateFiles(evidence.Path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }
    }
}
