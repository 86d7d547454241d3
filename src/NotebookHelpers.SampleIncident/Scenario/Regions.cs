namespace NotebookHelpers.SampleIncident.Scenario;

/// <summary>Regions: the two the organization uses, and the rest, which only the attacker touches.</summary>
internal static class Regions
{
    public const string UsEast1 = "us-east-1";
    public const string EuWest1 = "eu-west-1";

    /// <summary>Where Northwind works. Every background event is in one of these two.</summary>
    public static readonly IReadOnlyList<string> InUse = [UsEast1, EuWest1];

    /// <summary>Regions enabled by default, in the order the attacker's script walks them.</summary>
    public static readonly IReadOnlyList<string> DefaultEnabled =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1",
        "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1",
        "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
    ];

    /// <summary>
    /// Regions the organization's service control policy allows. Calls anywhere else fail with an explicit deny,
    /// which is why most of the attacker's launches fail with Client.UnauthorizedOperation.
    /// </summary>
    public static readonly IReadOnlyList<string> AllowedByScp =
        ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "eu-north-1"];

    public static bool IsAllowedByScp(string region) => AllowedByScp.Contains(region);
}
