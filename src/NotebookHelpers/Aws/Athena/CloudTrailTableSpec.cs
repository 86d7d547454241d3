using System.Globalization;
using System.Text.RegularExpressions;
using NotebookHelpers.Aws.Credentials;

namespace NotebookHelpers.Aws.Athena;

/// <summary>
/// Where a trail's log files are and how its Athena table is named and partitioned: the bucket and key prefix, the
/// organization id of an organization trail, the accounts and regions to project, the Glue database and table, and the
/// first day of the date partitions. Every value ends up inside SQL string literals and identifiers, so each is
/// checked against AWS's own naming rules; anything else is refused with a message naming it.
/// </summary>
public sealed partial record CloudTrailTableSpec
{
    /// <summary>The trail's bucket.</summary>
    public required string Bucket { get; init; }

    /// <summary>The trail's key prefix (before <c>AWSLogs/</c>), without leading or trailing slash; empty when none.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>The organization id (<c>o-…</c>) of an organization trail; null for an account's own trail.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The accounts to project; empty to make the account partition <c>injected</c> (every query names its accounts).</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>The regions to project; empty for every commercial region (<see cref="AwsRegionName.Commercial"/>).</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>The Glue database.</summary>
    public string Database { get; init; } = "default";

    /// <summary>The table.</summary>
    public string Table { get; init; } = "cloudtrail_logs";

    /// <summary>The first day of the date partitions (default: November 2013, when CloudTrail began delivering logs).</summary>
    public DateOnly ProjectionStart { get; init; } = new(2013, 11, 1);

    /// <summary>The regions projected: those given, else every commercial region.</summary>
    public IReadOnlyList<string> ProjectedRegions => Regions.Count > 0 ? Regions : AwsRegionName.Commercial;

    /// <summary>The folder that holds every account's <c>CloudTrail/</c> folder: <c>s3://B/P/AWSLogs/[o-…/]</c>.</summary>
    public string Location =>
        $"s3://{Bucket}/{(Prefix.Length == 0 ? "" : Prefix + "/")}AWSLogs/{(OrganizationId is null ? "" : OrganizationId + "/")}";

    /// <summary>Where one partition's files are, as partition projection expands it.</summary>
    public string LocationTemplate => Location + "${account}/CloudTrail/${region}/${timestamp}";

    /// <summary>Checks every value; returns this spec, or throws naming the first bad value.</summary>
    /// <exception cref="ArgumentException">A value breaks AWS's naming rules.</exception>
    public CloudTrailTableSpec Validate()
    {
        Require(BucketName().IsMatch(Bucket), $"'{Bucket}' is not an S3 bucket name (3-63 lowercase letters, digits, dots and hyphens)");
        Require(Prefix.Length == 0 || (PrefixText().IsMatch(Prefix) && !Prefix.StartsWith('/') && !Prefix.EndsWith('/')),
            $"'{Prefix}' is not a trail key prefix (letters, digits and !-_.*()/ without a leading or trailing slash)");
        Require(OrganizationId is null || OrganizationIdText().IsMatch(OrganizationId), $"'{OrganizationId}' is not an organization id (o- and 10 to 32 lowercase letters or digits)");
        foreach (var account in Accounts)
        {
            Require(AccountId().IsMatch(account), $"'{account}' is not an account id (12 digits)");
        }

        foreach (var region in Regions)
        {
            Require(AwsRegionName.IsValid(region), $"'{region}' is not a region name");
        }

        Require(GlueName().IsMatch(Database), $"'{Database}' is not a Glue database name (lowercase letters, digits and underscores)");
        Require(GlueName().IsMatch(Table), $"'{Table}' is not a Glue table name (lowercase letters, digits and underscores)");
        return this;
    }

    /// <summary>The projection range's first day as partition projection writes it.</summary>
    public string ProjectionStartText => ProjectionStart.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message + ".");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketName();

    [GeneratedRegex(@"^[A-Za-z0-9!_.*()/-]{1,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixText();

    [GeneratedRegex("^o-[a-z0-9]{10,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex OrganizationIdText();

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountId();

    [GeneratedRegex("^[a-z0-9_]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex GlueName();
}
