using System.Text.Json;

namespace NotebookHelpers.Tests.SampleIncident;

/// <summary>The answer key holds in the committed data, in all three copies.</summary>
public sealed class AnswerKeyTests
{
    private static readonly SampleIncidentFiles Files = SampleIncidentFiles.Instance;
    private static readonly JsonElement Key = Files.AnswerKey;

    private static string LeakedKey => Key.GetProperty("keys")[0].GetProperty("accessKeyId").GetString()!;

    private static string BackdoorKey => Key.GetProperty("keys")[1].GetProperty("accessKeyId").GetString()!;

    private static string Production => Key.GetProperty("recording").GetProperty("eventHistory").GetProperty("account").GetString()!;

    [Fact]
    public void EveryPlantedEventIsInTheTrailWithTheStatedKeyAddressRegionAndTimeOrInCloudWatchWhenTheStoryDeletedItsObject()
    {
        var timeline = Key.GetProperty("timeline").EnumerateArray().ToList();
        Assert.True(timeline.Count > 100, "the timeline lists the attack step by step");
        Assert.NotEmpty(Files.DeletedFromTrail);
        foreach (var planted in timeline)
        {
            var id = planted.GetProperty("eventId").GetString()!;
            var json = Files.DeletedFromTrail.Contains(id) ? Files.CloudWatch[id].Json : null;
            Assert.True(json is not null || Files.Trail.ContainsKey(id), $"planted event {id} ({planted.GetProperty("meaning")}) is not in trail-s3");
            Assert.False(json is not null && Files.Trail.ContainsKey(id), $"{id} is listed as deleted from trail-s3 but is there");
            var record = SampleIncidentFiles.Parse(json ?? Files.Trail[id].Json);
            Assert.Equal(planted.GetProperty("eventName").GetString(), record.GetProperty("eventName").GetString());
            Assert.Equal(planted.GetProperty("time").GetString(), record.GetProperty("eventTime").GetString());
            Assert.Equal(planted.GetProperty("region").GetString(), record.GetProperty("awsRegion").GetString());
            Assert.Equal(planted.GetProperty("sourceIPAddress").GetString(), record.GetProperty("sourceIPAddress").GetString());
            Assert.Equal(planted.GetProperty("account").GetString(), record.GetProperty("recipientAccountId").GetString());
            var keyId = record.GetProperty("userIdentity").TryGetProperty("accessKeyId", out var k) && k.GetString() != "" ? k.GetString() : null;
            Assert.Equal(planted.GetProperty("accessKeyId").GetString(), keyId);
            var error = record.TryGetProperty("errorCode", out var e) ? e.GetString() : null;
            Assert.Equal(planted.GetProperty("errorCode").GetString(), error);
        }
    }

