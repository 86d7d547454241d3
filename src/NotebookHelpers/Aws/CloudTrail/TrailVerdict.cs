using System.Globalization;

namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>
/// Says plainly what evidence can exist given the trails found: no trail, logging stopped at a time, delivery
/// failing, reads or S3 object access not recorded, regions not covered, no CloudWatch Logs copy, no integrity
/// proof. Each sentence names what to do instead.
/// </summary>
public static class TrailVerdict
{
    /// <summary>The verdict sentences for <paramref name="trails"/> seen from <paramref name="regions"/>.</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<TrailReport> trails, IReadOnlyList<string> regions, DateTimeOffset? incidentStart = null)
    {
        ArgumentNullException.ThrowIfNull(trails);
        ArgumentNullException.ThrowIfNull(regions);
        var lines = new List<string>();
        if (trails.Count == 0)
        {
            lines.Add("No trail exists: the only record is CloudTrail Event History — management events of the last 90 days, region by region (nbh lookup). Data events such as S3 GetObject were never recorded anywhere.");
            return lines;
        }

        foreach (var report in trails)
        {
            var t = report.Trail;
            var scope = t.IsOrganizationTrail ? "organization-wide, every region" : t.IsMultiRegion ? "every region" : $"{t.HomeRegion} only";
            var destinations = new List<string>();
            if (t.S3BucketName is not null)
            {
                destinations.Add($"s3://{t.S3BucketName}/{t.S3KeyPrefix}".TrimEnd('/'));
            }

            if (t.LogGroupName is not null)
            {
                destinations.Add($"CloudWatch Logs group {t.LogGroupName} (query it with cwl:{t.LogGroupName})");
            }

            lines.Add($"Trail {t.Name} ({scope}) delivers to {string.Join(" and ", destinations)}.");
            if (report.Status is { } status)
            {
                if (!status.IsLogging)
                {
                    var when = status.StopLoggingTime is { } stop ? " at " + Format(stop) : "";
                    var during = incidentStart is { } s && status.StopLoggingTime is { } st && st >= s
                        ? " — during the incident window: look for StopLogging in Event History (nbh lookup --event-name StopLogging)"
                        : "";
                    lines.Add($"Trail {t.Name} is NOT logging: it was stopped{when}; nothing after that is in its files{during}.");
                }

                if (status.LatestDeliveryError is { } s3Error)
                {
                    lines.Add($"Trail {t.Name}: the last S3 delivery failed ({s3Error}): recent log files may be missing from the bucket.");
                }

                if (status.LatestCloudWatchLogsDeliveryError is { } cwlError)
                {
                    lines.Add($"Trail {t.Name}: the last CloudWatch Logs delivery failed ({cwlError}): the log group may lack recent events; use the S3 files.");
                }
            }

            if (report.Coverage is { } coverage)
            {
                if (!coverage.ManagementReads)
                {
                    lines.Add($"Trail {t.Name} does not record read-only management calls (Describe*, List*, Get*): reconnaissance is only in Event History (90 days).");
                }

                if (!coverage.ManagementWrites)
                {
                    lines.Add($"Trail {t.Name} does not record write management calls (Run*, Create*, Delete*): changes are only in Event History (90 days).");
                }
            }

            if (!t.LogFileValidation && t.S3BucketName is not null)
            {
                lines.Add($"Trail {t.Name} has log file validation off: tampering with its S3 files can be neither proven nor ruled out.");
            }

            foreach (var problem in report.Problems)
            {
                lines.Add($"Trail {t.Name}: {problem}");
            }
        }

        var coverages = trails.Where(r => r.Status?.IsLogging != false).Select(r => r.Coverage).OfType<EventCoverage>().ToList();
        var reads = coverages.SelectMany(c => c.S3ObjectReads).Distinct(StringComparer.Ordinal).ToList();
        if (reads.Contains("*"))
        {
            lines.Add("S3 object reads (GetObject) are recorded for every bucket: data access can be shown.");
        }
        else if (reads.Count > 0)
        {
            lines.Add($"S3 object reads (GetObject) are recorded only for {string.Join(", ", reads)}: reads of any other bucket are invisible.");
        }
        else
        {
            lines.Add("No logging trail records S3 data events: GetObject on any bucket is invisible to CloudTrail; check S3 server access logs for data access.");
        }

        var everywhere = trails.Any(r => (r.Trail.IsMultiRegion || r.Trail.IsOrganizationTrail) && r.Status?.IsLogging != false);
        if (!everywhere)
        {
            var covered = trails.Where(r => r.Status?.IsLogging != false).Select(r => r.Trail.HomeRegion).ToHashSet(StringComparer.Ordinal);
            var uncovered = regions.Where(r => !covered.Contains(r)).ToList();
            if (uncovered.Count > 0)
            {
                lines.Add($"No logging trail covers {string.Join(", ", uncovered)}: activity there (e.g. miners launched in unused regions) is only in Event History (90 days).");
            }
        }

        if (trails.All(r => r.Trail.LogGroupName is null))
        {
            lines.Add("No trail delivers to CloudWatch Logs: run Logs Insights queries over the S3 files (nbh fetch-trail, then nbh query --logs DIR) or Event History pages.");
        }

        return lines;
    }

    private static string Format(DateTimeOffset time) => Events.UtcTime.Text(time);
}
