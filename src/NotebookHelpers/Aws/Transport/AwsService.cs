namespace NotebookHelpers.Aws.Transport;

/// <summary>
/// What the connectors need to know about one AWS service to reach it: the SigV4 signing name, the endpoint host
/// prefix, the names of its <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variables, and whether it is global (IAM).
/// </summary>
/// <param name="SigningName">The SigV4 service name (<c>logs</c>, <c>cloudtrail</c>, <c>iam</c> …).</param>
/// <param name="EndpointPrefix">The first label of the regional host name.</param>
/// <param name="EndpointVariableSuffixes">Suffixes after <c>AWS_ENDPOINT_URL_</c>, first match wins.</param>
/// <param name="IsGlobal">True when one endpoint serves every region and requests are signed for <c>us-east-1</c>.</param>
/// <param name="ProfileKey">The key of the service in a <c>[services NAME]</c> section of ~/.aws/config.</param>
public sealed record AwsService(
    string SigningName,
    string EndpointPrefix,
    IReadOnlyList<string> EndpointVariableSuffixes,
    bool IsGlobal,
    string ProfileKey)
{
    /// <summary>CloudWatch Logs (JSON 1.1). Its service id is "CloudWatch Logs", so both LOGS and CLOUDWATCH_LOGS are read.</summary>
    public static AwsService Logs { get; } = new("logs", "logs", ["CLOUDWATCH_LOGS", "LOGS"], false, "cloudwatch_logs");

    /// <summary>CloudTrail (JSON 1.1).</summary>
    public static AwsService CloudTrail { get; } = new("cloudtrail", "cloudtrail", ["CLOUDTRAIL"], false, "cloudtrail");

    /// <summary>IAM (Query protocol, global).</summary>
    public static AwsService Iam { get; } = new("iam", "iam", ["IAM"], true, "iam");

    /// <summary>STS (regional endpoints, as current SDKs and the CLI v2 use).</summary>
    public static AwsService Sts { get; } = new("sts", "sts", ["STS"], false, "sts");

    /// <summary>S3.</summary>
    public static AwsService S3 { get; } = new("s3", "s3", ["S3"], false, "s3");

    /// <summary>Athena (JSON 1.1).</summary>
    public static AwsService Athena { get; } = new("athena", "athena", ["ATHENA"], false, "athena");

    /// <summary>EC2.</summary>
    public static AwsService Ec2 { get; } = new("ec2", "ec2", ["EC2"], false, "ec2");

    /// <inheritdoc />
    public override string ToString() => SigningName;
}
