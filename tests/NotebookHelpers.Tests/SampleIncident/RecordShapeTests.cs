using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NotebookHelpers.Tests.SampleIncident;

/// <summary>The files look like what AWS delivers: object names, delivery windows, digests, streams, record fields.</summary>
public sealed partial class RecordShapeTests
{
    private static readonly SampleIncidentFiles Files = SampleIncidentFiles.Instance;

    [GeneratedRegex(@"/AWSLogs/(o-[a-z0-9]{10})/(\d{12})/CloudTrail/([a-z]{2}-[a-z]+-\d)/(\d{4})/(\d{2})/(\d{2})/(\d{12})_CloudTrail_([a-z]{2}-[a-z]+-\d)_(\d{8}T\d{4}Z)_[A-Za-z0-9]{16}\.json\.gz$")]
    private static partial Regex ObjectName();

    [Fact]
    public void ObjectNamesFollowTheOrganizationTrailLayoutAndMatchTheirRecords()
    {
        foreach (var path in Files.TrailObjects)
        {
            var m = ObjectName().Match(path.Replace('\\', '/'));
            Assert.True(m.Success, $"{path} is not named like a CloudTrail object of an organization trail");
            Assert.Equal(m.Groups[2].Value, m.Groups[7].Value);
            Assert.Equal(m.Groups[3].Value, m.Groups[8].Value);
            var stamp = DateTimeOffset.ParseExact(m.Groups[9].Value, "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            Assert.Equal($"{m.Groups[4].Value}{m.Groups[5].Value}{m.Groups[6].Value}", stamp.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            using var doc = JsonDocument.Parse(SampleIncidentFiles.Gunzip(path));
            foreach (var record in doc.RootElement.GetProperty("Records").EnumerateArray())
            {
                Assert.Equal(m.Groups[2].Value, record.GetProperty("recipientAccountId").GetString());
                Assert.Equal(m.Groups[3].Value, record.GetProperty("awsRegion").GetString());
                var time = record.GetProperty("eventTime").GetDateTimeOffset();
                Assert.InRange(stamp - time, TimeSpan.Zero, TimeSpan.FromMinutes(10));
            }
        }
    }

    [Fact]
    public void SomeObjectsHoldRecordsOutOfTimeOrderAsAwsDelivers()
    {
        var unsorted = Files.TrailObjects.Count(path =>
        {
            using var doc = JsonDocument.Parse(SampleIncidentFiles.Gunzip(path));
            var times = doc.RootElement.GetProperty("Records").EnumerateArray().Select(r => r.GetProperty("eventTime").GetString()).ToList();
            return !times.SequenceEqual(times.Order(StringComparer.Ordinal));
        });

        Assert.InRange(unsorted, 10, Files.TrailObjects.Count - 10);
    }

    [Fact]
    public void DigestFilesListTheirLogObjectsWithTheSha256OfTheUncompressedContent()
    {
        Assert.NotEmpty(Files.DigestObjects);
        var trailRoot = Path.Combine(Files.Root, "trail-s3");
        string? previous = null;
        foreach (var path in Files.DigestObjects.Where(p => p.Contains("us-east-1_org-trail", StringComparison.Ordinal)))
        {
            var content = SampleIncidentFiles.Gunzip(path);
            var digest = SampleIncidentFiles.Parse(content);
            Assert.Equal("SHA256withRSA", digest.GetProperty("digestSignatureAlgorithm").GetString());
            Assert.EndsWith(digest.GetProperty("digestS3Object").GetString()!, path.Replace('\\', '/'), StringComparison.Ordinal);
            foreach (var log in digest.GetProperty("logFiles").EnumerateArray())
            {
                var logPath = Path.Combine(trailRoot, log.GetProperty("s3Object").GetString()!);
                if (Files.DeletedObjects.Contains(log.GetProperty("s3Object").GetString()!))
                {
                    // The story's tampering: the digest still lists the object the attacker deleted.
                    Assert.False(File.Exists(logPath));
                    continue;
                }

                Assert.True(File.Exists(logPath), $"{path} lists {logPath}, which does not exist");
                var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SampleIncidentFiles.Gunzip(logPath))));
                Assert.Equal(hash, log.GetProperty("hashValue").GetString());
            }

