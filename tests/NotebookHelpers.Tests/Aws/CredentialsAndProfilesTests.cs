using System.Security.Cryptography;
using System.Text;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using NotebookHelpers.Aws;
using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Aws;

[Collection(NotebookHelpers.Tests.Support.ProcessStateCollection.Name)]
public sealed class CredentialsAndProfilesTests : IDisposable
{
    private const string AssumedKey = "ASIAASSUMEDROLE00001";
    private const string AssumedSecret = "assumed/secret/never/printed/0000000000";
    private const string AssumedToken = "FwoGZXIvYXdzEAssumedRoleSessionTokenNeverPrinted";
    // One home for the whole process: the SDK reads AWS_CONFIG_FILE once per process (as the CLI runs once per
    // process); each test rewrites the file's content.
    private static readonly string Home = Path.Combine(Path.GetTempPath(), "nbh-test-home-" + Environment.ProcessId);
    private readonly string _home = Home;

    public CredentialsAndProfilesTests()
    {
        if (Directory.Exists(Path.Combine(Home, ".aws")))
        {
            Directory.Delete(Path.Combine(Home, ".aws"), recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(Home, ".aws"));
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);

    private static Dictionary<string, string> Secrets => new()
    {
        [TestAws.AccessKeyId] = TestAws.SecretKey,
        [AssumedKey] = AssumedSecret,
        ["ASIASSOROLE000000001"] = "sso/secret/never/printed/00000000000000",
    };

    private string WriteConfig(string text)
    {
        var path = Path.Combine(_home, ".aws", "config");
        File.WriteAllText(path, text);
        return path;
    }

    private EnvironmentScope Profiles(string config, FakeAwsServer? endpointsFor = null) => new(new Dictionary<string, string?>
    {
        ["HOME"] = _home,
        ["AWS_CONFIG_FILE"] = null,
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Path.GetDirectoryName(WriteConfig(config))!, "credentials"),
        ["AWS_ENDPOINT_URL"] = endpointsFor?.Url.ToString(),
        ["AWS_ENDPOINT_URL_STS"] = endpointsFor?.Url.ToString(),
        ["AWS_ENDPOINT_URL_SSO"] = endpointsFor?.Url.ToString(),
        ["AWS_ACCESS_KEY_ID"] = null,
        ["AWS_SECRET_ACCESS_KEY"] = null,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_REGION"] = null,
        ["AWS_DEFAULT_REGION"] = null,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    });

    private static FakeResponse AssumeRoleOrStandard(RecordedRequest request) => request.Operation == "AssumeRole"
        ? FakeResponse.Xml($"""
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <Credentials><AccessKeyId>{AssumedKey}</AccessKeyId><SecretAccessKey>{AssumedSecret}</SecretAccessKey><SessionToken>{AssumedToken}</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
                <AssumedRoleUser><AssumedRoleId>AROAIR:nbh</AssumedRoleId><Arn>arn:aws:sts::111122223333:assumed-role/IncidentResponse/nbh</Arn></AssumedRoleUser>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>req-assume</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """)
        : IamResponses.Standard(request);

