using System.Text.RegularExpressions;

namespace NotebookHelpers.Aws.Credentials;

/// <summary>Checks region names (<c>us-east-1</c>, <c>us-gov-west-1</c>, <c>ap-southeast-4</c>).</summary>
public static partial class AwsRegionName
{
    /// <summary>True when <paramref name="name"/> looks like an AWS region name.</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
