using NotebookHelpers.Events;

namespace NotebookHelpers.Tests.Charts;

/// <summary>
/// A small incident whose attacker chose hostile strings for every field it controls: a user name, a user agent, an
/// event name, a region and a source address that try to end a script element or inject markup.
/// </summary>
internal static class HostileEvents
{
    public const string Script = "</script><script>alert(1)</script>";
    public const string Bold = "<b>x</b><img src=x onerror=alert(2)>";
    public const string Key = "AKIAHOSTILE000000001";
    public const string User = "ops" + Script;

    public static IReadOnlyList<CloudTrailEvent> Build()
    {
        var events = new List<CloudTrailEvent>
        {
            Event("2025-01-02T09:00:00Z", "GetCallerIdentity", "sts.amazonaws.com", "us-east-1", "198.51.100.1", "aws-cli/2.0", null),
            Event("2025-01-02T10:00:00Z", "GetCallerIdentity", "sts.amazonaws.com", "us-east-1", "203.0.113.9" + Bold, "evil" + Script, null),
            Event("2025-01-02T10:01:00Z", "List" + Bold, "s3.amazonaws.com" + Script, "xx-hostile-1" + Script, "203.0.113.9" + Bold, "evil" + Script, "AccessDenied" + Script),
            Event("2025-01-02T10:02:00Z", "CreateUser", "iam.amazonaws.com", "us-east-1", "203.0.113.9" + Bold, "evil" + Script, null, requestParameters: $$"""{"userName":"{{Escape(User)}}"}"""),
            Event("2025-01-02T10:03:00Z", "CreateAccessKey", "iam.amazonaws.com", "us-east-1", "203.0.113.9" + Bold, "evil" + Script, null,
                requestParameters: $$"""{"userName":"{{Escape(User)}}"}""", responseElements: "{\"accessKey\":{\"accessKeyId\":\"AKIAHOSTILE000000002\",\"userName\":\"" + Escape(User) + "\",\"status\":\"Active\"}}"),
            Event("2025-01-02T10:04:00Z", "UpdateAccessKey", "iam.amazonaws.com", "us-east-1", "198.51.100.1", "console.amazonaws.com", null,
                requestParameters: $$"""{"userName":"victim","accessKeyId":"{{Key}}","status":"Inactive"}""", caller: "defender", callerKey: "ASIADEFENDER00000001"),
            Event("2025-01-02T10:05:00Z", "CreateUser", "iam.amazonaws.com", "us-east-1", "203.0.113.9" + Bold, "evil" + Script, "AccessDenied",
                requestParameters: $$"""{"userName":"again{{Escape(Script)}}"}"""),
        };
        return events;
    }

    private static string Escape(string text) => System.Text.Json.JsonEncodedText.Encode(text).ToString();

    private static CloudTrailEvent Event(
        string time, string name, string source, string region, string ip, string agent, string? error,
        string requestParameters = "null", string responseElements = "null", string caller = "victim", string callerKey = Key)
    {
        var json = $$"""
            {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAHOSTILE","arn":"arn:aws:iam::111122223333:user/{{caller}}","accountId":"111122223333","accessKeyId":"{{callerKey}}","userName":"{{caller}}"},
             "eventTime":"{{time}}","eventSource":"{{Escape(source)}}","eventName":"{{Escape(name)}}","awsRegion":"{{Escape(region)}}","sourceIPAddress":"{{Escape(ip)}}","userAgent":"{{Escape(agent)}}",
             {{(error is null ? "" : $"\"errorCode\":\"{Escape(error)}\",\"errorMessage\":\"denied\",")}}
             "requestParameters":{{requestParameters}},"responseElements":{{responseElements}},"requestID":"r-{{time}}","eventID":"e-{{time}}-{{Escape(name)}}","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management"}
            """;
        return CloudTrailEvent.Parse(json);
    }
}
