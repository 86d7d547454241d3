using System.Text;
using System.Text.Json.Nodes;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>Single CloudTrail records with one field set to a hostile value, as UTF-8 bytes.</summary>
internal static class HostileRecords
{
    public const string Account = "111122223333";

    /// <summary>
    /// A complete API call record of <paramref name="key"/> at <paramref name="time"/>, with <paramref name="field"/>
    /// (a top-level field, or <c>userName</c> for the identity's) set to <paramref name="value"/>.
    /// </summary>
    public static byte[] Record(string time, string field, string value, string key = "AKIAHOSTILEKEY000001", string eventId = "hostile-1")
    {
        var identity = new JsonObject
        {
            ["type"] = "IAMUser",
            ["principalId"] = "AIDAHOSTILE",
            ["arn"] = $"arn:aws:iam::{Account}:user/victim",
            ["accountId"] = Account,
            ["accessKeyId"] = key,
            ["userName"] = "victim",
        };
        var record = new JsonObject
        {
            ["eventVersion"] = "1.08",
            ["userIdentity"] = identity,
            ["eventTime"] = time,
            ["eventSource"] = "iam.amazonaws.com",
            ["eventName"] = "ListUsers",
            ["awsRegion"] = "us-east-1",
            ["sourceIPAddress"] = "203.0.113.7",
            ["userAgent"] = "aws-cli/2.15.0",
            ["errorCode"] = "AccessDenied",
            ["errorMessage"] = "denied",
            ["requestParameters"] = null,
            ["responseElements"] = null,
            ["eventID"] = eventId,
            ["eventType"] = "AwsApiCall",
            ["recipientAccountId"] = Account,
        };
        if (field == "userName")
        {
            identity["userName"] = value;
        }
        else
        {
            record[field] = value;
        }

        return Encoding.UTF8.GetBytes(record.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    /// <summary>The bytes with the first UTF-8 é (C3 A9) turned into a lone Latin-1 é (E9), and where that byte is.</summary>
    public static byte[] WithLatin1Byte(byte[] utf8, out int offset)
    {
        offset = utf8.AsSpan().IndexOf("\u00e9"u8);
        Assert.True(offset >= 0, "the record has no é to damage");
        return [.. utf8[..offset], 0xE9, .. utf8[(offset + 2)..]];
    }
}
