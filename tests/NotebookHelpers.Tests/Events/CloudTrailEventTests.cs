using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Events;

public class CloudTrailEventTests
{
    private const string AssumedRoleRecord = """
        {"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:alice","arn":"arn:aws:sts::123456789012:assumed-role/Admin/alice",
        "accountId":"123456789012","accessKeyId":"ASIAEXAMPLE","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLE",
        "arn":"arn:aws:iam::123456789012:role/Admin","accountId":"123456789012","userName":"Admin"},"webIdFederationData":{},
        "attributes":{"creationDate":"2024-03-01T10:00:00Z","mfaAuthenticated":"true"}}},
        "eventTime":"2024-03-01T10:15:30Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","awsRegion":"eu-west-1",
        "sourceIPAddress":"203.0.113.7","userAgent":"aws-cli/2.15.0","errorCode":"Client.UnauthorizedOperation","errorMessage":"You are not authorized",
        "requestParameters":{"instancesSet":{"items":[{"imageId":"ami-1","minCount":1}]},"instanceType":"p3.16xlarge"},
        "responseElements":null,"requestID":"req-1","eventID":"ev-1","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,
        "recipientAccountId":"123456789012","eventCategory":"Management","resources":[{"ARN":"arn:aws:ec2:eu-west-1::image/ami-1","type":"AWS::EC2::Image"}],
        "tlsDetails":{"tlsVersion":"TLSv1.3"},"s3.bucket.name":"odd-dotted-key"}
        """;

