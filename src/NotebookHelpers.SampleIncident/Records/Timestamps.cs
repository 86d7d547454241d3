using System.Globalization;

namespace NotebookHelpers.SampleIncident.Records;

/// <summary>The time formats AWS uses in the places the sample writes times.</summary>
internal static class Timestamps
{
    /// <summary><c>2025-03-11T09:16:05Z</c>: eventTime, creationDate.</summary>
    public static string Iso(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>2025-03-11T09:16:05.000Z</c>: the line prefix of a CloudWatch Logs export.</summary>
    public static string IsoMilliseconds(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>Mar 11, 2025 9:52:14 AM</c>: how IAM writes createDate in responseElements.</summary>
    public static string IamDate(DateTimeOffset t) =>
        t.UtcDateTime.ToString("MMM d, yyyy h:mm:ss tt", CultureInfo.InvariantCulture);

    /// <summary><c>Mar 11, 2025, 10:52:40 AM</c>: how STS writes credentials.expiration.</summary>
    public static string StsDate(DateTimeOffset t) =>
        t.UtcDateTime.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture);

    /// <summary><c>20250311T0935Z</c>: the time in a CloudTrail log file name.</summary>
    public static string FileStamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>2025-03-11T09:16:05+00:00</c>: EventTime as the AWS CLI prints a LookupEvents response.</summary>
    public static string CliEventTime(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds since the epoch, as EC2 writes launchTime.</summary>
    public static long EpochMilliseconds(DateTimeOffset t) => t.ToUnixTimeMilliseconds();
}
