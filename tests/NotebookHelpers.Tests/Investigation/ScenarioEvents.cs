using System.Globalization;
using System.Text.Json.Nodes;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;

namespace NotebookHelpers.Tests.Investigation;

/// <summary>
/// Builds CloudTrail records for small hand-written incidents: each call is one record with the usual fields, so a
/// test reads like the story it tells.
/// </summary>
internal sealed class ScenarioEvents
{
    public const string Account = "111122223333";
    private readonly List<CloudTrailEvent> _events = [];
    private int _next;

    public IReadOnlyList<CloudTrailEvent> Events => _events;

    public static JsonObject IamUser(string user, string key) => new()
    {
        ["type"] = "IAMUser",
        ["principalId"] = "AIDA" + user.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal),
        ["arn"] = $"arn:aws:iam::{Account}:user/{user}",
        ["accountId"] = Account,
        ["accessKeyId"] = key,
        ["userName"] = user,
    };

    public static JsonObject Role(string role, string session, string key) => new()
    {
        ["type"] = "AssumedRole",
        ["principalId"] = "AROA" + role.ToUpperInvariant() + ":" + session,
        ["arn"] = $"arn:aws:sts::{Account}:assumed-role/{role}/{session}",
        ["accountId"] = Account,
        ["accessKeyId"] = key,
        ["sessionContext"] = new JsonObject
        {
            ["sessionIssuer"] = new JsonObject { ["type"] = "Role", ["arn"] = $"arn:aws:iam::{Account}:role/{role}", ["accountId"] = Account, ["userName"] = role },
            ["attributes"] = new JsonObject { ["mfaAuthenticated"] = "false" },
        },
    };

    public static JsonObject ExternalAccount(string account) => new()
    {
        ["type"] = "AWSAccount",
        ["principalId"] = "AIDAEXTERNAL",
        ["accountId"] = account,
    };

    public CloudTrailEvent Call(
        string time,
        JsonObject identity,
        string service,
        string name,
        JsonObject? request = null,
        JsonObject? response = null,
        string? error = null,
        string ip = "203.0.113.9",
        string userAgent = "aws-cli/2.15.0",
        string region = "us-east-1",
        JsonObject? additional = null,
        string eventType = "AwsApiCall")
    {
        var id = $"00000000-0000-4000-8000-{++_next:D12}";
        var record = new JsonObject
        {
            ["eventVersion"] = "1.09",
            ["userIdentity"] = identity.DeepClone(),
            ["eventTime"] = DateTimeOffset.Parse(time, CultureInfo.InvariantCulture).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["eventSource"] = service + ".amazonaws.com",
            ["eventName"] = name,
            ["awsRegion"] = region,
            ["sourceIPAddress"] = ip,
            ["userAgent"] = userAgent,
            ["requestParameters"] = request,
            ["responseElements"] = response,
            ["eventID"] = id,
            ["eventType"] = eventType,
            ["recipientAccountId"] = Account,
        };
        if (error is not null)
        {
            record["errorCode"] = error;
            record["errorMessage"] = "not allowed";
        }

        if (additional is not null)
        {
            record["additionalEventData"] = additional;
        }

        var ev = CloudTrailEvent.Parse(record.ToJsonString(), new EvidenceLocation("scenario.json", Line: _next));
        _events.Add(ev);
        return ev;
    }

    /// <summary>Writes the events as a CloudTrail S3 log file (<c>{"Records":[…]}</c>).</summary>
    public void WriteTrailFile(string path)
    {
        var records = new JsonArray(_events.Select(e => JsonNode.Parse(e.ToJson())).ToArray());
        File.WriteAllText(path, new JsonObject { ["Records"] = records }.ToJsonString());
    }
}
