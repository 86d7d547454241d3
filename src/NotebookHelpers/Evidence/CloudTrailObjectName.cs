using System.Globalization;
using System.Text.RegularExpressions;

namespace NotebookHelpers.Evidence;

/// <summary>
/// What a CloudTrail S3 object name says before the object is opened:
/// <c>111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz</c> (delivered 2015-08-01 02:10 UTC,
/// holding events from before that time) or a digest <c>..._CloudTrail-Digest_..._20150801T021512Z.json.gz</c>.
/// </summary>
/// <param name="AccountId">The account in the name.</param>
/// <param name="Region">The region in the name.</param>
/// <param name="DeliveredAt">The delivery time in the name (UTC).</param>
/// <param name="IsDigest">True for a digest file.</param>
public sealed partial record CloudTrailObjectName(string AccountId, string Region, DateTimeOffset DeliveredAt, bool IsDigest)
{
    /// <summary>Parses a file name (no folders); null when it is not a CloudTrail object name.</summary>
    public static CloudTrailObjectName? TryParse(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var m = LogName().Match(fileName);
        if (m.Success)
        {
            return Create(m, "yyyyMMdd'T'HHmm", isDigest: false);
        }

        m = DigestName().Match(fileName);
        return m.Success ? Create(m, "yyyyMMdd'T'HHmmss", isDigest: true) : null;
    }

    private static CloudTrailObjectName? Create(Match m, string format, bool isDigest) =>
        DateTimeOffset.TryParseExact(m.Groups["time"].Value, format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? new CloudTrailObjectName(m.Groups["account"].Value, m.Groups["region"].Value, time, isDigest)
            : null;

    [GeneratedRegex(@"^(?<account>\d{12})_CloudTrail_(?<region>[a-z0-9-]+)_(?<time>\d{8}T\d{4})Z_[A-Za-z0-9]+\.", RegexOptions.CultureInvariant)]
    private static partial Regex LogName();

    // Anchored at the end: the digest's S3 metadata saved beside it (NAME.json.gz.metadata.json) is not a digest.
    [GeneratedRegex(@"^(?<account>\d{12})_CloudTrail-Digest_(?<region>[a-z0-9-]+)_.*_(?<time>\d{8}T\d{6})Z(?:_backfill)?\.json(?:\.gz)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestName();
}
