using System.Text.RegularExpressions;

namespace NotebookHelpers.Aws.Credentials;

/// <summary>Checks region names (<c>us-east-1</c>, <c>us-gov-west-1</c>, <c>ap-southeast-4</c>).</summary>
public static partial class AwsRegionName
{
    /// <summary>
    /// The regions of the commercial partition (the <c>aws</c> partition) as of late 2025, for what must enumerate
    /// regions without asking AWS (an Athena table's region partitions). A newer region is named explicitly
    /// (<c>--regions</c>).
    /// </summary>
    public static IReadOnlyList<string> Commercial { get; } =
    [
        "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
        "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1",
        "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1",
        "us-east-2", "us-west-1", "us-west-2",
    ];

    /// <summary>True when <paramref name="name"/> looks like an AWS region name.</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