    [Fact]
    public async Task AssumesTheRoleOfAnAssumeRoleProfileAndSignsWithItsTemporaryCredentials()
    {
        await using var server = await FakeAwsServer.StartAsync(r => Task.FromResult(AssumeRoleOrStandard(r)), Secrets);
        using var env = Profiles($"""
            [profile base]
            aws_access_key_id = {TestAws.AccessKeyId}
            aws_secret_access_key = {TestAws.SecretKey}
            [profile ir]
            role_arn = arn:aws:iam::111122223333:role/IncidentResponse
            source_profile = base
            role_session_name = nbh
            region = eu-west-1
            """, server);

        var run = await CliRun.RunAsync("key-owner", "AKIAEXPOSEDKEY000001", "--profile", "ir");

        Assert.True(run.ExitCode == 0, run.Error);
        var assume = Assert.Single(server.Requests, r => r.Operation == "AssumeRole");
        Assert.Equal((TestAws.AccessKeyId, "arn:aws:iam::111122223333:role/IncidentResponse"), (assume.Signature.AccessKeyId, assume.Form["RoleArn"]));
        var later = server.Requests.Where(r => r.Operation != "AssumeRole").ToList();
        Assert.NotEmpty(later);
        Assert.All(later, r =>
        {
            Assert.True(r.Signature.IsValid, r.Signature.Problem);
            Assert.Equal(AssumedKey, r.Signature.AccessKeyId);
            Assert.Equal(AssumedToken, r.Headers["x-amz-security-token"]);
        });
        Assert.Equal("eu-west-1", later.First(r => r.Service == "sts").Region);
        foreach (var secret in new[] { AssumedSecret, AssumedToken, TestAws.SecretKey })
        {
            Assert.DoesNotContain(secret, run.Out + run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UsesTheProfilesEndpointUrlAndRegion()
    {
        await using var server = await FakeAwsServer.StartAsync(r => Task.FromResult(IamResponses.Standard(r)), Secrets);
        using var env = Profiles($"""
            [profile local]
            aws_access_key_id = {TestAws.AccessKeyId}
            aws_secret_access_key = {TestAws.SecretKey}
            region = ap-southeast-2
            endpoint_url = {server.Url}
            """);

        using var session = AwsSession.Open(new AwsSessionSettings { Profile = "local" });
        var run = await CliRun.RunAsync("key-owner", "AKIAEXPOSEDKEY000001", "--profile", "local");

        Assert.Equal("ap-southeast-2", session.Region);
        Assert.Equal("profile 'local'", session.CredentialOrigin);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("ap-southeast-2", server.Requests.First(r => r.Service == "sts").Region);
    }

    [Fact]
    public async Task SendsEachServiceToTheEndpointOfTheProfilesServicesSection()
    {
        await using var shared = await FakeAwsServer.StartAsync(r => Task.FromResult(IamResponses.Standard(r)), Secrets);
        await using var fallback = await FakeAwsServer.StartAsync(r => Task.FromResult(IamResponses.Standard(r)), Secrets);
        using var env = Profiles($"""
            [profile lab]
            aws_access_key_id = {TestAws.AccessKeyId}
            aws_secret_access_key = {TestAws.SecretKey}
            region = eu-west-1
            endpoint_url = {fallback.Url}
            services = lab-endpoints
            [services lab-endpoints]
            sts =
              endpoint_url = {shared.Url}
            """);

        var run = await CliRun.RunAsync("key-owner", "AKIAEXPOSEDKEY000001", "--profile", "lab");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(shared.Requests, r => r.Service == "sts");
        Assert.All(shared.Requests, r => Assert.Equal("sts", r.Service));
        Assert.DoesNotContain(fallback.Requests, r => r.Service == "sts");
        Assert.Contains(fallback.Requests, r => r.Service == "iam");
        Assert.Contains("complete:          yes", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NbhQueryRunsACwlQueryWithTheCredentialsAndRegionOfProfile()
    {
        var logs = new FakeLogsInsights([(1_699_180_000L, "{\"eventName\":\"StopLogging\"}")], pollsBeforeComplete: 0);
        await using var server = await FakeAwsServer.StartAsync(r => Task.FromResult(logs.Handle(r)), Secrets);
        using var env = Profiles($"""
            [profile ir-logs]
            aws_access_key_id = {TestAws.AccessKeyId}
            aws_secret_access_key = {TestAws.SecretKey}
            region = ca-central-1
            endpoint_url = {server.Url}
            """);

        var run = await CliRun.RunAsync("query", "--logs", "cwl:CloudTrail/logs", "--profile", "ir-logs", "--start", "2023-11-05", "--end", "2023-11-06", "fields @message");
        var withoutProfile = await CliRun.RunAsync("query", "--logs", "cwl:CloudTrail/logs", "--start", "2023-11-05", "--end", "2023-11-06", "fields @message");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("StopLogging", run.Out, StringComparison.Ordinal);
        var start = server.Requests.Single(r => r.Operation == "StartQuery");
        Assert.Equal("ca-central-1", start.Region);
        Assert.True(start.Signature.IsValid, start.Signature.Problem);
        Assert.Equal(2, withoutProfile.ExitCode);
        Assert.Contains("credentials", withoutProfile.Error, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("nbh query: ", withoutProfile.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(TestAws.SecretKey, run.Error + withoutProfile.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetsCredentialsOfAnSsoProfileFromTheTokenCacheOfAwsSsoLogin()
    {
        await using var server = await FakeAwsServer.StartAsync(
            r => Task.FromResult(r.RawTarget.StartsWith("/federation/credentials", StringComparison.Ordinal)
                ? FakeResponse.Json("""{"roleCredentials":{"accessKeyId":"ASIASSOROLE000000001","secretAccessKey":"sso/secret/never/printed/00000000000000","sessionToken":"ssotoken","expiration":4102444800000}}""")
                : IamResponses.Standard(r)),
            Secrets,
            r => r.RawTarget.StartsWith("/federation/credentials", StringComparison.Ordinal));
        using var env = Profiles("""
            [profile sso-ir]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = IncidentResponder
            region = us-west-2
            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access
            """, server);
        var cache = Path.Combine(_home, ".aws", "sso", "cache");
        Directory.CreateDirectory(cache);
        File.WriteAllText(
            Path.Combine(cache, Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("corp"))) + ".json"),
            """{"startUrl":"https://corp.awsapps.com/start","region":"us-east-1","accessToken":"sso-bearer-token","expiresAt":"2099-01-01T00:00:00Z"}""");

        var run = await CliRun.RunAsync("key-owner", "AKIAEXPOSEDKEY000001", "--profile", "sso-ir");

        Assert.True(run.ExitCode == 0, run.Error);
        var portal = Assert.Single(server.Requests, r => r.RawTarget.StartsWith("/federation/credentials", StringComparison.Ordinal));
        Assert.Equal("sso-bearer-token", portal.Headers["x-amz-sso_bearer_token"]);
        Assert.All(server.Requests.Where(r => r != portal), r => Assert.Equal("ASIASSOROLE000000001", r.Signature.AccessKeyId));
    }

    [Fact]
    public async Task TheSdkClientsHonourServiceEndpointVariablesThemselves()
    {
        await using var server = await FakeAwsServer.StartAsync(r => Task.FromResult(r.Service switch
        {
            "ec2" => FakeResponse.Xml("""<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><regionInfo/></DescribeRegionsResponse>"""),
            "s3" => FakeResponse.Xml("""<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Buckets/></ListAllMyBucketsResult>"""),
            _ => IamResponses.Standard(r),
        }), Secrets);
        using var env = new EnvironmentScope(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = null,
            ["AWS_ENDPOINT_URL_EC2"] = server.Url.ToString(),
            ["AWS_ENDPOINT_URL_S3"] = server.Url.ToString(),
            ["AWS_ENDPOINT_URL_STS"] = server.Url.ToString(),
        });
        var credentials = new BasicAWSCredentials(TestAws.AccessKeyId, TestAws.SecretKey);

        using var ec2 = new AmazonEC2Client(credentials, new AmazonEC2Config { RegionEndpoint = Amazon.RegionEndpoint.EUWest1 });
        using var s3 = new AmazonS3Client(credentials, new AmazonS3Config { RegionEndpoint = Amazon.RegionEndpoint.EUWest1, ForcePathStyle = true });
        using var sts = new AmazonSecurityTokenServiceClient(credentials, new AmazonSecurityTokenServiceConfig { RegionEndpoint = Amazon.RegionEndpoint.EUWest1 });
        await ec2.DescribeRegionsAsync(new Amazon.EC2.Model.DescribeRegionsRequest());
        await s3.ListBucketsAsync();
        await sts.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest());

        // They all reach the endpoint, but the EC2 client then signs for us-east-1, not the configured eu-west-1: it
        // derives the signing region from the URL's host.
        Assert.Equal(["ec2", "s3", "sts"], server.Requests.Select(r => r.Service));
        Assert.All(server.Requests, r => Assert.True(r.Signature.IsValid, r.Signature.Problem));
        Assert.Equal("us-east-1", server.Requests[0].Region);

        // That is why AwsSession resolves the endpoint itself and sets the signing region: the session's clients sign for eu-west-1.
        using var session = AwsSession.Open(new AwsSessionSettings { Region = "eu-west-1", Credentials = credentials, Environment = AwsEnvironment.FromProcess() });
        using var sessionEc2 = session.CreateEc2Client();
        using var sessionSts = session.CreateStsClient();
        await sessionEc2.DescribeRegionsAsync(new Amazon.EC2.Model.DescribeRegionsRequest());
        await sessionSts.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest());
        Assert.Equal([("ec2", "eu-west-1"), ("sts", "eu-west-1")], server.Requests.Skip(3).Select(r => (r.Service, r.Region)));
    }

    private const string TypoedSecret = "TypoedSecretNeverPrinted0000000000000000";

    private void WriteCredentials(string text) => File.WriteAllText(Path.Combine(_home, ".aws", "credentials"), text);

    [Fact]
    public async Task AMalformedCredentialsFileIsPassedOverWhenTheCredentialsComeFromTheEnvironment()
    {
        await using var server = await FakeAwsServer.StartAsync(r => Task.FromResult(IamResponses.Standard(r)), Secrets);
        using var env = Profiles("", server);
        WriteCredentials($"""
            [default]
            aws_access_key_id = AKIDOTHERKEY00000001
            aws_secret_access_key: {TypoedSecret}
            """);
        using var keys = new EnvironmentScope(new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = TestAws.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = TestAws.SecretKey,
            ["AWS_REGION"] = "us-east-1",
        });

        var run = await CliRun.RunAsync("key-owner", "AKIAEXPOSEDKEY000001");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("credentials line 3 is not 'name = value'", run.Error, StringComparison.Ordinal);
        Assert.All(server.Requests, r => Assert.Equal(TestAws.AccessKeyId, r.Signature.AccessKeyId));
        Assert.DoesNotContain(TypoedSecret, run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("aws_secret_access_key", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("credentials", "[default]\naws_access_key_id = AKIDOTHERKEY00000001\naws_secret_access_key: " + TypoedSecret + "\n", 3)]
    [InlineData("credentials", "[default]\n" + TypoedSecret + "\n", 2)]
    [InlineData("config", "[default]\nregion = us-east-1\n\n   " + TypoedSecret + "\n", 4)]
    public async Task AMalformedSharedFileWithoutEnvironmentCredentialsIsOneLineNamingTheFileAndLine(string file, string content, int line)
    {
        await using var server = await FakeAwsServer.StartAsync(r => Task.FromResult(IamResponses.Standard(r)), Secrets);
        using var env = Profiles(file == "config" ? content : "[default]\nregion = us-east-1\n", server);
        WriteCredentials(file == "credentials" ? content : "[default]\naws_access_key_id = AKIDOTHERKEY00000001\naws_secret_access_key = x\n");

        foreach (var args in new[] { new[] { "key-owner", "AKIAEXPOSEDKEY000001" }, ["key-owner", "AKIAEXPOSEDKEY000001", "--profile", "default"] })
        {
            var run = await CliRun.RunAsync(args);

            Assert.Equal(1, run.ExitCode);
            var message = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("nbh key-owner: ", message, StringComparison.Ordinal);
            Assert.Contains($"{Path.Combine(_home, ".aws", file)} line {line} is not 'name = value'", message, StringComparison.Ordinal);
            Assert.Contains("fix it", message, StringComparison.Ordinal);
            Assert.DoesNotContain(TypoedSecret, run.Out + run.Error, StringComparison.Ordinal);
        }

        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("echo '{\"Version\":1,\"AccessKeyId\":\"AKIDPROCESSSTDOUT001\"' ; echo ProcessStderrSecret0000000000000000 >&2; exit 3", "exited with code 3")]
    [InlineData("echo 'not json ProcessStdoutSecret000000000000000'", "printed no valid credentials JSON")]
    public async Task AFailingCredentialProcessIsOneLineWithoutItsOutput(string script, string expected)
    {
        await using var server = await FakeAwsServer.StartAsync(r => Task.FromResult(IamResponses.Standard(r)), Secrets);
        var helper = Path.Combine(_home, "credential-helper.sh");
        File.WriteAllText(helper, "#!/bin/sh\n" + script + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        using var env = Profiles($"""
            [profile proc]
            credential_process = {helper}
            region = us-east-1
            """, server);

        var keyOwner = await CliRun.RunAsync("key-owner", "AKIAEXPOSEDKEY000001", "--profile", "proc");
        var query = await CliRun.RunAsync("query", "--logs", "cwl:CloudTrail/logs", "--profile", "proc", "--start", "2023-11-05", "--end", "2023-11-06", "fields @message");

        foreach (var run in new[] { keyOwner, query })
        {
            Assert.Equal(1, run.ExitCode);
            var message = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("credential_process", message, StringComparison.Ordinal);
            Assert.Contains(expected, message, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret0000", run.Out + run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("AKIDPROCESSSTDOUT001", run.Out + run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        }
    }
}
