using NotebookHelpers.Aws.CloudTrail;
using NotebookHelpers.Aws.Containment;
using NotebookHelpers.Aws.Logs;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Tests.Aws;

public sealed class AwsBuildingBlocksTests
{
    [Theory]
    [InlineData("fields @timestamp, @message | sort @timestamp desc", true, null)]
    [InlineData("filter eventName = 'a|b' | stats count(*) by bin(1h)", false, "stats")]
    [InlineData("fields x | limit 20", false, "limit")]
    [InlineData("fields x | filter @message like /stats|limit/", true, null)]
    public void ReadsWhetherAQueryCanBeSplitByTime(string query, bool splittable, string? why)
    {
        var shape = InsightsQueryShape.Of(query);

        Assert.Equal(splittable, shape.IsSplittable);
        Assert.Equal(why == "stats", shape.Aggregates);
        Assert.Equal(why == "limit", shape.HasLimit);
    }

    [Theory]
    [InlineData("fields a | sort @timestamp", "@timestamp", false)]
    [InlineData("fields a | sort @timestamp asc", "@timestamp", true)]
    [InlineData("fields a | sort bytes desc, b", "bytes", false)]
    public void ReadsTheFirstSortFieldAndDirection(string query, string field, bool ascending) =>
        Assert.Equal((field, ascending), (InsightsQueryShape.Of(query).SortField, InsightsQueryShape.Of(query).SortAscending));

    [Fact]
    public void QuotesShellValuesSoPrintedCommandsCanBePasted()
    {
        Assert.Equal("ci-deploy", ShellQuoting.Quote("ci-deploy"));
        Assert.Equal("'it'\\''s'", ShellQuoting.Quote("it's"));
        Assert.Equal("'$(rm -rf ~)'", ShellQuoting.Quote("$(rm -rf ~)"));
    }

    [Fact]
    public void DeletingAKeyIsMarkedIrreversibleAndDeactivatingIsNot()
    {
        var deactivate = ContainmentPlanner.DeactivateKey("AKIAEXPOSEDKEY000001", null);
        var delete = ContainmentPlanner.DeleteKey("AKIAEXPOSEDKEY000001", "ci-deploy");

        Assert.False(deactivate.IsIrreversible);
        Assert.True(delete.IsIrreversible);
        Assert.Equal("aws iam update-access-key --access-key-id AKIAEXPOSEDKEY000001 --status Inactive", deactivate.CliCommand);
        Assert.Equal([new("UserName", "ci-deploy"), new KeyValuePair<string, string>("AccessKeyId", "AKIAEXPOSEDKEY000001")], delete.Parameters);
    }

    [Fact]
    public void ReadsAdvancedSelectorsForS3ObjectReadsOfSomeBuckets()
    {
        var coverage = EventCoverageReader.Read(new GetEventSelectorsResponse(null, null,
        [
            new AdvancedEventSelectorWire("mgmt writes", [new("eventCategory", ["Management"], null, null, null, null, null), new("readOnly", ["false"], null, null, null, null, null)]),
            new AdvancedEventSelectorWire("s3 reads", [
                new("eventCategory", ["Data"], null, null, null, null, null),
                new("resources.type", ["AWS::S3::Object"], null, null, null, null, null),
                new("readOnly", ["true"], null, null, null, null, null),
                new("resources.ARN", null, ["arn:aws:s3:::customer-data/", "arn:aws:s3:::backups/2023/"], null, null, null, null),
            ]),
        ]));

        Assert.Equal((false, true, true), (coverage.ManagementReads, coverage.ManagementWrites, coverage.UsesAdvancedSelectors));
        Assert.Equal(["backups", "customer-data"], coverage.S3ObjectReads);
        Assert.Empty(coverage.S3ObjectWrites);
    }

    [Fact]
    public void DelaysGrowExponentiallyUpToTheCap()
    {
        var options = new AwsRetryOptions(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400));
        var random = new Random(7);

        var delays = Enumerable.Range(1, 5).Select(n => options.DelayBefore(n, random).TotalMilliseconds).ToList();

        Assert.InRange(delays[0], 50, 100);
        Assert.InRange(delays[1], 100, 200);
        Assert.All(delays.Skip(2), d => Assert.InRange(d, 200, 400));
    }

    [Theory]
    [InlineData("ThrottlingException", 400, AwsErrorKind.Throttling)]
    [InlineData("RequestLimitExceeded", 503, AwsErrorKind.Throttling)]
    [InlineData("AccessDenied", 403, AwsErrorKind.AccessDenied)]
    [InlineData("ExpiredToken", 400, AwsErrorKind.ExpiredCredentials)]
    [InlineData("UnrecognizedClientException", 400, AwsErrorKind.InvalidCredentials)]
    [InlineData(null, 503, AwsErrorKind.ServiceUnavailable)]
    [InlineData("SomethingNew", 400, AwsErrorKind.Other)]
    public void ClassifiesErrorCodes(string? code, int status, AwsErrorKind kind) =>
        Assert.Equal(kind, AwsErrorClassifier.Classify(code, (System.Net.HttpStatusCode)status));
}
