using System.Text.Json;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

public class FieldsAndResultsTests
{
    private const string CloudTrail = """
        {"eventTime":"2023-07-10T11:42:18Z","eventName":"RunInstances","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::1:user/bert","accessKeyId":"AKIAEXAMPLE","sessionContext":{"attributes":{"mfaAuthenticated":"false"}}},
         "resources":[{"ARN":"arn:aws:ec2:i-1","type":"AWS::EC2::Instance"},{"ARN":"arn:aws:ec2:i-2"}],
         "requestParameters":{"instancesSet":{"items":[{"instanceId":"i-abcde123"}]},"tags":["a","b"],"empty":{},"none":null,"bucketPolicy":{"s3.amazonaws.com":{"k":"v"}}},
         "readOnly":false,"eventVersion":"1.08","count":3,"ratio":1.50,"esc\u0061ped":"yes","str\"quote":"q","text":"line1\nline2 \"quoted\" \u00e9"}
        """;

    [Fact]
    public void NestedObjectsAndArraysFlattenWithDotsAndIndexes()
    {
        var r = Run("fields userIdentity.accessKeyId, resources.0.ARN, resources.1.ARN, resources.2.ARN, requestParameters.instancesSet.items.0.instanceId, requestParameters.tags.1, userIdentity.sessionContext.attributes.mfaAuthenticated", CloudTrail);
        Assert.Equal(
            ["userIdentity.accessKeyId=AKIAEXAMPLE; resources.0.ARN=arn:aws:ec2:i-1; resources.1.ARN=arn:aws:ec2:i-2; requestParameters.instancesSet.items.0.instanceId=i-abcde123; requestParameters.tags.1=b; userIdentity.sessionContext.attributes.mfaAuthenticated=false"],
            r.Lines());
    }

    [Fact]
    public void ObjectsArraysAndNullsAreNotFieldsWhileScalarsKeepTheirJsonText()
    {
        var r = Run("fields userIdentity, resources, requestParameters.empty, requestParameters.none, readOnly, count, ratio, eventVersion", CloudTrail);
        Assert.Equal(["readOnly=0; count=3; ratio=1.50; eventVersion=1.08"], r.Lines());
        Assert.Equal(["0"], Run("filter ispresent(userIdentity) or ispresent(requestParameters.none) | stats count(*) as n", CloudTrail).Column("n"));
    }

    [Fact]
    public void EscapedKeysAndValuesAreDecodedAndDottedKeysMatchTheirPath()
    {
        var r = Run("fields escaped, `str\"quote`, text, requestParameters.bucketPolicy.s3.amazonaws.com.k", CloudTrail);
        Assert.Equal(["yes"], r.Column("escaped"));
        Assert.Equal(["line1\nline2 \"quoted\" é"], r.Column("text"));
        Assert.Equal(["v"], r.Column("requestParameters.bucketPolicy.s3.amazonaws.com.k"));
    }

    [Fact]
    public void SystemFieldsComeFromTheEventAndItsCloudWatchContext()
    {
        var context = new LogEventContext("CloudTrail/DefaultLogGroup", "123_CloudTrail_us-east-1", IngestionTime: new DateTimeOffset(2023, 7, 10, 11, 45, 0, TimeSpan.Zero), AccountId: "123");
        var record = Record(CloudTrail, 7, context);
        var r = Run("fields @timestamp, @logStream, @log, @ingestionTime, @message", [record]);
        var row = r.Rows.Single();
        Assert.Equal(
            ["@timestamp", "@logStream", "@log", "@ingestionTime", "@message", "@ptr"],
            row.Select(f => f.Field));
        Assert.Equal("2023-07-10 11:42:18.000", row[0].Value);
        Assert.Equal("123_CloudTrail_us-east-1", row[1].Value);
        Assert.Equal("123:CloudTrail/DefaultLogGroup", row[2].Value);
        Assert.Equal("2023-07-10 11:45:00.000", row[3].Value);
        Assert.Equal(CloudTrail, row[4].Value);
        Assert.Equal("mem.json@byte 7000", row[5].Value);
    }

    [Fact]
    public void ATopLevelAtTimestampKeyIsShownWithAnExtraAtAndFeedsTheEventTimeWhenThereIsNoEventTime()
    {
        const string Otrf = """{"@timestamp":"2020-09-14T00:44:20.000Z","@version":"1","eventName":"ListBuckets"}""";
        var r = Run("fields @timestamp, @@timestamp, @@version, @version", Otrf);
        Assert.Equal(["@timestamp=2020-09-14 00:44:20.000; @@timestamp=2020-09-14T00:44:20.000Z; @@version=1"], r.Lines());
    }

    [Fact]
    public void RowsOmitAbsentFieldsAndEveryValueIsAString()
    {
        var r = Run("fields eventName, errorCode | sort @timestamp asc", Event("2024-01-01T00:00:00Z", "A", "\"errorCode\":\"X\""), Event("2024-01-01T00:00:01Z", "B"));
        Assert.Equal(["eventName", "errorCode", "@ptr"], r.Columns);
        Assert.Equal(["eventName", "errorCode", "@ptr"], r.Rows[0].Select(f => f.Field));
        Assert.Equal(["eventName", "@ptr"], r.Rows[1].Select(f => f.Field));
    }

