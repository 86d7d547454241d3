using System.Text.Json.Serialization;

namespace NotebookHelpers.Aws.Logs;

// Request and response bodies of the CloudWatch Logs operations we call, field for field as botocore's
// logs/2014-03-28 service-2.json names them.

internal sealed record DescribeLogGroupsRequest(
    [property: JsonPropertyName("logGroupNamePrefix")] string? LogGroupNamePrefix,
    [property: JsonPropertyName("nextToken")] string? NextToken,
    [property: JsonPropertyName("limit")] int? Limit);

internal sealed record DescribeLogGroupsResponse(
    [property: JsonPropertyName("logGroups")] IReadOnlyList<LogGroupWire>? LogGroups,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record LogGroupWire(
    [property: JsonPropertyName("logGroupName")] string? LogGroupName,
    [property: JsonPropertyName("arn")] string? Arn,
    [property: JsonPropertyName("creationTime")] long? CreationTime,
    [property: JsonPropertyName("retentionInDays")] int? RetentionInDays,
    [property: JsonPropertyName("storedBytes")] long? StoredBytes,
    [property: JsonPropertyName("logGroupClass")] string? LogGroupClass);

internal sealed record StartQueryRequest(
    [property: JsonPropertyName("logGroupNames")] IReadOnlyList<string> LogGroupNames,
    [property: JsonPropertyName("startTime")] long StartTime,
    [property: JsonPropertyName("endTime")] long EndTime,
    [property: JsonPropertyName("queryString")] string QueryString,
    [property: JsonPropertyName("limit")] int? Limit);

internal sealed record StartQueryResponse([property: JsonPropertyName("queryId")] string? QueryId);

internal sealed record GetQueryResultsRequest(
    [property: JsonPropertyName("queryId")] string QueryId,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record GetQueryResultsResponse(
    [property: JsonPropertyName("results")] IReadOnlyList<IReadOnlyList<ResultFieldWire>>? Results,
    [property: JsonPropertyName("statistics")] QueryStatisticsWire? Statistics,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record ResultFieldWire(
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("value")] string? Value);

internal sealed record QueryStatisticsWire(
    [property: JsonPropertyName("recordsMatched")] double RecordsMatched,
    [property: JsonPropertyName("recordsScanned")] double RecordsScanned,
    [property: JsonPropertyName("bytesScanned")] double BytesScanned);

internal sealed record StopQueryRequest([property: JsonPropertyName("queryId")] string QueryId);

internal sealed record StopQueryResponse([property: JsonPropertyName("success")] bool Success);
