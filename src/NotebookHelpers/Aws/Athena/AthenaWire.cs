using System.Text.Json.Serialization;

namespace NotebookHelpers.Aws.Athena;

// Request and response bodies of the Athena operations we call, named as botocore's athena/2017-05-18 model names
// them (StartQueryExecution, GetQueryExecution, GetQueryResults, StopQueryExecution). JSON 1.1 timestamps are epoch
// seconds; a NULL cell is a Datum without VarCharValue, an empty string is VarCharValue "".

internal sealed record StartQueryExecutionRequest(
    [property: JsonPropertyName("QueryString")] string QueryString,
    [property: JsonPropertyName("ClientRequestToken")] string ClientRequestToken,
    [property: JsonPropertyName("QueryExecutionContext")] QueryExecutionContextWire? QueryExecutionContext,
    [property: JsonPropertyName("ResultConfiguration")] ResultConfigurationWire? ResultConfiguration,
    [property: JsonPropertyName("WorkGroup")] string? WorkGroup);

internal sealed record QueryExecutionContextWire(
    [property: JsonPropertyName("Database")] string? Database,
    [property: JsonPropertyName("Catalog")] string? Catalog);

internal sealed record ResultConfigurationWire(
    [property: JsonPropertyName("OutputLocation")] string? OutputLocation);

internal sealed record StartQueryExecutionResponse(
    [property: JsonPropertyName("QueryExecutionId")] string? QueryExecutionId);

internal sealed record QueryExecutionIdRequest(
    [property: JsonPropertyName("QueryExecutionId")] string QueryExecutionId);

internal sealed record GetQueryResultsRequest(
    [property: JsonPropertyName("QueryExecutionId")] string QueryExecutionId,
    [property: JsonPropertyName("NextToken")] string? NextToken,
    [property: JsonPropertyName("MaxResults")] int? MaxResults);

internal sealed record GetQueryExecutionResponse(
    [property: JsonPropertyName("QueryExecution")] QueryExecutionWire? QueryExecution);

internal sealed record QueryExecutionWire(
    [property: JsonPropertyName("QueryExecutionId")] string? QueryExecutionId,
    [property: JsonPropertyName("Query")] string? Query,
    [property: JsonPropertyName("StatementType")] string? StatementType,
    [property: JsonPropertyName("ResultConfiguration")] ResultConfigurationWire? ResultConfiguration,
    [property: JsonPropertyName("QueryExecutionContext")] QueryExecutionContextWire? QueryExecutionContext,
    [property: JsonPropertyName("Status")] QueryExecutionStatusWire? Status,
    [property: JsonPropertyName("Statistics")] QueryExecutionStatisticsWire? Statistics,
    [property: JsonPropertyName("WorkGroup")] string? WorkGroup);

internal sealed record QueryExecutionStatusWire(
    [property: JsonPropertyName("State")] string? State,
    [property: JsonPropertyName("StateChangeReason")] string? StateChangeReason,
    [property: JsonPropertyName("SubmissionDateTime")] double? SubmissionDateTime,
    [property: JsonPropertyName("CompletionDateTime")] double? CompletionDateTime,
    [property: JsonPropertyName("AthenaError")] AthenaErrorWire? AthenaError);

internal sealed record AthenaErrorWire(
    [property: JsonPropertyName("ErrorCategory")] int? ErrorCategory,
    [property: JsonPropertyName("ErrorType")] int? ErrorType,
    [property: JsonPropertyName("Retryable")] bool? Retryable,
    [property: JsonPropertyName("ErrorMessage")] string? ErrorMessage);

internal sealed record QueryExecutionStatisticsWire(
    [property: JsonPropertyName("EngineExecutionTimeInMillis")] long? EngineExecutionTimeInMillis,
    [property: JsonPropertyName("DataScannedInBytes")] long? DataScannedInBytes,
    [property: JsonPropertyName("TotalExecutionTimeInMillis")] long? TotalExecutionTimeInMillis);

internal sealed record GetQueryResultsResponse(
    [property: JsonPropertyName("ResultSet")] ResultSetWire? ResultSet,
    [property: JsonPropertyName("NextToken")] string? NextToken);

internal sealed record ResultSetWire(
    [property: JsonPropertyName("Rows")] IReadOnlyList<RowWire>? Rows,
    [property: JsonPropertyName("ResultSetMetadata")] ResultSetMetadataWire? ResultSetMetadata);

internal sealed record RowWire(
    [property: JsonPropertyName("Data")] IReadOnlyList<DatumWire>? Data);

internal sealed record DatumWire(
    [property: JsonPropertyName("VarCharValue")] string? VarCharValue);

internal sealed record ResultSetMetadataWire(
    [property: JsonPropertyName("ColumnInfo")] IReadOnlyList<ColumnInfoWire>? ColumnInfo);

internal sealed record ColumnInfoWire(
    [property: JsonPropertyName("Name")] string? Name,
    [property: JsonPropertyName("Label")] string? Label,
    [property: JsonPropertyName("Type")] string? Type);

internal sealed record GetWorkGroupRequest(
    [property: JsonPropertyName("WorkGroup")] string WorkGroup);

internal sealed record GetWorkGroupResponse(
    [property: JsonPropertyName("WorkGroup")] WorkGroupWire? WorkGroup);

internal sealed record WorkGroupWire(
    [property: JsonPropertyName("Name")] string? Name,
    [property: JsonPropertyName("State")] string? State,
    [property: JsonPropertyName("Configuration")] WorkGroupConfigurationWire? Configuration);

internal sealed record WorkGroupConfigurationWire(
    [property: JsonPropertyName("ResultConfiguration")] ResultConfigurationWire? ResultConfiguration,
    [property: JsonPropertyName("EnforceWorkGroupConfiguration")] bool? EnforceWorkGroupConfiguration,
    [property: JsonPropertyName("BytesScannedCutoffPerQuery")] long? BytesScannedCutoffPerQuery);

internal sealed record GetTableMetadataRequest(
    [property: JsonPropertyName("CatalogName")] string CatalogName,
    [property: JsonPropertyName("DatabaseName")] string DatabaseName,
    [property: JsonPropertyName("TableName")] string TableName);

internal sealed record GetTableMetadataResponse(
    [property: JsonPropertyName("TableMetadata")] TableMetadataWire? TableMetadata);

internal sealed record TableMetadataWire(
    [property: JsonPropertyName("Name")] string? Name,
    [property: JsonPropertyName("PartitionKeys")] IReadOnlyList<ColumnWire>? PartitionKeys,
    [property: JsonPropertyName("Parameters")] IReadOnlyDictionary<string, string>? Parameters);

internal sealed record ColumnWire(
    [property: JsonPropertyName("Name")] string? Name,
    [property: JsonPropertyName("Type")] string? Type);
