using System.Text.RegularExpressions;
using NotebookHelpers.Insights;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Insights;

/// <summary>
/// Every sample query of the reference's Appendix A (the AWS documentation's own examples), read from the file at
/// test time: each parses and compiles for offline execution, or is rejected by name as not supported offline, or
/// is one of the documented doc errors.
/// </summary>
public partial class AwsSampleQueryTests
{
    // Doc errors the reference itself points out: an unquoted URL value (probably a doc error, a strict parser rejects
    // it) and the SOURCE example that lacks its closing ')'.
    private static readonly string[] KnownDocErrors = ["referrer= http://", "SOURCE logGroups(accountIdentifiers"];

    public static TheoryData<int, string> Samples()
    {
        var data = new TheoryData<int, string>();
        var i = 0;
        foreach (var query in ReadSamples())
        {
            data.Add(++i, query);
        }

        return data;
    }

    [SharedDataFact]
    public void TheAppendixHoldsEveryDocumentedSample()
    {
        var samples = ReadSamples();
        Assert.True(samples.Count >= 90, $"expected the ~100 samples of Appendix A, found {samples.Count}");
        Assert.Contains(samples, s => s.Contains("stats count(*) by eventSource, eventName, awsRegion", StringComparison.Ordinal));
    }

    [SharedDataTheory]
    [MemberData(nameof(Samples))]
    public void SampleQueryCompilesOrIsRejectedByName(int number, string query)
    {
        InsightsQuery parsed;
        try
        {
            parsed = InsightsQuery.Parse(query);
        }
        catch (InsightsQueryException e)
        {
            Assert.True(KnownDocErrors.Any(d => query.Contains(d, StringComparison.Ordinal)), $"sample {number} failed to parse: {e.Describe()}");
            return;
        }

        try
        {
            OfflineQueryRunner.Validate(parsed);
        }
        catch (InsightsQueryException e)
        {
            Assert.Matches(NotSupported(), e.Message);
            Assert.True(e.Line >= 1 && e.Column >= 1);
        }
    }

    [SharedDataFact]
    public async Task EverySampleExecutesOfflineExceptThoseUsingACommandOnlyCloudWatchRuns()
    {
        // A few events in the shapes the samples read (CloudTrail, VPC flow, Lambda, JSON strings to jsonParse).
        var events = InsightsFixture.Records(
            """{"eventTime":"2024-05-19T06:10:35Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7","errorCode":"AccessDenied","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/ci","accessKeyId":"AKIAEXAMPLE"},"users":[{"action":"GetData"},{"action":"PutData"}],"field":"2024-05-19","api":{"request":{"data":"{\"startTime\":1}"}},"trimmedData":"[{\"accountId\":\"1\",\"droppedSpans\":2}]"}""",
            """{"eventTime":"2024-05-19T07:10:35Z","eventSource":"iam.amazonaws.com","eventName":"CreateAccessKey","awsRegion":"eu-west-1","sourceIPAddress":"10.0.0.1","@duration":120.5,"@type":"REPORT","status":"200","bytes":512,"srcAddr":"10.0.0.1","dstAddr":"203.0.113.9","action":"REJECT"}""");
        var executed = new List<int>();
        var rejectedCommands = new SortedSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var query in ReadSamples())
        {
            number++;
            if (KnownDocErrors.Any(d => query.Contains(d, StringComparison.Ordinal)))
            {
                continue;
            }

            try
            {
                OfflineQueryRunner.Validate(InsightsQuery.Parse(query));
            }
            catch (InsightsQueryException e)
            {
                // Only whole commands (`pattern`, `unnest` …) may be refused now; every function runs.
                var command = RejectedCommand().Match(e.Message);
                Assert.True(command.Success, $"sample {number} is refused for something other than a command: {e.Message}");
                rejectedCommands.Add(command.Groups[1].Value);
                continue;
            }

            var results = await OfflineQueryRunner.FromRecords(events).RunAsync(query, NotebookHelpers.Evidence.TimeRange.All);
            Assert.Equal(QueryStatus.Complete, results.Status);
            executed.Add(number);
        }

        Assert.Equal(["addtotals", "filterIndex", "join", "json", "parse csv", "parse logfmt", "parse … multi", "pattern", "unnest"], rejectedCommands);

        // 81 of the 94 samples run offline (two are doc errors); the jsonParse, parseDate and formatDate samples are among them.
        Assert.Equal(81, executed.Count);
        Assert.Subset(executed.ToHashSet(), new HashSet<int> { 80, 81, 82, 87, 88 });
    }

    [Fact]
    public void UnsupportedCommandsAreRejectedByNameWithTheirPosition()
    {
        var e = Assert.Throws<InsightsQueryException>(() => OfflineQueryRunner.Validate(InsightsQuery.Parse("fields @message\n| pattern @message")));
        Assert.Equal("line 2, column 3: `pattern` is not supported offline; run it with --logs cwl:GROUP (CloudWatch Logs).", e.Message);
        Assert.Equal("  | pattern @message\n    ^^^^^^^", e.Describe().Split('\n', 2)[1].Replace("\r", "", StringComparison.Ordinal));
    }

    internal static List<string> ReadSamples()
    {
        var path = Path.Combine(SharedData.Root, "reference", "logs-insights.md");
        var text = File.ReadAllText(path);
        var appendix = text[text.IndexOf("## Appendix A", StringComparison.Ordinal)..];
        return [.. CodeBlock().Matches(appendix).Select(m => m.Groups[1].Value.Trim())];
    }

    [GeneratedRegex(@"```\r?\n(.*?)\r?\n```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^line \d+, column \d+: `([^`]+)`[^`]* is not supported offline")]
    private static partial Regex RejectedCommand();

    [GeneratedRegex(@"not supported offline")]
    private static partial Regex NotSupported();
}
