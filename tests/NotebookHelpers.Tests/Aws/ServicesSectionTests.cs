using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Credentials;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Tests.Aws;

public sealed class ServicesSectionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nbh-services-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Config(string text)
    {
        var path = Path.Combine(_folder, "config");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ReadsTheNestedEndpointUrlOfEachServiceInTheNamedSection()
    {
        var path = Config("""
            [profile ir]
            services = local
            # comment lines are skipped
            [services other]
            s3 =
              endpoint_url = http://127.0.0.1:1111
            [services local]
            S3 =
              endpoint_url = http://127.0.0.1:2222
              addressing_style = path
            ; another comment
            cloudwatch_logs =
                endpoint_url=http://127.0.0.1:3333
            [profile after]
            region = eu-west-1
            """);

        var section = AwsServicesSection.Read(path, "local");

        Assert.Equal(2, section.EndpointUrls.Count);
        Assert.Equal("http://127.0.0.1:2222", section.EndpointUrlOf("s3"));
        Assert.Equal("http://127.0.0.1:3333", section.EndpointUrlOf("cloudwatch_logs"));
        Assert.Null(section.EndpointUrlOf("iam"));
    }

    [Fact]
    public void IgnoresAnEndpointUrlThatIsNotNestedUnderAService()
    {
        var path = Config("""
            [services local]
            endpoint_url = http://127.0.0.1:1111
            iam = not-a-block
              endpoint_url = http://127.0.0.1:2222
            """);

        Assert.Empty(AwsServicesSection.Read(path, "local").EndpointUrls);
    }

    [Fact]
    public void NamesTheFileAndSectionWhenTheProfileReferencesAMissingSection()
    {
        var path = Config("""
            [services local]
            s3 =
              endpoint_url = http://127.0.0.1:1111
            """);

        var error = Assert.Throws<AwsConfigurationException>(() => AwsServicesSection.Read(path, "lab"));

        Assert.Contains("[services lab]", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RanksTheServicesSectionBelowTheEnvironmentAndAboveTheProfileEndpoint()
    {
        var section = AwsServicesSection.Read(Config("""
            [services local]
            cloudtrail =
              endpoint_url = http://127.0.0.1:4000
            iam =
              endpoint_url = http://127.0.0.1:4001
            cloudwatch_logs =
              endpoint_url = http://127.0.0.1:4002
            """), "local");
        var environment = new AwsEnvironment(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_CLOUDTRAIL"] = "http://127.0.0.1:2000",
        });

        var withServiceVariable = new AwsEndpointResolver(environment, "http://127.0.0.1:3000", section, profileIgnoresConfigured: false);
        var withGlobalVariable = new AwsEndpointResolver(
            new AwsEnvironment(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1000" }), "http://127.0.0.1:3000", section, false);
        var fromFileOnly = new AwsEndpointResolver(AwsEnvironment.Empty, "http://127.0.0.1:3000", section, false);

        Assert.Equal(2000, withServiceVariable.Resolve(AwsService.CloudTrail, "us-east-1").Url.Port);
        Assert.Equal(4001, withServiceVariable.Resolve(AwsService.Iam, "us-east-1").Url.Port);
        Assert.Equal(1000, withGlobalVariable.Resolve(AwsService.Iam, "us-east-1").Url.Port);
        Assert.Equal(4002, fromFileOnly.Resolve(AwsService.Logs, "eu-west-1").Url.Port);
        Assert.Equal(3000, fromFileOnly.Resolve(AwsService.S3, "eu-west-1").Url.Port);
    }

    [Fact]
    public void HonoursTheProfilesIgnoreConfiguredEndpointUrls()
    {
        var section = AwsServicesSection.Read(Config("""
            [services local]
            iam =
              endpoint_url = http://127.0.0.1:4001
            """), "local");
        var environment = new AwsEnvironment(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1000" });

        var endpoint = new AwsEndpointResolver(environment, "http://127.0.0.1:3000", section, profileIgnoresConfigured: true)
            .Resolve(AwsService.Iam, "us-east-1");

        Assert.Equal((new Uri("https://iam.amazonaws.com/"), false), (endpoint.Url, endpoint.IsCustom));
    }

    [Fact]
    public void RejectsAServicesEndpointThatIsNotAUrlNamingWhereItCameFrom()
    {
        var path = Config("""
            [services local]
            sts =
              endpoint_url = localhost:4566
            """);
        var resolver = new AwsEndpointResolver(AwsEnvironment.Empty, null, AwsServicesSection.Read(path, "local"), false);

        var error = Assert.Throws<AwsConfigurationException>(() => resolver.Resolve(AwsService.Sts, "us-east-1"));

        Assert.Contains("[services local]", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsAProfilesTopLevelSettingAndNotOneNestedUnderAService()
    {
        var path = Config("""
            [default]
            endpoint_url = http://127.0.0.1:1000
            [profile  lab ]
            s3 =
              endpoint_url = http://127.0.0.1:2000
            endpoint_url = http://127.0.0.1:3000
            [profile other]
            region = eu-west-1
            """);

        Assert.Equal("http://127.0.0.1:3000", AwsConfigIni.ProfileSetting(path, "lab", "endpoint_url"));
        Assert.Equal("http://127.0.0.1:1000", AwsConfigIni.ProfileSetting(path, "default", "endpoint_url"));
        Assert.Null(AwsConfigIni.ProfileSetting(path, "other", "endpoint_url"));
        Assert.Null(AwsConfigIni.ProfileSetting(Path.Combine(_folder, "absent"), "lab", "endpoint_url"));
    }

    [Fact]
    public void FindsTheConfigFileLikeTheCli()
    {
        Assert.Equal(Path.Combine("/home/analyst", ".aws", "config"),
            AwsConfigFile.PathIn(new AwsEnvironment(new Dictionary<string, string> { ["HOME"] = "/home/analyst" })));
        Assert.Equal(Path.Combine("/home/analyst", "ir/config"),
            AwsConfigFile.PathIn(new AwsEnvironment(new Dictionary<string, string> { ["HOME"] = "/home/analyst", ["AWS_CONFIG_FILE"] = "~/ir/config" })));
        Assert.Equal("/etc/aws/config",
            AwsConfigFile.PathIn(new AwsEnvironment(new Dictionary<string, string> { ["HOME"] = "/home/analyst", ["AWS_CONFIG_FILE"] = "/etc/aws/config" })));
    }
}
