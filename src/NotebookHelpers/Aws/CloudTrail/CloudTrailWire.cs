using System.Text.Json.Serialization;

namespace NotebookHelpers.Aws.CloudTrail;

// Request and response bodies of the CloudTrail operations we call, as botocore's cloudtrail/2013-11-01 names them.
// JSON 1.1 timestamps are epoch seconds.

internal sealed record LookupEventsRequest(
    [property: JsonPropertyName("LookupAttributes")] IReadOnlyList<LookupAttributeWire>? LookupAttributes,
    [property: JsonPropertyName("StartTime")] long? StartTime,
    [property: JsonPropertyName("EndTime")] long? EndTime,
    [property: JsonPropertyName("MaxResults")] int MaxResults,
    [property: JsonPropertyName("NextToken")] string? NextToken);

internal sealed record ListPublicKeysRequest(
    [property: JsonPropertyName("StartTime")] long? StartTime,
    [property: JsonPropertyName("EndTime")] long? EndTime,
    [property: JsonPropertyName("NextToken")] string? NextToken);

internal sealed record LookupAttributeWire(
    [property: JsonPropertyName("AttributeKey")] string AttributeKey,
    [property: JsonPropertyName("AttributeValue")] string AttributeValue);

internal sealed record DescribeTrailsRequest(
    [property: JsonPropertyName("includeShadowTrails")] bool IncludeShadowTrails);

internal sealed record DescribeTrailsResponse(
    [property: JsonPropertyName("trailList")] IReadOnlyList<TrailWire>? TrailList);

internal sealed record TrailWire(
    [property: JsonPropertyName("Name")] string? Name,
    [property: JsonPropertyName("TrailARN")] string? TrailArn,
    [property: JsonPropertyName("HomeRegion")] string? HomeRegion,
    [property: JsonPropertyName("S3BucketName")] string? S3BucketName,
    [property: JsonPropertyName("S3KeyPrefix")] string? S3KeyPrefix,
    [property: JsonPropertyName("CloudWatchLogsLogGroupArn")] string? CloudWatchLogsLogGroupArn,
    [property: JsonPropertyName("IsMultiRegionTrail")] bool? IsMultiRegionTrail,
    [property: JsonPropertyName("IsOrganizationTrail")] bool? IsOrganizationTrail,
    [property: JsonPropertyName("IncludeGlobalServiceEvents")] bool? IncludeGlobalServiceEvents,
    [property: JsonPropertyName("LogFileValidationEnabled")] bool? LogFileValidationEnabled,
    [property: JsonPropertyName("HasCustomEventSelectors")] bool? HasCustomEventSelectors);

internal sealed record TrailNameRequest([property: JsonPropertyName("Name")] string Name);

internal sealed record TrailSelectorsRequest([property: JsonPropertyName("TrailName")] string TrailName);

internal sealed record GetTrailStatusResponse(
    [property: JsonPropertyName("IsLogging")] bool? IsLogging,
    [property: JsonPropertyName("LatestDeliveryError")] string? LatestDeliveryError,
    [property: JsonPropertyName("LatestDeliveryTime")] double? LatestDeliveryTime,
    [property: JsonPropertyName("StartLoggingTime")] double? StartLoggingTime,
    [property: JsonPropertyName("StopLoggingTime")] double? StopLoggingTime,
    [property: JsonPropertyName("LatestCloudWatchLogsDeliveryError")] string? LatestCloudWatchLogsDeliveryError,
    [property: JsonPropertyName("LatestCloudWatchLogsDeliveryTime")] double? LatestCloudWatchLogsDeliveryTime);

internal sealed record GetEventSelectorsResponse(
    [property: JsonPropertyName("TrailARN")] string? TrailArn,
    [property: JsonPropertyName("EventSelectors")] IReadOnlyList<EventSelectorWire>? EventSelectors,
    [property: JsonPropertyName("AdvancedEventSelectors")] IReadOnlyList<AdvancedEventSelectorWire>? AdvancedEventSelectors);

internal sealed record EventSelectorWire(
    [property: JsonPropertyName("ReadWriteType")] string? ReadWriteType,
    [property: JsonPropertyName("IncludeManagementEvents")] bool? IncludeManagementEvents,
    [property: JsonPropertyName("DataResources")] IReadOnlyList<DataResourceWire>? DataResources,
    [property: JsonPropertyName("ExcludeManagementEventSources")] IReadOnlyList<string>? ExcludeManagementEventSources);

internal sealed record DataResourceWire(
    [property: JsonPropertyName("Type")] string? Type,
    [property: JsonPropertyName("Values")] IReadOnlyList<string>? Values);

internal sealed record AdvancedEventSelectorWire(
    [property: JsonPropertyName("Name")] string? Name,
    [property: JsonPropertyName("FieldSelectors")] IReadOnlyList<AdvancedFieldSelectorWire>? FieldSelectors);

internal sealed record AdvancedFieldSelectorWire(
    [property: JsonPropertyName("Field")] string? Field,
    [property: JsonPropertyName("Equals")] IReadOnlyList<string>? EqualTo,
    [property: JsonPropertyName("StartsWith")] IReadOnlyList<string>? StartsWith,
    [property: JsonPropertyName("EndsWith")] IReadOnlyList<string>? EndsWith,
    [property: JsonPropertyName("NotEquals")] IReadOnlyList<string>? NotEquals,
    [property: JsonPropertyName("NotStartsWith")] IReadOnlyList<string>? NotStartsWith,
    [property: JsonPropertyName("NotEndsWith")] IReadOnlyList<string>? NotEndsWith);