    [Fact]
    public void TheTimelineStartsMinutesAfterTheLeakWithTheScannersGetCallerIdentity()
    {
        var first = Key.GetProperty("timeline")[0];

        Assert.Equal("GetCallerIdentity", first.GetProperty("eventName").GetString());
        Assert.Equal(LeakedKey, first.GetProperty("accessKeyId").GetString());
        Assert.Equal("203.0.113.47", first.GetProperty("sourceIPAddress").GetString());
        var gap = DateTimeOffset.Parse(first.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse(Key.GetProperty("leakPushedToPublicRepository").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(gap, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void TheCloudWatchExportHoldsEveryTrailRecordByteForByteAndTheRecordsTheStoryDeletedFromTheTrail()
    {
        Assert.Equal(Files.Trail.Count + Files.DeletedFromTrail.Count, Files.CloudWatch.Count);
        Assert.All(Files.DeletedFromTrail, id => Assert.Contains(id, Files.CloudWatch.Keys));
        foreach (var (id, trail) in Files.Trail)
        {
            Assert.True(Files.CloudWatch.TryGetValue(id, out var line), $"{id} is in trail-s3 but not in the CloudWatch Logs export");
            Assert.Equal(trail.Json, line.Json);
        }
    }

    [Fact]
    public void EventHistoryHoldsExactlyTheLeakedKeysManagementEventsInItsOwnAccount()
    {
        var expected = Files.Trail
            .Select(t => (Id: t.Key, Record: SampleIncidentFiles.Parse(t.Value.Json)))
            .Where(t => t.Record.GetProperty("managementEvent").GetBoolean()
                && t.Record.GetProperty("recipientAccountId").GetString() == Production
                && t.Record.GetProperty("userIdentity").TryGetProperty("accessKeyId", out var k) && k.GetString() == LeakedKey)
            .ToDictionary(t => t.Id, t => t.Record);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), Files.EventHistory.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, (entry, region)) in Files.EventHistory)
        {
            Assert.Equal(Files.Trail[id].Json, entry.GetProperty("CloudTrailEvent").GetString());
            Assert.Equal(expected[id].GetProperty("awsRegion").GetString(), region);
            Assert.Equal(LeakedKey, entry.GetProperty("AccessKeyId").GetString());
        }
    }

    [Fact]
    public void EventHistoryHoldsNoDataEvents()
    {
        Assert.All(Files.EventHistory.Values, e =>
            Assert.Equal("Management", SampleIncidentFiles.Parse(e.Entry.GetProperty("CloudTrailEvent").GetString()!).GetProperty("eventCategory").GetString()));
        Assert.DoesNotContain(Files.EventHistory.Values, e => e.Entry.GetProperty("EventName").GetString() is "GetObject" or "PutObject" or "ListObjects");
    }

    [Fact]
    public void EventHistoryPagesAreNewestFirstWithAtMostFiftyEventsAndATokenOnAllButTheLast()
    {
        foreach (var region in Files.EventHistoryPages.GroupBy(p => p.Region))
        {
            var pages = region.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
            var times = new List<double>();
            for (var i = 0; i < pages.Count; i++)
            {
                var events = pages[i].Page.GetProperty("Events");
                Assert.InRange(events.GetArrayLength(), 1, 50);
                Assert.Equal(i < pages.Count - 1, pages[i].Page.TryGetProperty("NextToken", out _));
                times.AddRange(events.EnumerateArray().Select(e => e.GetProperty("EventTime").GetDouble()));
            }

            Assert.Equal(times.OrderDescending(), times);
        }
    }

    [Fact]
    public void TheExfiltrationBurstHasTheStatedObjectCountKeyAndAddress()
    {
        var exfil = Key.GetProperty("s3Exfiltration");
        var prefix = exfil.GetProperty("prefix").GetString()!;
        var gets = Files.Trail.Values.Select(t => SampleIncidentFiles.Parse(t.Json))
            .Where(r => r.GetProperty("eventName").GetString() == "GetObject"
                && r.GetProperty("userIdentity").GetProperty("accessKeyId").GetString() == exfil.GetProperty("accessKeyId").GetString())
            .ToList();

        Assert.Equal(exfil.GetProperty("getObjectCount").GetInt32(), gets.Count);
        Assert.All(gets, r =>
        {
            Assert.Equal(exfil.GetProperty("sourceIPAddress").GetString(), r.GetProperty("sourceIPAddress").GetString());
            Assert.Equal("Data", r.GetProperty("eventCategory").GetString());
            Assert.StartsWith(prefix, r.GetProperty("requestParameters").GetProperty("key").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(exfil.GetProperty("bytesTransferredOut").GetInt64(),
            gets.Sum(r => r.GetProperty("additionalEventData").GetProperty("bytesTransferredOut").GetInt64()));
        // Every object the attacker downloaded was written by the nightly export (or before the recording started).
        var written = Files.Trail.Values.Select(t => SampleIncidentFiles.Parse(t.Json))
            .Where(r => r.GetProperty("eventName").GetString() == "PutObject")
            .Select(r => r.GetProperty("requestParameters").GetProperty("key").GetString())
            .ToHashSet();
        Assert.All(gets.Where(r => string.CompareOrdinal(r.GetProperty("requestParameters").GetProperty("key").GetString(), prefix + "07/") >= 0),
            r => Assert.Contains(r.GetProperty("requestParameters").GetProperty("key").GetString(), written));
    }

    [Fact]
    public void EveryLaunchAttemptIsRecordedWithItsOutcomeAndInstances()
    {
        var launches = Key.GetProperty("runInstances").EnumerateArray().ToList();

        Assert.Equal(17, launches.Select(l => l.GetProperty("region").GetString()).Distinct().Count());
        Assert.Equal(4, launches.Count(l => l.GetProperty("outcome").GetString() == "launched"));
        Assert.Equal(11, launches.Count(l => l.GetProperty("errorCode").GetString() == "Client.UnauthorizedOperation"));
        Assert.Contains(launches, l => l.GetProperty("errorCode").GetString() == "Client.VcpuLimitExceeded");
        foreach (var launch in launches)
        {
            var record = SampleIncidentFiles.Parse(Files.Trail[launch.GetProperty("eventId").GetString()!].Json);
            Assert.Equal("RunInstances", record.GetProperty("eventName").GetString());
            Assert.Equal(launch.GetProperty("instanceType").GetString(), record.GetProperty("requestParameters").GetProperty("instanceType").GetString());
            var ids = launch.GetProperty("instanceIds").EnumerateArray().Select(i => i.GetString()).ToList();
            if (ids.Count > 0)
            {
                var launched = record.GetProperty("responseElements").GetProperty("instancesSet").GetProperty("items").EnumerateArray()
                    .Select(i => i.GetProperty("instanceId").GetString()).ToList();
                Assert.Equal(ids, launched);
            }
        }

        Assert.Contains(Key.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("errorCode").GetString() == "Client.DryRunOperation");
    }

    [Fact]
    public void StopLoggingAndDeleteTrailWereDeniedSoThereIsNoLoggingGap()
    {
        var tampering = Key.GetProperty("timeline").EnumerateArray()
            .Where(t => t.GetProperty("eventName").GetString() is "StopLogging" or "DeleteTrail").ToList();

        Assert.Equal(2, tampering.Count);
        Assert.All(tampering, t => Assert.Equal("AccessDenied", t.GetProperty("errorCode").GetString()));
        Assert.False(Key.GetProperty("recording").GetProperty("trail").GetProperty("loggingGap").GetBoolean());
        // Activity continues in production right after the attempts: every hour of the incident day has records.
        var hours = Files.Trail.Values.Select(t => SampleIncidentFiles.Parse(t.Json))
            .Where(r => r.GetProperty("recipientAccountId").GetString() == Production && r.GetProperty("eventTime").GetString()!.StartsWith("2025-03-11", StringComparison.Ordinal))
            .Select(r => r.GetProperty("eventTime").GetString()![11..13]).ToHashSet();
        Assert.Equal(24, hours.Count);
    }

    [Fact]
    public void TheAssumeRoleIntoAnalyticsIsRecordedInBothAccountsWithOneSharedEventIdAndTheTrailKeepsTheAnalyticsCopy()
    {
        var session = Key.GetProperty("keys")[2].GetProperty("accessKeyId").GetString();
        bool IsTheCall(JsonElement r) => r.GetProperty("eventName").GetString() == "AssumeRole" && r.GetProperty("responseElements").ValueKind == JsonValueKind.Object
            && r.GetProperty("responseElements").GetProperty("credentials").GetProperty("accessKeyId").GetString() == session;
        var copies = Files.CloudWatch.Values.Select(t => SampleIncidentFiles.Parse(t.Json)).Where(IsTheCall).ToList();
        // The story deleted the production copy's log object from the trail bucket; the analytics copy remains there.
        var inTrail = Assert.Single(Files.Trail.Values.Select(t => SampleIncidentFiles.Parse(t.Json)), IsTheCall);
        Assert.Equal("562048731905", inTrail.GetProperty("recipientAccountId").GetString());

        Assert.Equal(2, copies.Count);
        Assert.Equal(copies[0].GetProperty("sharedEventID").GetString(), copies[1].GetProperty("sharedEventID").GetString());
        Assert.NotEqual(copies[0].GetProperty("recipientAccountId").GetString(), copies[1].GetProperty("recipientAccountId").GetString());
        var used = Files.Trail.Values.Select(t => SampleIncidentFiles.Parse(t.Json))
            .Where(r => r.GetProperty("userIdentity").TryGetProperty("accessKeyId", out var k) && k.GetString() == session).ToList();
        Assert.NotEmpty(used);
        Assert.All(used, r => Assert.Equal("203.0.113.199", r.GetProperty("sourceIPAddress").GetString()));
    }

    [Fact]
    public void OnlyTheStoryCreatesUsersOrKeysOrAttachesPolicies()
    {
        var planted = Key.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("eventId").GetString()).ToHashSet();
        var sensitive = Files.Trail.Where(t =>
        {
            var name = SampleIncidentFiles.Parse(t.Value.Json).GetProperty("eventName").GetString();
            return name is "CreateUser" or "CreateAccessKey" or "CreateLoginProfile" or "AttachUserPolicy" or "AttachRolePolicy"
                or "PutUserPolicy" or "PutRolePolicy" or "UpdateAccessKey" or "StopLogging" or "DeleteTrail";
        }).Select(t => t.Key).ToList();

        Assert.NotEmpty(sensitive);
        Assert.All(sensitive, id => Assert.Contains(id, planted));
    }

    [Fact]
    public void TheBackgroundStaysInTheRegionsInUse()
    {
        var inUse = Key.GetProperty("recording").GetProperty("regionsInUse").EnumerateArray().Select(r => r.GetString()).ToHashSet();
        var outside = Files.Trail.Values.Select(t => SampleIncidentFiles.Parse(t.Json))
            .Where(r => !inUse.Contains(r.GetProperty("awsRegion").GetString())).ToList();

        Assert.NotEmpty(outside);
        Assert.All(outside, r => Assert.Contains(r.GetProperty("userIdentity").GetProperty("accessKeyId").GetString(), new[] { LeakedKey, BackdoorKey }));
    }

    [Fact]
    public void TheAnswerKeyCountsMatchTheFiles()
    {
        var counts = Key.GetProperty("counts");

        Assert.Equal(counts.GetProperty("events").GetInt64() - counts.GetProperty("trailRecordsDeleted").GetInt64(), Files.Trail.Count);
        Assert.Equal(counts.GetProperty("trailRecordsDeleted").GetInt64(), Files.DeletedFromTrail.Count);
        Assert.Equal(counts.GetProperty("cloudWatchEvents").GetInt64(), Files.CloudWatch.Count);
        Assert.Equal(counts.GetProperty("eventHistoryEvents").GetInt32(), Files.EventHistory.Count);
        Assert.Equal(counts.GetProperty("trailObjects").GetInt32(), Files.TrailObjects.Count);
        Assert.Equal(counts.GetProperty("digestFiles").GetInt32(), Files.DigestObjects.Count);
        Assert.Equal(counts.GetProperty("dataEvents").GetInt64(),
            Files.CloudWatch.Values.Count(t => SampleIncidentFiles.Parse(t.Json).GetProperty("eventCategory").GetString() == "Data"));
    }

    [Fact]
    public void TheReadmeStatesTheAnswerKey()
    {
        var readme = File.ReadAllText(Path.Combine(Support.RepositoryPaths.DataSamples, "README.md"));
        var facts = Key.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("accessKeyId").GetString()!)
            .Concat(Key.GetProperty("attackerIps").EnumerateArray().Select(a => a.GetProperty("ip").GetString()!))
            .Concat(Key.GetProperty("endState").GetProperty("runningInstances").EnumerateArray().Select(i => i.GetProperty("instanceType").GetString()!))
            .Append(Key.GetProperty("s3Exfiltration").GetProperty("getObjectCount").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(Key.GetProperty("s3Exfiltration").GetProperty("bytesTransferredOut").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture))
            .Append(Key.GetProperty("counts").GetProperty("events").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture))
            .Append(Key.GetProperty("counts").GetProperty("trailObjects").GetInt32().ToString("N0", System.Globalization.CultureInfo.InvariantCulture))
            .Append("dotnet run --project src/NotebookHelpers.Cli -- sample-incident --out data-samples/sample-incident");

        Assert.All(facts, fact => Assert.Contains(fact, readme, StringComparison.Ordinal));
    }
}
