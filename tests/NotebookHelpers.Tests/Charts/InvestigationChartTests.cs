using System.Globalization;
using System.Text.Json;
using NotebookHelpers.Charts;
using NotebookHelpers.Events;
using NotebookHelpers.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Charts;

/// <summary>The investigation charts on the sample incident: each draws what its answer key says, the same bytes every time.</summary>
public sealed class InvestigationChartTests : IClassFixture<InvestigatedSample>
{
    private readonly InvestigatedSample _sample;

    public InvestigationChartTests(InvestigatedSample sample) => _sample = sample;

    public static TheoryData<string> Builders => ["timeline", "regions", "addresses", "heatmap", "after-containment", "blast-radius"];

    [Theory]
    [MemberData(nameof(Builders))]
    public void EveryBuilderWritesTheSameBytesForTheSameInvestigation(string builder)
    {
        var again = new Investigator(_sample.Investigator.Index.Events.Reverse());
        var activity = KeyActivity.From(again, again.Investigate(InvestigatedSample.LeakedKey));

        Assert.Equal(Build(builder, _sample.Activity, _sample.Investigation).ToHtmlPage(), Build(builder, activity, again.Investigate(InvestigatedSample.LeakedKey)).ToHtmlPage());
    }

    [Fact]
    public void KeyActivityFollowsTheBlastRadiusIntoTheBackdoorKeyTheSessionAndTheConsole()
    {
        var activity = _sample.Activity;

        Assert.Equal(InvestigatedSample.LeakedKey, activity.AccessKeyIds[0]);
        Assert.Contains(InvestigatedSample.BackdoorKey, activity.AccessKeyIds);
        Assert.Contains(InvestigatedSample.AttackerSession, activity.AccessKeyIds);
        Assert.Contains(activity.Events, e => e.EventName == "ConsoleLogin" && e.UserIdentity?.UserName == "svc-backup-sync");
        Assert.Equal(264, activity.Events.Count(e => e.EventName == "GetObject"));
        Assert.Equal(DateTimeOffset.Parse("2025-03-11T11:34:19Z", CultureInfo.InvariantCulture), activity.ContainedAt);
        Assert.Equal(DateTimeOffset.Parse("2025-03-11T09:16:05Z", CultureInfo.InvariantCulture), activity.FirstSuspicious);
        Assert.True(activity.Events.Zip(activity.Events.Skip(1)).All(p => p.First.EventTime <= p.Second.EventTime));
    }

