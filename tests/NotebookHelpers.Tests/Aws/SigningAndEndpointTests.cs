using Amazon.Runtime;
using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Logs;
using NotebookHelpers.Aws.Transport;
using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Aws;

public sealed class SigningAndEndpointTests
{
    [Fact]
    public async Task TheTestServerRejectsARequestSignedWithAnotherSecret()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => FakeResponse.Json("{}"));
        using var session = AwsSession.Open(new AwsSessionSettings
        {
            Region = "us-east-1",
            Environment = new AwsEnvironment(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = server.Url.ToString() }),
            Credentials = new BasicAWSCredentials(TestAws.AccessKeyId, "not-the-secret-the-server-knows"),
            ClientOptions = TestAws.FastOptions(),
        });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            new CloudWatchLogsClient(session.Sender).DescribeLogGroupsAsync("us-east-1", null, CancellationToken.None));

        Assert.Equal(AwsErrorKind.InvalidCredentials, error.Kind);
        Assert.False(Assert.Single(server.Requests).Signature.IsValid);
    }

    [Fact]
    public async Task RetriesAJsonErrorBodyWhoseCodeIsANumberAsTheStatusSays()
    {
        // Gateways and proxies in front of an endpoint answer {"code":503,...}: not AWS's shape, still an AWS failure.
        var attempts = 0;
        await using var server = await FakeAwsServer.StartAsync(_ => Task.FromResult(++attempts == 1
            ? new FakeResponse(503, "application/json", """{"code":503,"message":null}"""u8.ToArray())
            : FakeResponse.Json("""{"logGroups":[]}""")));
        using var session = AwsSession.Open(new AwsSessionSettings
        {
            Region = "us-east-1",
            Environment = new AwsEnvironment(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = server.Url.ToString() }),
            Credentials = new BasicAWSCredentials(TestAws.AccessKeyId, TestAws.SecretKey),
            ClientOptions = TestAws.FastOptions(),
        });

        var groups = await new CloudWatchLogsClient(session.Sender).DescribeLogGroupsAsync("us-east-1", null, CancellationToken.None);

        Assert.Empty(groups);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task SignsTheSessionTokenOfTemporaryCredentials()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => FakeResponse.Json("""{"logGroups":[]}"""));
        using var session = AwsSession.Open(new AwsSessionSettings
        {
            Region = "us-east-1",
            Environment = new AwsEnvironment(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = server.Url.ToString() }),
            Credentials = new SessionAWSCredentials(TestAws.AccessKeyId, TestAws.SecretKey, "FwoGZXIvYXdzEXAMPLETOKEN"),
            ClientOptions = TestAws.FastOptions(),
        });

        await new CloudWatchLogsClient(session.Sender).DescribeLogGroupsAsync("us-east-1", null, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.True(request.Signature.IsValid, request.Signature.Problem);
        Assert.Equal("FwoGZXIvYXdzEXAMPLETOKEN", request.Headers["x-amz-security-token"]);
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS")]
    [InlineData("AWS_ENDPOINT_URL_LOGS")]
    [InlineData("AWS_ENDPOINT_URL")]
    public void RoutesCloudWatchLogsThroughItsEndpointVariables(string variable)
    {
        var resolver = new AwsEndpointResolver(new AwsEnvironment(new Dictionary<string, string> { [variable] = "http://127.0.0.1:4566" }));

        var endpoint = resolver.Resolve(AwsService.Logs, "eu-west-1");

        Assert.Equal(new Uri("http://127.0.0.1:4566/"), endpoint.Url);
        Assert.Equal("eu-west-1", endpoint.SigningRegion);
        Assert.True(endpoint.IsCustom);
    }

    [Fact]
    public void PrefersTheServiceVariableOverTheGlobalOneAndTheProfile()
    {
        var resolver = new AwsEndpointResolver(
            new AwsEnvironment(new Dictionary<string, string>
            {
                ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1000",
                ["AWS_ENDPOINT_URL_CLOUDTRAIL"] = "http://127.0.0.1:2000",
            }),
            profileEndpointUrl: "http://127.0.0.1:3000");

        Assert.Equal(2000, resolver.Resolve(AwsService.CloudTrail, "us-east-1").Url.Port);
        Assert.Equal(1000, resolver.Resolve(AwsService.Iam, "us-east-1").Url.Port);
        Assert.Equal(3000, new AwsEndpointResolver(AwsEnvironment.Empty, "http://127.0.0.1:3000").Resolve(AwsService.S3, "us-east-1").Url.Port);
    }

    [Fact]
    public void IgnoresConfiguredEndpointsWhenAskedTo()
    {
        var resolver = new AwsEndpointResolver(new AwsEnvironment(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_IAM"] = "http://127.0.0.1:1000",
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true",
        }));

        Assert.Equal(new Uri("https://iam.amazonaws.com/"), resolver.Resolve(AwsService.Iam, "eu-central-1").Url);
    }

    [Theory]
    [InlineData("logs", "eu-west-1", "https://logs.eu-west-1.amazonaws.com/", "eu-west-1")]
    [InlineData("cloudtrail", "cn-north-1", "https://cloudtrail.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("iam", "eu-west-1", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("iam", "us-gov-east-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    public void UsesThePublicEndpointAndSigningRegionByDefault(string service, string region, string url, string signingRegion)
    {
        var known = new[] { AwsService.Logs, AwsService.CloudTrail, AwsService.Iam }.Single(s => s.SigningName == service);

        var endpoint = new AwsEndpointResolver(AwsEnvironment.Empty).Resolve(known, region);

        Assert.Equal((new Uri(url), signingRegion, false), (endpoint.Url, endpoint.SigningRegion, endpoint.IsCustom));
    }

    [Fact]
    public void RejectsAnEndpointVariableThatIsNotAUrl()
    {
        var resolver = new AwsEndpointResolver(new AwsEnvironment(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_IAM"] = "localhost:4566" }));

        var error = Assert.Throws<AwsConfigurationException>(() => resolver.Resolve(AwsService.Iam, "us-east-1"));

        Assert.Contains("AWS_ENDPOINT_URL_IAM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsAnUnreachableEndpointAsANetworkFailureAfterRetrying()
    {
        var notices = new List<AwsRetryNotice>();
        var environment = new AwsEnvironment(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_LOGS"] = "http://127.0.0.1:9/" });
        using var session = AwsSession.Open(new AwsSessionSettings
        {
            Region = "us-east-1",
            Environment = environment,
            Credentials = new BasicAWSCredentials(TestAws.AccessKeyId, TestAws.SecretKey),
            ClientOptions = TestAws.FastOptions(notices.Add),
        });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            new CloudWatchLogsClient(session.Sender).DescribeLogGroupsAsync("us-east-1", null, CancellationToken.None));

        Assert.Equal(AwsErrorKind.Network, error.Kind);
        Assert.Equal(4, notices.Count);
        Assert.DoesNotContain(TestAws.SecretKey, error.Message, StringComparison.Ordinal);
    }
}
