using System.Text.Json;
using NotebookHelpers.Events;

namespace NotebookHelpers.Detections;

/// <summary>
/// Facts about CloudTrail events that several rules and the investigation need, with the field quirks handled in
/// one place: <c>sourceIPAddress</c> may be a service host or "AWS Internal", <c>instanceType</c> may be a string or
/// <c>{"value": …}</c>, policy documents are JSON inside a string, AKIA keys are long-term and ASIA keys temporary.
/// </summary>
public static partial class CloudTrailFacts
{
    /// <summary>True when the call succeeded (no <c>errorCode</c>).</summary>
    public static bool Succeeded(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return string.IsNullOrEmpty(ev.ErrorCode);
    }

    /// <summary>True for an authorisation failure: AccessDenied, Client.UnauthorizedOperation, Forbidden and the like.</summary>
    public static bool IsAccessDenied(string? errorCode) =>
        errorCode is not null &&
        (errorCode.Contains("Denied", StringComparison.OrdinalIgnoreCase) ||
         errorCode.Contains("Unauthorized", StringComparison.OrdinalIgnoreCase) ||
         errorCode.Contains("Forbidden", StringComparison.OrdinalIgnoreCase) ||
         errorCode.Contains("NotAuthorized", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when <c>sourceIPAddress</c> is not a client address: empty, "AWS Internal", or a service host name such
    /// as <c>ec2.amazonaws.com</c> (calls AWS made on the principal's behalf).
    /// </summary>
    public static bool IsAwsSource(string? sourceIPAddress)
    {
        if (string.IsNullOrWhiteSpace(sourceIPAddress))
        {
            return true;
        }

        return sourceIPAddress.Equals("AWS Internal", StringComparison.OrdinalIgnoreCase) ||
               sourceIPAddress.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) ||
               sourceIPAddress.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase) ||
               sourceIPAddress.Any(char.IsAsciiLetter) && !sourceIPAddress.Contains(':', StringComparison.Ordinal);
    }

    /// <summary>True when the call was made by AWS (service events, <c>invokedBy</c>, service sources).</summary>
    public static bool IsMadeByAws(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.EventType == "AwsServiceEvent" ||
               ev.UserIdentity?.Type is "AWSService" ||
               ev.UserIdentity?.InvokedBy is not null ||
               IsAwsSource(ev.SourceIPAddress);
    }

    /// <summary>True when the user agent says the call came from the AWS console (which fans out many read calls).</summary>
    public static bool IsConsoleUserAgent(string? userAgent) =>
        userAgent is not null &&
        (userAgent.Contains("aws-internal/", StringComparison.OrdinalIgnoreCase) ||
         userAgent.StartsWith("aws-internal", StringComparison.OrdinalIgnoreCase) ||
         userAgent.Contains("ConsoleFrontend", StringComparison.Ordinal) ||
         userAgent.Contains("S3Console", StringComparison.Ordinal) ||
         userAgent.Contains("console.amazonaws.com", StringComparison.OrdinalIgnoreCase) ||
         userAgent.StartsWith("console.", StringComparison.OrdinalIgnoreCase) ||
         userAgent.Contains("console.aws.amazon.com", StringComparison.OrdinalIgnoreCase) ||
         userAgent.Equals("signin.amazonaws.com", StringComparison.OrdinalIgnoreCase) ||
         userAgent.StartsWith("Mozilla/", StringComparison.Ordinal));

    /// <summary>True for a console session (the <c>sessionCredentialFromConsole</c> flag or a console user agent).</summary>
    public static bool IsConsoleSession(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.GetString("sessionCredentialFromConsole") == "true" || IsConsoleUserAgent(ev.UserAgent);
    }

    /// <summary>
    /// The caller's own name as IAM knows it, for comparing with a target user: the user name of an IAM user, the
    /// session name of an assumed role (which identity centres set to the person's name), the federated user's name.
    /// Null for root and for identities without a name.
    /// </summary>
    public static string? CallerName(UserIdentity? identity)
    {
        if (identity is null || identity.Type == "Root")
        {
            return null;
        }

        if (identity.Type == "IAMUser")
        {
            return identity.UserName ?? LastSegment(identity.Arn);
        }

        if (identity.Type is "AssumedRole" or "FederatedUser")
        {
            return LastSegment(identity.Arn) ?? LastSegment(identity.PrincipalId, ':');
        }

        return identity.UserName;
    }

    /// <summary>
    /// The kind of an access key id, from <see cref="AccessKeyIdPrefix.Table"/>: AKIA long-term (IAM user or root),
    /// ASIA, ABIA and ACCA temporary, anything else unknown.
    /// </summary>
    public static AccessKeyKind KeyKind(string? accessKeyId) => AccessKeyIdPrefix.Of(accessKeyId)?.Kind ?? AccessKeyKind.Unknown;

