using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Ast;
using NotebookHelpers.Insights.Parsing;
using NotebookHelpers.Tests.Support;
using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

/// <summary>
/// AWS's rule for field names with special characters (CWL_QuerySyntax-Guidelines): a name with characters other than
/// letters, digits, '@' and '.' goes in backticks as a whole, dots included; a system field keeps its '@' outside.
/// Written without backticks, such a name is refused with the backticked form to use instead of matching nothing.
/// </summary>
public class BacktickFieldNameTests
{
    private const string PutObject = """
        {"eventTime":"2021-07-29T10:00:00Z","eventName":"PutObject","requestParameters":{"bucketName":"b","x-amz-server-side-encryption":"aws:kms","a:b":{"c":"colon"}},"amount":10,"fee":3}
        """;

    private const string Unencrypted = """
        {"eventTime":"2021-07-29T10:00:01Z","eventName":"PutObject","requestParameters":{"bucketName":"b"}}
        """;

    [Fact]
    public void ABacktickedDottedNameIsTheFlattenedFieldAndItsDotsStillSeparateThePath()
    {
        var r = Run("filter ispresent(`requestParameters.x-amz-server-side-encryption`) | fields eventName, `requestParameters.x-amz-server-side-encryption`", PutObject, Unencrypted);

        Assert.Equal(["eventName=PutObject; requestParameters.x-amz-server-side-encryption=aws:kms"], r.Lines());
    }

    [Theory]
    [InlineData("`requestParameters.x-amz-server-side-encryption`")]
    [InlineData("requestParameters.`x-amz-server-side-encryption`")]
    public void TheWholeNameInBackticksAndOnlyItsLastPartInBackticksReadTheSameField(string name)
    {
        var r = Run($"filter {name} = \"aws:kms\" | stats count(*) as n", PutObject, Unencrypted);

        Assert.Equal(["1"], r.Column("n"));
    }

    [Fact]
    public void ASystemFieldKeepsItsAtSignOutsideTheBackticksAsInAwssExample()
    {
        var q = QueryParser.Parse("filter @`aws.tag.aws:cloudformation:stack-name` = \"my-stack\"");
        var field = Assert.IsType<FieldExpression>(((BinaryExpression)((FilterCommand)q.Commands[0]).Condition).Left);

        Assert.Equal("@aws.tag.aws:cloudformation:stack-name", field.Name);
    }

    [Fact]
    public void AKeyWithAColonIsReadThroughBackticks()
    {
        Assert.Equal(["colon"], Run("fields `requestParameters.a:b.c` as v", PutObject).Column("v"));
    }

    [Fact]
    public void ABacktickedPartAfterADotIsOneMapKeyDotsIncluded()
    {
        var q = QueryParser.Parse("fields json.`user.id`");
        var field = Assert.IsType<FieldExpression>(((FieldsCommand)q.Commands[0]).Items[0].Expression);

        Assert.Equal(["json", "user.id"], field.Segments);
    }

    [Theory]
    [InlineData("filter ispresent(requestParameters.x-amz-server-side-encryption)", "requestParameters.x-amz-server-side-encryption", "`requestParameters.x-amz-server-side-encryption`", 17)]
    [InlineData("fields requestParameters.a:b.c", "requestParameters.a:b.c", "`requestParameters.a:b.c`", 7)]
    [InlineData("filter aws:SourceIp = \"1.2.3.4\"", "aws:SourceIp", "`aws:SourceIp`", 7)]
    [InlineData("fields @aws.tag.aws:cloudformation:stack-name", "@aws.tag.aws:cloudformation:stack-name", "@`aws.tag.aws:cloudformation:stack-name`", 7)]
    public void AnUnquotedNameWithADashOrColonInsideIsRefusedWithTheBacktickedFormToUse(string query, string written, string suggestion, int position)
    {
        var error = Assert.Throws<InsightsQueryException>(() => Run(query, PutObject));

        Assert.Contains($"'{written}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(suggestion, error.Message, StringComparison.Ordinal);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void TheRefusalOfADashSaysHowTheQueryWasReadAndHowToSubtract()
    {
        var error = Assert.Throws<InsightsQueryException>(() => QueryParser.Parse("filter requestParameters.x-amz = 1"));

        Assert.Contains("subtraction (requestParameters.x - amz)", error.Message, StringComparison.Ordinal);
        Assert.Contains("blanks around '-'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubtractionStaysSubtractionWithBlanksOrBetweenPlainNames()
    {
        var r = Run("fields amount - fee as spaced, amount-fee as glued, requestParameters.bucketName - 1 as dotted", PutObject);

        Assert.Equal(["spaced=7; glued=7"], r.Lines());
    }

    [SharedDataFact]
    public async Task FindsTheServerSideEncryptedPutObjectsOfTheSans504Recording()
    {
        var runner = OfflineQueryRunner.FromPaths([RepositoryPaths.SharedDataset("suzaku-sample-data-sans504")]);

        var r = await runner.RunAsync(
            "filter eventName = \"PutObject\" and ispresent(`requestParameters.x-amz-server-side-encryption`) | stats count(*) as n", TimeRange.All);

        Assert.Equal(["5393"], r.Column("n"));
    }
}