    [Fact]
    public void DisplayShowsOnlyTheLastDisplayAndFieldsAccumulate()
    {
        var e = Event("2024-01-01T00:00:00Z", "A", "\"a\":1,\"b\":2,\"c\":3");
        Assert.Equal(["a", "b", "c", "@ptr"], Run("fields a | fields b, c", e).Columns);
        Assert.Equal(["c", "@ptr"], Run("fields a, b | display b | display c", e).Columns);
        Assert.Equal(["b=2; isTwo=1"], Run("display b, b = 2 as isTwo", e).Lines());
    }

    [Fact]
    public void AliasesCreateFieldsThatLaterCommandsUseAndShadowEventFields()
    {
        var e = Event("2024-01-01T00:00:00Z", "A", "\"a\":1,\"b\":2");
        Assert.Equal(["s=3"], Run("fields a + b as s | filter s = 3 | display s", e).Lines());
        Assert.Equal(["a=2"], Run("filter a = 1 | fields b as a | display a", e).Lines());
    }

    [Fact]
    public void DefaultLimitIsTenThousandAndLimitTakesTheNewest()
    {
        var events = Enumerable.Range(0, 10_050).Select(i => Record(Event(DateTimeOffset.UnixEpoch.AddSeconds(i).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), "E"), i)).ToList();
        var all = Run("fields eventName", events);
        Assert.Equal(10_000, all.Rows.Count);
        Assert.Equal(10_050, all.Statistics.RecordsMatched);
        var three = Run("fields @timestamp | limit 3", events);
        Assert.Equal(["1970-01-01 02:47:29.000", "1970-01-01 02:47:28.000", "1970-01-01 02:47:27.000"], three.Column("@timestamp"));
    }

    [Fact]
    public void TheTimeRangeSelectsEventsInclusivelyAndOnlyThoseAreScanned()
    {
        string[] events = [Event("2024-01-01T00:00:00Z", "a"), Event("2024-01-01T00:00:10Z", "b"), Event("2024-01-01T00:00:20Z", "c")];
        var range = TimeRange.Parse("2024-01-01T00:00:10Z", "2024-01-01T00:00:20Z");
        var r = Run("stats count(*) as n", Records(events), range);
        Assert.Equal(["2"], r.Column("n"));
        Assert.Equal(2, r.Statistics.RecordsScanned);
        Assert.Equal(Records(events).Skip(1).Sum(x => x.Json.Length), r.Statistics.BytesScanned);
    }

    [Fact]
    public void JsonOutputIsTheGetQueryResultsResponse()
    {
        var r = Run("fields eventName", Event("2024-01-01T00:00:00Z", "A"));
        using var doc = JsonDocument.Parse(QueryResultsJson.ToJson(r));
        var root = doc.RootElement;
        Assert.Equal("Complete", root.GetProperty("status").GetString());
        Assert.Equal("eventName", root.GetProperty("results")[0][0].GetProperty("field").GetString());
        Assert.Equal("A", root.GetProperty("results")[0][0].GetProperty("value").GetString());
        Assert.Contains("\"recordsMatched\":1.0", QueryResultsJson.ToJson(r), StringComparison.Ordinal);
        Assert.Equal(1.0, root.GetProperty("statistics").GetProperty("bytesScanned").GetDouble() > 0 ? 1.0 : 0.0);
    }

    [Fact]
    public void CsvAndTableRenderRaggedRowsWithBlanks()
    {
        var r = Run("fields eventName, note | sort @timestamp asc", Event("2024-01-01T00:00:00Z", "A", "\"note\":\"x, \\\"y\\\"\""), Event("2024-01-01T00:00:01Z", "B"));
        var csv = QueryResultsText.ToCsv(r).Split("\r\n");
        Assert.Equal("eventName,note,@ptr", csv[0]);
        Assert.Equal("A,\"x, \"\"y\"\"\",mem.json@byte 0", csv[1]);
        Assert.Equal("B,,mem.json@byte 1000", csv[2]);
        Assert.Contains("eventName  note", QueryResultsText.ToTable(r), StringComparison.Ordinal);
    }

    private sealed record Count(string EventName, int N);

    [Fact]
    public void TypedHelpersConvertColumnsAndMapRowsByName()
    {
        var r = Run("stats count(*) as n, max(@timestamp) as last by eventName", Event("2024-01-01T00:00:00Z", "A"), Event("2024-01-01T00:00:05Z", "A"), Event("2024-01-01T00:00:00Z", "B"));
        Assert.Equal([2, 1], r.Column<int>("n"));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 5, TimeSpan.Zero), r.Column<DateTimeOffset>("last")[0]);
        Assert.Equal([new Count("A", 2), new Count("B", 1)], r.As<Count>());
        var e = Assert.Throws<FormatException>(() => r.Column<int>("eventName"));
        Assert.Contains("row 1, field 'eventName'", e.Message, StringComparison.Ordinal);
    }
}