    /// <summary>What an access key id (or another AWS id given as one) is, from its prefix; null when the prefix is unknown.</summary>
    public static string? DescribeKeyId(string? accessKeyId) => AccessKeyIdPrefix.Of(accessKeyId)?.Meaning;

    /// <summary>
    /// True when <paramref name="region"/> is shaped like an AWS region name (<c>us-east-1</c>, <c>us-gov-west-1</c>,
    /// <c>us-isob-east-1</c>, <c>eusc-de-east-1</c>): a shape rather than a list, so regions AWS opens later still count.
    /// </summary>
    public static bool IsAwsRegionName(string? region) =>
        region is not null && RegionName().IsMatch(region);

    /// <summary>
    /// The infrastructure-as-code tool a user agent names (Terraform, Pulumi, the CDK, CloudFormation, Crossplane),
    /// or null. Their changes are usually the account's own deployments; the rules that report configuration
    /// changes lower such changes to Info unless they open access (a user agent is the caller's claim, so what opens
    /// access stays reported whatever the tool).
    /// </summary>
    public static string? InfrastructureAsCodeTool(string? userAgent) =>
        userAgent switch
        {
            null => null,
            _ when userAgent.Contains("Terraform", StringComparison.OrdinalIgnoreCase) => "Terraform",
            _ when userAgent.Contains("OpenTofu", StringComparison.OrdinalIgnoreCase) => "OpenTofu",
            _ when userAgent.Contains("Pulumi", StringComparison.OrdinalIgnoreCase) => "Pulumi",
            _ when userAgent.Contains("aws-cdk", StringComparison.OrdinalIgnoreCase) => "the AWS CDK",
            _ when userAgent.Contains("cloudformation", StringComparison.OrdinalIgnoreCase) => "CloudFormation",
            _ when userAgent.Contains("crossplane", StringComparison.OrdinalIgnoreCase) => "Crossplane",
            _ => null,
        };

    /// <summary>The text of <c>requestParameters.NAME</c>, or null.</summary>
    public static string? Request(CloudTrailEvent ev, string name)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.GetString("requestParameters." + name);
    }

    /// <summary>The text of <c>responseElements.NAME</c>, or null.</summary>
    public static string? Response(CloudTrailEvent ev, string name)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.GetString("responseElements." + name);
    }

    /// <summary>
    /// The instance type RunInstances asked for: <c>requestParameters.instanceType</c> as a string or as
    /// <c>{"value": …}</c>, else from the launch template overrides; null when absent.
    /// </summary>
    public static string? InstanceType(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.GetField("requestParameters.instanceType") is { } value)
        {
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Object when value.TryGetProperty("value", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
                _ => null,
            };
        }

        return ev.GetString("responseElements.instancesSet.items.0.instanceType");
    }

    /// <summary>True when the request asks for a read of decrypted values (<c>withDecryption: true</c>).</summary>
    public static bool IsTrue(CloudTrailEvent ev, string path)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.GetField(path) is { } v && (v.ValueKind == JsonValueKind.True ||
            (v.ValueKind == JsonValueKind.String && string.Equals(v.GetString(), "true", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The account id inside an ARN (<c>arn:aws:iam::123456789012:root</c> → 123456789012), or a bare 12-digit id.</summary>
    public static string? AccountOf(string? arnOrAccount)
    {
        if (string.IsNullOrEmpty(arnOrAccount))
        {
            return null;
        }

        if (arnOrAccount.All(char.IsAsciiDigit))
        {
            return arnOrAccount;
        }

        var parts = arnOrAccount.Split(':');
        return parts.Length >= 5 && parts[0] == "arn" && parts[4].Length > 0 ? parts[4] : null;
    }

    /// <summary>The last <c>/</c>-separated segment (<c>user/path/name</c> → <c>name</c>).</summary>
    public static string? LastSegment(string? value, char separator = '/')
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var i = value.LastIndexOf(separator);
        return i < 0 ? value : value[(i + 1)..];
    }

    /// <summary>
    /// The network of a client address, for "same place" comparisons: the /24 of an IPv4 address, the /48 of an IPv6
    /// address; null for service names and text that is not an address.
    /// </summary>
    public static string? NetworkOf(string? sourceIPAddress)
    {
        if (IsAwsSource(sourceIPAddress) || !System.Net.IPAddress.TryParse(sourceIPAddress, out var address))
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24"
            : Convert.ToHexString(bytes, 0, 6) + "::/48";
    }

    /// <summary>Short form of an access key id for summaries (the whole id: it is evidence, not a secret).</summary>
    public static string KeyText(string? accessKeyId) => accessKeyId ?? "(unknown key)";

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2,4}(-(gov|iso[a-z]?|[a-z]{2}))?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-[0-9]{1,2}$")]
    private static partial System.Text.RegularExpressions.Regex RegionName();
}
