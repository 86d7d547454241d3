using System.Globalization;

namespace NotebookHelpers.Integrity;

/// <summary>
/// A CloudTrail digest file as read (fields named as in the AWS guide "CloudTrail digest file structure"), with the
/// SHA-256 of its uncompressed bytes, which its signature and the next digest's <c>previousDigestHashValue</c> cover.
/// </summary>
public sealed record DigestDocument
{
    /// <summary><c>awsAccountId</c>.</summary>
    public required string AccountId { get; init; }

    /// <summary><c>digestStartTime</c>, as written.</summary>
    public required string StartTimeText { get; init; }

    /// <summary><c>digestEndTime</c>, as written (it is part of the signed string, so never reformatted).</summary>
    public required string EndTimeText { get; init; }

    /// <summary><c>digestS3Bucket</c>.</summary>
    public required string Bucket { get; init; }

    /// <summary><c>digestS3Object</c>.</summary>
    public required string Key { get; init; }

    /// <summary><c>digestPublicKeyFingerprint</c>.</summary>
    public required string PublicKeyFingerprint { get; init; }

    /// <summary><c>digestSignatureAlgorithm</c>.</summary>
    public required string SignatureAlgorithm { get; init; }

    /// <summary><c>previousDigestS3Bucket</c>; null in a starting digest.</summary>
    public string? PreviousBucket { get; init; }

    /// <summary><c>previousDigestS3Object</c>; null in a starting digest.</summary>
    public string? PreviousKey { get; init; }

    /// <summary><c>previousDigestHashValue</c>: hex SHA-256 of the previous digest's uncompressed bytes.</summary>
    public string? PreviousHashValue { get; init; }

    /// <summary><c>previousDigestSignature</c>: the previous digest's signature, hex.</summary>
    public string? PreviousSignature { get; init; }

    /// <summary><c>logFiles</c>: empty for an hour without deliveries.</summary>
    public required IReadOnlyList<DigestLogFile> LogFiles { get; init; }

    /// <summary>Lowercase hex SHA-256 of the uncompressed digest file.</summary>
    public required string Sha256Hex { get; init; }

    /// <summary><see cref="StartTimeText"/> parsed.</summary>
    public DateTimeOffset StartTime => Parse(StartTimeText);

    /// <summary><see cref="EndTimeText"/> parsed.</summary>
    public DateTimeOffset EndTime => Parse(EndTimeText);

    /// <summary>True for a starting digest: the first after log file validation was turned on (or back on).</summary>
    public bool IsStarting => PreviousKey is null;

    internal static bool TryParseTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    private static DateTimeOffset Parse(string text) => TryParseTime(text, out var t) ? t : DateTimeOffset.MinValue;
}
