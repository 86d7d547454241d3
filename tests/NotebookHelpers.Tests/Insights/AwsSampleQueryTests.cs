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

    [Fact]
    public void TheAppendixHoldsEveryDocumentedSample()
    {
        var samples = ReadSamples();
        Assert.True(samples.Count >= 90, $"expected the ~100 samples of Appendix A, found {samples.Count}");
        Assert.Contains(samples, s => s.Contains("stats count(*) by eventSource, eventName, awsRegion", StringComparison.Ordinal));
    }

    [Theory]
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

    [Fact]
    public void UnsupportedCommandsAreRejectedByNameWithTheirPosition()
    {
        var e = Assert.Throws<InsightsQueryException>(() => OfflineQueryRunner.Validate(InsightsQuery.Parse("fields @message\n| pattern @message")));
        Assert.Equal("line 2, column 3: `pattern` is not supported offline; run it with --logs cwl:GROUP (CloudWatch Logs).", e.Message);
        Assert.Equal("  | pattern @message\n    ^^^^^^^", e.Describe().Split('\n', 2)[1].Replace("\r", "", StringComparison.Ordinal));
    }

    internal static List<string> ReadSamples()
    {
        var path = Path.Combine(RepositoryPaths.RepositoryRoot, "..", "shared", "reference", "logs-insights.md");
        var text = File.ReadAllText(path);
        var appendix = text[text.IndexOf("## Appendix A", StringComparison.Ordinal)..];
        return [.. CodeBlock().Matches(appendix).Select(m => m.Groups[1].Value.Trim())];
    }

    [GeneratedRegex(@"```\r?\n(.*?)\r?\n```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"not supported offline")]
    private static partial Regex NotSupported();
}