    [Fact]
    public void ReadsTypedCommonFields()
    {
        var ev = CloudTrailEvent.Parse(AssumedRoleRecord);

        Assert.Equal("1.08", ev.EventVersion);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 15, 30, TimeSpan.Zero), ev.EventTime);
        Assert.Equal(TimeSpan.Zero, ev.EventTime.Offset);
        Assert.Equal("ec2.amazonaws.com", ev.EventSource);
        Assert.Equal("RunInstances", ev.EventName);
        Assert.Equal("eu-west-1", ev.AwsRegion);
        Assert.Equal("203.0.113.7", ev.SourceIPAddress);
        Assert.Equal("aws-cli/2.15.0", ev.UserAgent);
        Assert.Equal("Client.UnauthorizedOperation", ev.ErrorCode);
        Assert.Equal("You are not authorized", ev.ErrorMessage);
        Assert.False(ev.ReadOnly);
        Assert.True(ev.ManagementEvent);
        Assert.Equal("AwsApiCall", ev.EventType);
        Assert.Equal("123456789012", ev.RecipientAccountId);
        Assert.Equal("ev-1", ev.EventID);
        Assert.Equal("req-1", ev.RequestID);
        Assert.Null(ev.SharedEventID);
        Assert.Equal("Management", ev.EventCategory);
    }

    [Fact]
    public void ReadsUserIdentityWithSessionIssuerAndStringMfaFlag()
    {
        var identity = CloudTrailEvent.Parse(AssumedRoleRecord).UserIdentity!;

        Assert.Equal("AssumedRole", identity.Type);
        Assert.Equal("ASIAEXAMPLE", identity.AccessKeyId);
        Assert.Equal("123456789012", identity.AccountId);
        Assert.True(identity.SessionContext!.MfaAuthenticated);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), identity.SessionContext.CreationDate);
        Assert.Equal("Admin", identity.SessionContext.SessionIssuer!.UserName);
        Assert.Equal("Role", identity.SessionContext.SessionIssuer.Type);
        Assert.Equal("Admin/alice", identity.DisplayName);
    }

    [Theory]
    [InlineData("userIdentity.sessionContext.sessionIssuer.userName", "Admin")]
    [InlineData("resources.0.ARN", "arn:aws:ec2:eu-west-1::image/ami-1")]
    [InlineData("requestParameters.instancesSet.items.0.imageId", "ami-1")]
    [InlineData("requestParameters.instancesSet.items.0.minCount", "1")]
    [InlineData("readOnly", "false")]
    [InlineData("tlsDetails", "{\"tlsVersion\":\"TLSv1.3\"}")]
    [InlineData("s3.bucket.name", "odd-dotted-key")]
    public void ResolvesFlattenedFieldPaths(string path, string expected)
    {
        Assert.Equal(expected, CloudTrailEvent.Parse(AssumedRoleRecord).GetString(path));
    }

    [Theory]
    [InlineData("responseElements")]
    [InlineData("resources.1.ARN")]
    [InlineData("requestParameters.nope")]
    [InlineData("userIdentity.arn.x")]
    public void MissingOrNullPathsGiveNull(string path)
    {
        Assert.Null(CloudTrailEvent.Parse(AssumedRoleRecord).GetString(path));
    }

    [Fact]
    public void FieldAccessReturnsJsonElementOfTheRightKind()
    {
        var ev = CloudTrailEvent.Parse(AssumedRoleRecord);

        Assert.Equal(JsonValueKind.Array, ev.GetField("resources")!.Value.ValueKind);
        Assert.Equal(JsonValueKind.Null, ev.GetField("responseElements")!.Value.ValueKind);
        Assert.Null(ev.GetField("noSuchField"));
    }

    [Fact]
    public void KeepsTheOriginalBytesAndOwnsThem()
    {
        var bytes = Encoding.UTF8.GetBytes("  " + AssumedRoleRecord + "  ");
        var slice = bytes.AsMemory(2, bytes.Length - 4);
        var ev = CloudTrailEvent.FromRecord(new LogRecord(slice, new EvidenceLocation("x.json", ByteOffset: 2)));
        Array.Fill(bytes, (byte)'#');

        using var output = new MemoryStream();
        ev.WriteTo(output);
        Assert.Equal(AssumedRoleRecord, Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(AssumedRoleRecord, ev.ToJson());
        Assert.Equal("x.json@byte 2", ev.Location.ToString());
    }

    [SharedDataFact]
    public void AcceptsLogstashReshapedRecordsFromTheOtrfSet()
    {
        using var zip = ZipFile.OpenRead(RepositoryPaths.SharedDataset("otrf-security-datasets/ec2_proxy_s3_exfiltration.zip"));
        using var reader = new StreamReader(zip.Entries[0].Open());
        var first = CloudTrailEvent.Parse(reader.ReadLine()!);

        Assert.Equal(new DateTimeOffset(2020, 9, 14, 0, 44, 23, TimeSpan.Zero), first.EventTime);
        Assert.Equal("DescribeInstanceTypes", first.EventName);
        Assert.Equal("1", first.GetString("@version"));
        Assert.True(first.UserIdentity!.SessionContext!.MfaAuthenticated);
        Assert.Null(first.UserIdentity.SessionContext.SessionIssuer);
        Assert.Equal("pedro", first.UserIdentity.DisplayName);
    }

    [Theory]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"eventName\":\"X\"}", "no eventTime")]
    [InlineData("{\"eventTime\":\"yesterday\"}", "'yesterday' is not a date-time")]
    [InlineData("{\"eventTime\":\"2024-01-01T00:00:00Z\",", "invalid JSON")]
    [InlineData("{\"eventTime\":\"2024-01-01T00:00:00Z\"} {}", "invalid JSON at byte 37")]
    public void RejectsRecordsThatAreNotCloudTrailWithAReason(string json, string reason)
    {
        var record = new LogRecord(Encoding.UTF8.GetBytes(json), new EvidenceLocation("bad.json", Line: 3));

        Assert.False(CloudTrailEvent.TryFromRecord(record, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        var thrown = Assert.Throws<FormatException>(() => CloudTrailEvent.FromRecord(record));
        Assert.StartsWith("bad.json:line 3: ", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2021-07-28T15:28:12Z", "2021-07-28T15:28:12.0000000+00:00")]
    [InlineData("2020-09-14T00:44:23.000Z", "2020-09-14T00:44:23.0000000+00:00")]
    [InlineData("2021-11-18T09:41:02-08:00", "2021-11-18T17:41:02.0000000+00:00")]
    [InlineData("2024-05-19 06:10:35.743", "2024-05-19T06:10:35.7430000+00:00")]
    [InlineData("2024-02-29T23:59:59.1234567891Z", "2024-02-29T23:59:59.1234567+00:00")]
    public void ParsesCloudTrailTimestampsToUtc(string text, string expected)
    {
        Assert.True(CloudTrailTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-01-01T24:00:00Z")]
    [InlineData("2024-01-01T00:00:00Q")]
    [InlineData("")]
    public void RejectsImpossibleTimestamps(string text)
    {
        Assert.False(CloudTrailTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }
}
