using System.Globalization;
using System.Text.RegularExpressions;

namespace NotebookHelpers.Integrity;

/// <summary>
/// What the S3 key of a trail object says, for log files
/// (<c>[prefix/]AWSLogs/[o-ID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_ID.json.gz</c>)
/// and digest files
/// (<c>[prefix/]AWSLogs/[o-ID/]ACCOUNT/CloudTrail-Digest/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOMEREGION_YYYYMMDDTHHMMSSZ[_backfill].json.gz</c>),
/// as the AWS guide "CloudTrail digest file structure" lays them out. <see cref="Tail"/>, the part from
/// <c>AWSLogs/</c> on, is how a local copy is matched to the keys a digest names, whatever folder it was saved in.
/// </summary>
/// <param name="Tail">The key from <c>AWSLogs/</c> on.</param>
/// <param name="OrganizationId">The organization id of an organization trail, or null.</param>
/// <param name="AccountId">The account the object belongs to.</param>
/// <param name="Region">The region the object was delivered for.</param>
/// <param name="Time">A log file's delivery minute, or a digest's end time (UTC).</param>
/// <param name="IsDigest">True for a digest file.</param>
/// <param name="TrailName">A digest's trail name, else null.</param>
/// <param name="HomeRegion">A digest's trail home region, else null.</param>
/// <param name="IsBackfill">True for a backfill digest (<c>_backfill</c>).</param>
public sealed partial record TrailObjectKey(
    string Tail,
    string? OrganizationId,
    string AccountId,
    string Region,
    DateTimeOffset Time,
    bool IsDigest,
    string? TrailName,
    string? HomeRegion,
    bool IsBackfill)
{
    /// <summary>The chain a digest belongs to: account, region, trail and home region.</summary>
    public string ChainId => $"{AccountId}/{Region}/{TrailName}/{HomeRegion}";

    /// <summary>Parses a key or a relative path (<c>/</c> or <c>\</c> separated); null when it is not a trail object.</summary>
    public static TrailObjectKey? TryParse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var normalized = key.Replace('\\', '/');
        var at = normalized.LastIndexOf("AWSLogs/", StringComparison.Ordinal);
        if (at < 0 || (at > 0 && normalized[at - 1] != '/'))
        {
            return null;
        }

        var tail = normalized[at..];
        var m = Digest().Match(tail);
        if (m.Success)
        {
            return Create(m, tail, "yyyyMMdd'T'HHmmss'Z'", isDigest: true);
        }

        m = Log().Match(tail);
        return m.Success ? Create(m, tail, "yyyyMMdd'T'HHmm'Z'", isDigest: false) : null;
    }

    private static TrailObjectKey? Create(Match m, string tail, string format, bool isDigest)
    {
        if (!DateTimeOffset.TryParseExact(m.Groups["time"].Value, format, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return null;
        }

        return new TrailObjectKey(
            tail,
            m.Groups["org"].Success ? m.Groups["org"].Value : null,
            m.Groups["account"].Value,
            m.Groups["region"].Value,
            time,
            isDigest,
            isDigest ? m.Groups["trail"].Value : null,
            isDigest ? m.Groups["home"].Value : null,
            m.Groups["backfill"].Success);
    }

    [GeneratedRegex(@"^AWSLogs/(?:(?<org>o-[a-z0-9]+)/)?(?<account>\d{12})/CloudTrail-Digest/(?<region>[a-z0-9-]+)/\d{4}/\d{2}/\d{2}/\k<account>_CloudTrail-Digest_\k<region>_(?<trail>.+)_(?<home>[a-z]{2}(?:-[a-z]+)+-\d+)_(?<time>\d{8}T\d{6}Z)(?<backfill>_backfill)?\.json(?:\.gz)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Digest();

    [GeneratedRegex(@"^AWSLogs/(?:(?<org>o-[a-z0-9]+)/)?(?<account>\d{12})/CloudTrail/(?<region>[a-z0-9-]+)/\d{4}/\d{2}/\d{2}/\k<account>_CloudTrail_\k<region>_(?<time>\d{8}T\d{4}Z)_[A-Za-z0-9]+\.json(?:\.gz)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Log();
}
