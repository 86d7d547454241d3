using NotebookHelpers.Display;

namespace NotebookHelpers.Tests.Notebooks;

public class SetupCheckTests
{
    [Fact]
    public async Task PassesOnTheSampleIncidentAndCountsItsEvents()
    {
        var check = await SetupCheck.RunAsync("sample");

        Assert.True(check.AllPassed, check.ToString());
        Assert.Matches("sample incident \\(trail-s3\\): [0-9,]+ events from 2025-03-", check.Items.Single(i => i.Name == "Evidence source").Result);
        Assert.Contains("plotly.js 2.28.0 embedded", check.Items.Single(i => i.Name == "Offline charts").Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysWhatIsWrongWithASourceThatDoesNotExist()
    {
        var check = await SetupCheck.RunAsync("/no/such/evidence");

        var evidence = check.Items.Single(i => i.Name == "Evidence source");
        Assert.False(evidence.Passed);
        Assert.Contains("'/no/such/evidence' is neither an existing path nor a source", evidence.Result, StringComparison.Ordinal);
        Assert.StartsWith("Setup check: some checks FAILED", check.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoesNotQueryALiveSource()
    {
        var check = await SetupCheck.RunAsync("cwl:us-east-1:aws-cloudtrail-logs-example");

        var evidence = check.Items.Single(i => i.Name == "Evidence source");
        Assert.True(evidence.Passed);
        Assert.Contains("not queried here", evidence.Result, StringComparison.Ordinal);
    }
}
