using System.Globalization;

namespace NotebookHelpers.SampleIncident.Records;

/// <summary>The time formats AWS uses in the places the sample writes times.</summary>
internal static class Timestamps
{
    /// <summary><c>2025-03-11T09:16:05Z</c>: eventTime, creationDate.</summary>
    public static string Iso(DateTimeOffset t) => string.Create(20, t.UtcDateTime, static (span, d) => WriteIso(span, d));

    /// <summary><c>2025-03-11T09:16:05.000Z</c>: the line prefix of a CloudWatch Logs export.</summary>
    public static string IsoMilliseconds(DateTimeOffset t) => string.Create(24, t.UtcDateTime, static (span, d) =>
    {
        WriteIso(span, d);
        span[19] = '.';
        span[20] = (char)('0' + (d.Millisecond / 100));
        span[21] = (char)('0' + (d.Millisecond / 10 % 10));
        span[22] = (char)('0' + (d.Millisecond % 10));
        span[23] = 'Z';
    });

    // Formatting millions of timestamps with a custom format string dominates generation time; this does not.
    private static void WriteIso(Span<char> span, DateTime d)
    {
        var year = d.Year;
        span[0] = (char)('0' + (year / 1000));
        span[1] = (char)('0' + (year / 100 % 10));
        span[2] = (char)('0' + (year / 10 % 10));
        span[3] = (char)('0' + (year % 10));
        span[4] = '-';
        Two(span[5..], d.Month);
        span[7] = '-';
        Two(span[8..], d.Day);
        span[10] = 'T';
        Two(span[11..], d.Hour);
        span[13] = ':';
        Two(span[14..], d.Minute);
        span[16] = ':';
        Two(span[17..], d.Second);
        span[19] = 'Z';
    }

    private static void Two(Span<char> span, int value)
    {
        span[0] = (char)('0' + (value / 10));
        span[1] = (char)('0' + (value % 10));
    }

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