            if (previous is not null)
            {
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previous))), digest.GetProperty("previousDigestHashValue").GetString());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, digest.GetProperty("previousDigestS3Object").ValueKind);
            }

            previous = content;
        }
    }

    [Fact]
    public void CloudWatchStreamsAreNamedForTheOrganizationTrailAndSortedByTime()
    {
        Assert.Equal(4, Files.CloudWatchStreams.Count);
        foreach (var (stream, stamps) in Files.CloudWatchStreams)
        {
            Assert.Matches(@"^o-[a-z0-9]{10}_\d{12}_CloudTrail_us-east-1$", stream);
            Assert.Equal(stamps.Order(StringComparer.Ordinal), stamps);
        }

        Assert.All(Files.CloudWatch.Values, line =>
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$", line.Timestamp);
            Assert.Contains($"\"eventTime\":\"{line.Timestamp[..19]}Z\"", line.Json, StringComparison.Ordinal);
            Assert.True(Encoding.UTF8.GetByteCount(line.Json) <= 256 * 1024);
        });
        Assert.True(File.Exists(Path.Combine(Files.Root, "cloudwatch-logs", "aws-logs-write-test")));
    }

    [Fact]
    public void RecordsCarryTheFieldsAwsWrites()
    {
        var versions = new HashSet<string>();
        foreach (var (id, (json, _)) in Files.Trail)
        {
            var r = SampleIncidentFiles.Parse(json);
            versions.Add(r.GetProperty("eventVersion").GetString()!);
            foreach (var field in new[] { "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "userAgent", "requestParameters", "responseElements", "readOnly", "eventType", "managementEvent", "recipientAccountId", "eventCategory" })
            {
                Assert.True(r.TryGetProperty(field, out _), $"{id} lacks {field}");
            }

            var data = r.GetProperty("eventCategory").GetString() == "Data";
            Assert.Equal(!data, r.GetProperty("managementEvent").GetBoolean());
            var type = r.GetProperty("userIdentity").GetProperty("type").GetString();
            Assert.Contains(type, new[] { "IAMUser", "AssumedRole", "AWSService", "WebIdentityUser" });
            if (type == "AWSService")
            {
                Assert.False(r.TryGetProperty("tlsDetails", out _), $"{id}: AWS services calling each other have no tlsDetails");
                Assert.EndsWith(".amazonaws.com", r.GetProperty("sourceIPAddress").GetString(), StringComparison.Ordinal);
            }

            if (r.GetProperty("eventType").GetString() != "AwsConsoleSignIn")
            {
                Assert.True(r.TryGetProperty("requestID", out _), $"{id} lacks requestID");
            }
        }

        Assert.Subset(new HashSet<string> { "1.08", "1.09", "1.10", "1.11" }, versions);
    }

    [Fact]
    public void AddressesAreDocumentationRangesOrAwsServiceNames()
    {
        Assert.All(Files.Trail.Values, t =>
        {
            var ip = SampleIncidentFiles.Parse(t.Json).GetProperty("sourceIPAddress").GetString()!;
            Assert.True(ip.StartsWith("192.0.2.", StringComparison.Ordinal) || ip.StartsWith("198.51.100.", StringComparison.Ordinal)
                || ip.StartsWith("203.0.113.", StringComparison.Ordinal) || ip.StartsWith("10.", StringComparison.Ordinal)
                || ip == "AWS Internal" || ip.EndsWith(".amazonaws.com", StringComparison.Ordinal), $"{ip} is not a documentation, private or AWS service address");
        });
    }
}
