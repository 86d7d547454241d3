using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

public class JsonFunctionTests
{
    private const string Users = "\"data\":\"{\\\"users\\\":[{\\\"action\\\":\\\"GetData\\\"},{\\\"action\\\":\\\"PutData\\\"}],\\\"user.id\\\":\\\"123\\\",\\\"startTime\\\":1700000000,\\\"tags\\\":[\\\"a\\\",\\\"B\\\",3,true],\\\"name\\\":\\\"S\\u00e9bastien \\ud83d\\ude00\\\"}\"";

    private static string? Eval(string expression, string? extra = Users) =>
        Run($"fields {expression} as v", Event("2024-05-19T06:10:35.743Z", "E", extra)).Column("v")[0];

    [Theory]
    [InlineData("jsonParse(data).users.1.action", "PutData")]
    [InlineData("jsonParse(data).users[1].action", "PutData")]
    [InlineData("jsonParse(data).users[5].action", null)]
    [InlineData("jsonParse(data).startTime", "1700000000")]
    [InlineData("jsonParse(data).nosuch", null)]
    [InlineData("jsonParse(data).name", "S\u00e9bastien \ud83d\ude00")]
    [InlineData("jsonParse(data).tags", "[\"a\",\"B\",3,true]")]
    [InlineData("jsonStringify(jsonParse(data).users[0])", "{\"action\":\"GetData\"}")]
    [InlineData("jsonStringify(eventName)", null)]
    [InlineData("jsonParse(eventName)", null)]
    [InlineData("jsonParse(\"42\")", null)]
    [InlineData("jsonParse(\"{broken\")", null)]
    [InlineData("jsonParse(missing)", null)]
    [InlineData("jsonArraySize(jsonParse(data).tags)", "4")]
    [InlineData("jsonArraySize(\"[1, 2]\")", "2")]
    [InlineData("jsonArraySize(jsonParse(data))", null)]
    [InlineData("jsonArraySize(eventName)", null)]
    [InlineData("jsonArrayContains(jsonParse(data).tags, \"a\")", "1")]
    [InlineData("jsonArrayContains(jsonParse(data).tags, \"b\")", "0")]
    [InlineData("jsonArrayContains(jsonParse(data).tags, 3)", "1")]
    [InlineData("jsonArrayContains(\"[not json\", \"a\")", "0")]
    [InlineData("jsonArrayContains(missing, \"a\")", null)]
    [InlineData("toupper(jsonParse(data))", null)]
    [InlineData("strlen(jsonParse(data).tags)", null)]
    [InlineData("ispresent(jsonParse(data))", "1")]
    [InlineData("split(\"a,b,,c\", \",\")", "[\"a\",\"b\",\"\",\"c\"]")]
    [InlineData("split(\"a,b\", \",\")[1]", "b")]
    [InlineData("jsonArraySize(split(\"x\", \"\"))", "1")]
    [InlineData("split(missing, \",\")", null)]
    public void JsonAndListFunctions(string expression, string? expected) => Assert.Equal(expected, Eval(expression));

    [Fact]
    public void AnAliasOfAParsedMapIsReadWithDotsIndexesAndBackticksAsTheDocumentedSamplesDo()
    {
        var r = Run(
            "fields jsonParse(data) as json_message | filter json_message.users[1].action = \"PutData\" | filter json_message.`user.id` = \"123\" | display json_message.users.0.action, eventName",
            Event("2024-05-19T06:10:35.743Z", "match", Users),
            Event("2024-05-19T06:10:36.743Z", "other", "\"data\":\"{\\\"users\\\":[]}\""),
            Event("2024-05-19T06:10:37.743Z", "none"));

        Assert.Equal(["json_message.users.0.action=GetData; eventName=match"], r.Lines());
    }

    [Fact]
    public void MapsAndListsCompareFalseToEverythingAndPrintAsCompactJson()
    {
        var r = Run(
            "fields jsonParse(data) as j | fields j = j as same, j != \"x\" as different, j.tags as tags | display same, different, tags",
            Event("2024-05-19T06:10:35.743Z", "E", Users));

        Assert.Equal(["same=0; different=0; tags=[\"a\",\"B\",3,true]"], r.Lines());
    }

    [Fact]
    public void AMemberThatIsAMapIsReadAsMissingInStatsAndSort()
    {
        var r = Run(
            "fields jsonParse(data) as j | stats count(*) as n by j.users.0",
            Event("2024-05-19T06:10:35.743Z", "E", Users),
            Event("2024-05-19T06:10:36.743Z", "F"));

        Assert.Equal(["n=2"], r.Lines());
    }

    [Fact]
    public void JsonParseOfTheMessageReadsACloudTrailEventsNestedParts()
    {
        var r = Run(
            "fields jsonParse(@message) as e | filter e.userIdentity.type = \"IAMUser\" | stats count(*) as n by e.userIdentity.accessKeyId",
            Event("2024-05-19T06:10:35.743Z", "A", "\"userIdentity\":{\"type\":\"IAMUser\",\"accessKeyId\":\"AKIAEXAMPLE\"}"),
            Event("2024-05-19T06:10:36.743Z", "B", "\"userIdentity\":{\"type\":\"Root\",\"accessKeyId\":\"AKIAROOT\"}"));

        Assert.Equal(["e.userIdentity.accessKeyId=AKIAEXAMPLE; n=1"], r.Lines());
    }
}