    [Fact]
    public void TimelineStacksEveryCallByServiceAndMarksEachContainment()
    {
        var figure = ActivityTimelineChart.Create(_sample.Activity);

        Assert.Equal(_sample.Activity.Events.Count, figure.Data.Sum(t => t.Y!.Sum(y => Convert.ToInt64(y, CultureInfo.InvariantCulture))));
        Assert.Equal("s3", figure.Data[0].Name);
        Assert.Contains(figure.Data, t => t.Name == "ec2");
        Assert.Contains(figure.Data, t => t.Name == "iam");
        Assert.All(figure.Data, t => Assert.Equal("bar", t.Type));
        Assert.Equal(["AWS quarantine policy", "key deactivated", "deny-all policy"], figure.Layout.Annotations.Where(a => a.XRef == "x").Select(a => a.Text));
        Assert.Equal(3, figure.Layout.Shapes.Count);
        Assert.Contains("after the first containment (2025-03-11 11:34 UTC)", figure.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void RegionsTheAccountNeverUsedAreTheFifteenTheAttackerAddedToUsEast1AndEuWest1()
    {
        var figure = RegionActivityChart.Create(_sample.Activity);

        var known = Assert.Single(figure.Data, t => t.Name == RegionActivityChart.KnownSeries);
        var fresh = Assert.Single(figure.Data, t => t.Name == RegionActivityChart.NewSeries);
        Assert.Equal(["us-east-1", "eu-west-1"], known.Y!.Cast<string>());
        Assert.Equal(15, fresh.Y!.Count);
        Assert.Contains("eu-north-1", fresh.Y!.Cast<string>());
        Assert.Equal(_sample.Activity.Events.Count, figure.Data.Sum(t => t.X!.Sum(x => Convert.ToInt64(x, CultureInfo.InvariantCulture))));
        Assert.Contains("15 regions had no activity in the evidence before 2025-03-11 09:16 UTC", figure.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AddressesShowTheThreeAttackerAddressesAsNewAndTheKeysUsualAddressAsKnown()
    {
        var figure = SourceIpChart.Create(_sample.Activity);

        var rows = ((IEnumerable<object?>)figure.Layout.YAxis.Extra["categoryarray"]!).Cast<string>().ToList();
        foreach (var ip in _sample.AttackerIps)
        {
            Assert.Contains(ip + " (new)", rows);
        }

        Assert.Equal("198.51.100.24", rows[0]);
        Assert.Equal([SourceIpChart.CallsSeries, SourceIpChart.FailedSeries], figure.Data.Select(t => t.Name));
        Assert.Equal(_sample.Activity.Events.Count, figure.Data[0].Text!.Sum(t => int.Parse(t!.Split("<br>")[2].Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void HeatMapHasARowPerApiCallInOrderOfFirstUseAndCountsEveryCall()
    {
        var figure = EventHeatmapChart.Create(_sample.Activity);

        var trace = Assert.Single(figure.Data);
        Assert.Equal("heatmap", trace.Type);
        var rows = trace.Y!.Cast<string>().ToList();
        Assert.Equal("GetCallerIdentity", rows[0]);
        Assert.Equal(264, trace.Z![rows.IndexOf("GetObject")].Sum(v => v ?? 0));
        Assert.Equal(_sample.Activity.Events.Count, trace.Z!.Sum(r => r.Sum(v => v ?? 0)));
        Assert.DoesNotContain(trace.Z!, r => r.Any(v => v == 0));
        Assert.Equal(trace.X!.Count, trace.X!.Distinct().Count());
    }

    [Fact]
    public void AfterContainmentTheLeakedKeyIsDeniedWhileTheBackdoorKeyAndTheConsoleStillSucceed()
    {
        var figure = ErrorsAfterContainmentChart.Create(_sample.Activity);

        var series = figure.Data.Select(t => t.Name).ToList();
        Assert.Contains("AKIA3NWPX4QH6YBVJ5WE: succeeded", series);
        Assert.Contains("AKIA3NWPX4QHZRT7K2MD: AccessDenied", series);
        Assert.Contains("AKIA3NWPX4QHZRT7K2MD: Client.UnauthorizedOperation", series);
        Assert.Contains("console of svc-backup-sync: succeeded", series);
        Assert.EndsWith(": succeeded", series[0], StringComparison.Ordinal);
        Assert.Contains("Still working: AKIA3NWPX4QH6YBVJ5WE (4, last 2025-03-11 12:40)", figure.Summary, StringComparison.Ordinal);
        var after = _sample.Activity.Events.Count(e => e.EventTime >= _sample.Activity.ContainedAt);
        Assert.Equal(after, figure.Data.Sum(t => t.Y!.Sum(y => Convert.ToInt64(y, CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void TimelineOpensOnTheAttackWithContextBeforeItInTenMinuteBarsAndSaysWhatCameBefore()
    {
        var figure = ActivityTimelineChart.Create(_sample.Activity);

        // The attack runs 09:16 to about 13:00: a quarter of that (over an hour) of context before it.
        var range = (object[])figure.Layout.XAxis.Extra["range"]!;
        var start = (DateTimeOffset)range[0];
        var attack = _sample.Activity.Events[^1].EventTime - _sample.Activity.FirstSuspicious!.Value;
        Assert.Equal(_sample.Activity.FirstSuspicious!.Value - (attack / 4), start);
        Assert.True((DateTimeOffset)range[1] > _sample.Activity.Containment[^1].Time);
        Assert.StartsWith("Calls per 10 minutes by service", figure.Layout.Title!.Text, StringComparison.Ordinal);
        // Counted in whole ten-minute bars before the window.
        var before = _sample.Activity.Events.Count(e => e.EventTime < start - TimeSpan.FromMinutes(10));
        Assert.Contains(figure.Layout.Annotations, a => a.XRef == "paper" && a.Text.StartsWith($"◀ {before} earlier calls since 2025-03-07 06:00 UTC", StringComparison.Ordinal));
        // The containment markers sit in the right half of the window: their labels read leftwards, inside the plot.
        Assert.All(figure.Layout.Annotations.Where(a => a.XRef == "x"), a => Assert.Equal("right", a.XAnchor));
    }

    [Fact]
    public void AfterContainmentColoursEachOutcomeOnceAndPatternsEachCaller()
    {
        var figure = ErrorsAfterContainmentChart.Create(_sample.Activity);

        string Colour(string name) => (string)figure.Data.Single(t => t.Name == name).Marker!.Color!;
        object? Pattern(string name) => figure.Data.Single(t => t.Name == name).Marker!.Extra.GetValueOrDefault("pattern");
        Assert.Equal(ChartPalette.Success, Colour("AKIA3NWPX4QH6YBVJ5WE: succeeded"));
        Assert.Equal(ChartPalette.Success, Colour("console of svc-backup-sync: succeeded"));
        Assert.Equal(ChartPalette.Error, Colour("AKIA3NWPX4QHZRT7K2MD: AccessDenied"));
        Assert.Equal(ChartPalette.ForErrorCode("Client.UnauthorizedOperation"), Colour("AKIA3NWPX4QHZRT7K2MD: Client.UnauthorizedOperation"));
        Assert.All(figure.Data.Where(t => !t.Name!.EndsWith(": succeeded", StringComparison.Ordinal)), t => Assert.NotEqual(ChartPalette.Success, t.Marker!.Color));
        Assert.NotEqual(JsonSerializer.Serialize(Pattern("AKIA3NWPX4QH6YBVJ5WE: succeeded")), JsonSerializer.Serialize(Pattern("console of svc-backup-sync: succeeded")));
        Assert.Equal(JsonSerializer.Serialize(Pattern("AKIA3NWPX4QHZRT7K2MD: AccessDenied")), JsonSerializer.Serialize(Pattern("AKIA3NWPX4QHZRT7K2MD: Client.UnauthorizedOperation")));
    }

    [Fact]
    public void ThePaletteHasTwelveDistinctSeriesColoursThatAreNeitherSuccessNorAccessDenied()
    {
        Assert.Equal(12, ChartPalette.Series.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(ChartPalette.Success, ChartPalette.Series, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(ChartPalette.Error, ChartPalette.Series, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(ChartPalette.Success, ChartPalette.ForErrorCode(null));
        Assert.Equal(ChartPalette.Error, ChartPalette.ForErrorCode("AccessDenied"));
        foreach (var code in new[] { "InvalidParameterValue", "OptInRequired", "TrailNotFoundException", "Client.InstanceLimitExceeded" })
        {
            Assert.NotEqual(ChartPalette.Success, ChartPalette.ForErrorCode(code));
            Assert.Equal(ChartPalette.ForErrorCode(code), ChartPalette.ForErrorCode(code));
        }
    }

    [Fact]
    public void WithoutContainmentTheAfterChartSaysSoInsteadOfDrawingNothing()
    {
        var index = _sample.Investigator.Index;
        var activity = KeyActivity.From(index, [InvestigatedSample.BackdoorKey]);

        var figure = ErrorsAfterContainmentChart.Create(activity);

        Assert.Empty(figure.Data);
        Assert.Contains("No containment in the evidence", Assert.Single(figure.Layout.Annotations).Text, StringComparison.Ordinal);
        Assert.Contains("no containment in the evidence", figure.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void BlastRadiusDrawsEveryNodeOnceWithTheBackdoorUserItsKeyAndTheEightInstances()
    {
        var figure = BlastRadiusChart.Create(_sample.Investigation);

        var labels = figure.Data.Where(t => t.Mode == "markers+text").SelectMany(t => t.Text!).ToList();
        Assert.Equal(_sample.Investigation.BlastRadius.Nodes.Count, labels.Count);
        Assert.Contains("svc-backup-sync", labels);
        Assert.Contains("AKIA3NWPX4QH6YBVJ5WE (user svc-backup-sync)", labels);
        foreach (var (_, instance) in _sample.RunningInstances)
        {
            Assert.Contains(labels, l => l!.StartsWith("instance " + instance, StringComparison.Ordinal));
        }

        var relations = Assert.Single(figure.Data, t => t.Name == "relation (hover for evidence)");
        Assert.Contains(relations.Text!, t => t!.Contains("created user", StringComparison.Ordinal) && t.Contains("f666d87e-9bc9-4e37-aeb3-7c4de5117b52", StringComparison.Ordinal));
        Assert.Contains(figure.Data, t => t.Name == "relation to a node drawn elsewhere");
    }

    [Fact]
    public void BlastRadiusFoldsLongRunsOfLaunchedInstances()
    {
        var events = new List<CloudTrailEvent>
        {
            CloudTrailEvent.Parse(RunInstances("2025-01-01T10:00:00Z", Enumerable.Range(0, 30).Select(i => $"i-{i:D17}"))),
        };
        var graph = BlastRadiusBuilder.Build(events, "AKIAMINER00000000001");

        var figure = BlastRadiusChart.Create(graph);

        var labels = figure.Data.Where(t => t.Mode == "markers+text").SelectMany(t => t.Text!).ToList();
        Assert.Equal(1 + BlastRadiusChart.FoldKeep + 1, labels.Count);
        Assert.Contains("… and 25 more", labels);
        Assert.Contains("25 similar leaves are folded", figure.Summary, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void ChartsOfARealRecordingFollowTheStratusUsersAndDrawEveryCall()
    {
        var activity = _sample.RecordingActivity;

        Assert.NotEmpty(activity.Events);
        var timeline = ActivityTimelineChart.Create(activity);
        Assert.Equal(activity.Events.Count, timeline.Data.Sum(t => t.Y!.Sum(y => Convert.ToInt64(y, CultureInfo.InvariantCulture))));
        var heat = EventHeatmapChart.Create(activity);
        Assert.Equal(activity.Events.Count, heat.Data[0].Z!.Sum(r => r.Sum(v => v ?? 0)));
        var blast = BlastRadiusChart.Create(_sample.RecordingInvestigation);
        var labels = blast.Data.Where(t => t.Mode == "markers+text").SelectMany(t => t.Text!).ToList();
        Assert.Contains("malicious-iam-user", labels);
        foreach (var builder in Builders)
        {
            var first = Build(builder, activity, _sample.RecordingInvestigation).ToJson();
            Assert.Equal(first, Build(builder, _sample.RecordingActivity, _sample.RecordingInvestigation).ToJson());
            using var parsed = JsonDocument.Parse(first);
        }
    }

    internal static PlotlyFigure Build(string builder, KeyActivity activity, KeyInvestigation investigation) => builder switch
    {
        "timeline" => ActivityTimelineChart.Create(activity),
        "regions" => RegionActivityChart.Create(activity),
        "addresses" => SourceIpChart.Create(activity),
        "heatmap" => EventHeatmapChart.Create(activity),
        "after-containment" => ErrorsAfterContainmentChart.Create(activity),
        _ => BlastRadiusChart.Create(investigation),
    };

    private static string Items(IEnumerable<string> instances) => string.Join(",", instances.Select(i => "{\"instanceId\":\"" + i + "\"}"));

    private static string RunInstances(string time, IEnumerable<string> instances) => $$$"""
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/miner","accountId":"111122223333","accessKeyId":"AKIAMINER00000000001","userName":"miner"},
         "eventTime":"{{{time}}}","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.5","userAgent":"aws-cli/2",
         "requestParameters":{"instanceType":"g4dn.xlarge"},"responseElements":{"instancesSet":{"items":[{{{Items(instances)}}}]}},
         "eventID":"run-1","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333"}
        """;
}
