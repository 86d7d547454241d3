namespace NotebookHelpers.SampleIncident.Scenario;

/// <summary>User agents as CloudTrail records them.</summary>
internal static class UserAgents
{
    public const string AwsInternal = "AWS Internal";

    public const string ChromeMac =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36";

    public const string FirefoxLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0";

    public const string EdgeWindows =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36 Edg/133.0.0.0";

    public const string ScannerBoto3 =
        "Boto3/1.34.2 md/Botocore#1.34.2 ua/2.0 os/linux#5.15.0-97-generic md/arch#x86_64 lang/python#3.10.12 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.2";

    /// <summary>The attacker's AWS CLI v2 on a Debian VPS; <paramref name="command"/> is e.g. <c>iam.create-user</c>.</summary>
    public static string AttackerCli(string command) =>
        "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.1.0-18-cloud-amd64 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#debian.12 md/prompt#off md/command#" + command;

    /// <summary>S3 records the user agent of its callers in brackets.</summary>
    public static string Bracketed(string userAgent) => "[" + userAgent + "]";

    public static string CiCli(string command) =>
        "aws-cli/2.22.35 md/awscrt#0.23.8 ua/2.0 os/linux#6.8.0-1021-azure md/arch#x86_64 lang/python#3.12.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off md/command#" + command;

    public const string ReportingJob =
        "aws-cli/1.32.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.14.0-427.13.1.el9_4.x86_64 md/arch#x86_64 lang/python#3.9.18 md/pyimpl#CPython cfg/retry-mode#legacy botocore/1.34.69";

    public const string OrdersApi = "aws-sdk-java/2.30.21 Linux/5.10.234-225.895.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.6+7-LTS Java/21.0.6 vendor/Amazon.com_Inc. md/io#sync md/http#Apache ua/2.1 os/Linux lang/java#21.0.6 m/D,N";

    public const string NightlyExport = "Boto3/1.36.2 md/Botocore#1.36.2 ua/2.0 os/linux#5.10.233-244.904.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.8 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.36.2";

    public const string SsmAgent = "aws-sdk-go/1.55.5 (go1.22.12; linux; amd64) amazon-ssm-agent/3.3.1802.0";

    public const string Grafana = "aws-sdk-go/1.55.6 (go1.23.6; linux; amd64) Grafana/11.5.2";

    public const string GithubActions = "aws-sdk-js/3.750.0 ua/2.1 os/linux#6.8.0-1021-azure lang/js md/nodejs#20.18.3 api/sts#3.750.0 m/E configure-aws-credentials-for-github-actions";

    public const string Terraform =
        "APN/1.0 HashiCorp/1.0 Terraform/1.10.5 (+https://www.terraform.io) terraform-provider-aws/5.88.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.36.1 ua/2.1 os/linux lang/go#1.23.6 md/GOOS#linux md/GOARCH#amd64 api/ecs#1.53.14";
}
