using System.Globalization;
using System.Text.Json;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>
/// CloudTrail Event History for the fake server: per region, a number of LookupEvents pages chained by NextToken,
/// each event shaped as the API returns it (EventTime in epoch seconds, CloudTrailEvent as a JSON string).
/// </summary>
public sealed class FakeEventHistory
{
    private readonly Dictionary<string, int> _pagesPerRegion;

    /// <summary>Creates history with <paramref name="pagesPerRegion"/> pages of 2 events each per region.</summary>
    public FakeEventHistory(Dictionary<string, int> pagesPerRegion) => _pagesPerRegion = pagesPerRegion;

    /// <summary>Region and NextToken combinations to fail with an error code instead of answering.</summary>
    public Func<string, string?, FakeResponse?>? Fault { get; set; }

    /// <summary>The body of page <paramref name="index"/> (0-based) of a region.</summary>
    public static string PageBody(string region, int index, int pageCount)
    {
        var events = Enumerable.Range(0, 2).Select(i =>
        {
            var id = $"{region}-{index}-{i}";
            var time = 1_700_000_000 + (index * 100) + i;
            var inner = JsonSerializer.Serialize(new
            {
                eventVersion = "1.08",
                eventTime = DateTimeOffset.FromUnixTimeSeconds(time).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                eventSource = "ec2.amazonaws.com",
                eventName = "RunInstances",
                awsRegion = region,
                sourceIPAddress = "198.51.100.7",
                userIdentity = new { type = "IAMUser", userName = "ci-deploy", accessKeyId = "AKIAEXPOSEDKEY000001" },
                eventID = id,
            });
            return new { EventId = id, EventName = "RunInstances", ReadOnly = "false", AccessKeyId = "AKIAEXPOSEDKEY000001", EventTime = (double)time, EventSource = "ec2.amazonaws.com", Username = "ci-deploy", Resources = Array.Empty<object>(), CloudTrailEvent = inner };
        });
        object page = index + 1 < pageCount
            ? new { Events = events, NextToken = Token(region, index + 1) }
            : new { Events = events };
        return JsonSerializer.Serialize(page);
    }

    /// <summary>The NextToken that leads to page <paramref name="index"/> of a region.</summary>
    public static string Token(string region, int index) => $"tok-{region}-{index}";

    /// <summary>Answers one CloudTrail request.</summary>
    public FakeResponse Handle(RecordedRequest request)
    {
        if (request.Operation != "LookupEvents")
        {
            return FakeResponse.JsonError("UnknownOperationException", request.Operation);
        }

        var token = request.Json.TryGetProperty("NextToken", out var t) ? t.GetString() : null;
        if (Fault?.Invoke(request.Region, token) is { } fault)
        {
            return fault;
        }

        var count = _pagesPerRegion[request.Region];
        var index = token is null ? 0 : int.Parse(token[(token.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
        if (token is not null && token != Token(request.Region, index))
        {
            return FakeResponse.JsonError("InvalidNextTokenException", "A token was sent with other parameters.");
        }

        return FakeResponse.Json(PageBody(request.Region, index, count));
    }
}
