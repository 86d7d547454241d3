using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>
/// The CloudTrail operations the investigation needs: LookupEvents (raw pages for the evidence folder),
/// DescribeTrails, GetTrailStatus, GetEventSelectors and ListPublicKeys, over the JSON 1.1 protocol.
/// </summary>
public sealed class CloudTrailClient
{
    private readonly JsonProtocolClient _json;

    /// <summary>Creates a client over a signing sender.</summary>
    public CloudTrailClient(AwsHttpSender sender) =>
        _json = new JsonProtocolClient(sender, AwsService.CloudTrail, "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101");

    /// <summary>
    /// Reads one page (at most 50 events) of Event History in a region; a null <paramref name="attribute"/> reads every
    /// management event. <paramref name="rateLimiter"/>, when given, paces every attempt, retries included.
    /// </summary>
    public async Task<LookupEventsPage> LookupEventsAsync(
        string region,
        LookupAttribute? attribute,
        DateTimeOffset? start,
        DateTimeOffset? end,
        string? nextToken,
        RequestRateLimiter? rateLimiter,
        CancellationToken cancellationToken)
    {
        var request = new LookupEventsRequest(
            attribute is null ? null : [new LookupAttributeWire(attribute.Key.ToString(), attribute.Value)],
            start?.ToUnixTimeSeconds(),
            end?.ToUnixTimeSeconds(),
            50,
            nextToken);
        var raw = await _json.InvokeRawAsync(region, "LookupEvents", request, rateLimiter, cancellationToken).ConfigureAwait(false);
        try
        {
            return LookupEventsPage.FromRaw(raw);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new AwsServiceException(AwsErrorKind.Other, "cloudtrail", "LookupEvents", region, null, $"the response is not JSON ({e.Message})", null, null, e);
        }
    }

    /// <summary>
    /// One page of ListPublicKeys in a region: the keys whose private keys signed digest files between
    /// <paramref name="start"/> and <paramref name="end"/> (CloudTrail keeps a key pair per region), as the raw response
    /// body for the evidence folder, and the next page's token.
    /// </summary>
    public async Task<(byte[] Body, string? NextToken)> ListPublicKeysAsync(
        string region, DateTimeOffset start, DateTimeOffset end, string? nextToken, CancellationToken cancellationToken)
    {
        var raw = await _json.InvokeRawAsync(region, "ListPublicKeys",
            new ListPublicKeysRequest(start.ToUnixTimeSeconds(), end.ToUnixTimeSeconds(), nextToken), cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(raw);
            var next = document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object &&
                       document.RootElement.TryGetProperty("NextToken", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String
                ? t.GetString()
                : null;
            return (raw, string.IsNullOrEmpty(next) ? null : next);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new AwsServiceException(AwsErrorKind.Other, "cloudtrail", "ListPublicKeys", region, null, $"the response is not JSON ({e.Message})", null, null, e);
        }
    }

    /// <summary>The trails visible from <paramref name="region"/>, including multi-region and organization trails created elsewhere.</summary>
    public async Task<IReadOnlyList<TrailInfo>> DescribeTrailsAsync(string region, CancellationToken cancellationToken)
    {
        var response = await _json.InvokeAsync<DescribeTrailsRequest, DescribeTrailsResponse>(
            region, "DescribeTrails", new DescribeTrailsRequest(true), cancellationToken).ConfigureAwait(false);
        return [.. (response.TrailList ?? []).Where(t => t.TrailArn is not null).Select(t => new TrailInfo(
            t.Name ?? t.TrailArn!,
            t.TrailArn!,
            t.HomeRegion ?? region,
            t.S3BucketName,
            string.IsNullOrEmpty(t.S3KeyPrefix) ? null : t.S3KeyPrefix,
            LogGroupNameOf(t.CloudWatchLogsLogGroupArn),
            t.IsMultiRegionTrail ?? false,
            t.IsOrganizationTrail ?? false,
            t.IncludeGlobalServiceEvents ?? false,
            t.LogFileValidationEnabled ?? false))];
    }

    /// <summary>Whether a trail is logging, and its last deliveries (call it in the trail's home region).</summary>
    public async Task<TrailStatus> GetTrailStatusAsync(string region, string trailArn, CancellationToken cancellationToken)
    {
        var s = await _json.InvokeAsync<TrailNameRequest, GetTrailStatusResponse>(
            region, "GetTrailStatus", new TrailNameRequest(trailArn), cancellationToken).ConfigureAwait(false);
        return new TrailStatus(
            s.IsLogging ?? false,
            Time(s.StartLoggingTime),
            Time(s.StopLoggingTime),
            Time(s.LatestDeliveryTime),
            string.IsNullOrEmpty(s.LatestDeliveryError) ? null : s.LatestDeliveryError,
            Time(s.LatestCloudWatchLogsDeliveryTime),
            string.IsNullOrEmpty(s.LatestCloudWatchLogsDeliveryError) ? null : s.LatestCloudWatchLogsDeliveryError);
    }

    /// <summary>What a trail records, from its basic or advanced event selectors.</summary>
    public async Task<EventCoverage> GetEventSelectorsAsync(string region, string trailArn, CancellationToken cancellationToken)
    {
        var response = await _json.InvokeAsync<TrailSelectorsRequest, GetEventSelectorsResponse>(
            region, "GetEventSelectors", new TrailSelectorsRequest(trailArn), cancellationToken).ConfigureAwait(false);
        return EventCoverageReader.Read(response);
    }

    private static DateTimeOffset? Time(double? epochSeconds) =>
        epochSeconds is { } s ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(s * 1000)) : null;

    // arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/logs:* → CloudTrail/logs
    private static string? LogGroupNameOf(string? arn)
    {
        if (string.IsNullOrEmpty(arn))
        {
            return null;
        }

        var marker = ":log-group:";
        var index = arn.IndexOf(marker, StringComparison.Ordinal);
        if (index < 0)
        {
            return arn;
        }

        var name = arn[(index + marker.Length)..];
        return name.EndsWith(":*", StringComparison.Ordinal) ? name[..^2] : name;
    }
}
