using System.Text.Json;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Aws.Athena;

/// <summary>
/// The Athena operations the investigation needs (StartQueryExecution, GetQueryExecution, GetQueryResults,
/// StopQueryExecution, GetWorkGroup, GetTableMetadata), one call each, over the JSON 1.1 protocol with AWSSDK.Core's signer (the
/// AWSSDK.Athena package is not used). Polling, paging, limits and evidence live in <see cref="AthenaQueryExecutor"/>.
/// </summary>
public sealed class AthenaClient
{
    private const string Service = "athena";
    private readonly JsonProtocolClient _json;

    /// <summary>Creates a client over a signing sender.</summary>
    public AthenaClient(AwsHttpSender sender) =>
        _json = new JsonProtocolClient(sender, AwsService.Athena, "AmazonAthena");

    /// <summary>
    /// Starts a query and returns its QueryExecutionId. <paramref name="clientRequestToken"/> (32 to 128 characters)
    /// makes the call idempotent: a retry after a lost answer returns the same execution instead of starting another.
    /// </summary>
    public async Task<string> StartQueryExecutionAsync(
        string region,
        string queryString,
        string? database,
        string? catalog,
        string? workGroup,
        string? outputLocation,
        string clientRequestToken,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queryString);
        if (clientRequestToken is not { Length: >= 32 and <= 128 })
        {
            throw new ArgumentException("A ClientRequestToken has 32 to 128 characters.", nameof(clientRequestToken));
        }

        var request = new StartQueryExecutionRequest(
            queryString,
            clientRequestToken,
            database is null && catalog is null ? null : new QueryExecutionContextWire(database, catalog),
            outputLocation is null ? null : new ResultConfigurationWire(outputLocation),
            workGroup);
        var response = await _json.InvokeAsync<StartQueryExecutionRequest, StartQueryExecutionResponse>(
            region, "StartQueryExecution", request, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(response.QueryExecutionId)
            ? throw new AwsServiceException(AwsErrorKind.Other, Service, "StartQueryExecution", region, null, "StartQueryExecution returned no QueryExecutionId")
            : response.QueryExecutionId;
    }

    /// <summary>The execution's state, reason and statistics, with the raw response body for the evidence folder.</summary>
    public async Task<(AthenaQueryExecution Execution, byte[] Body)> GetQueryExecutionAsync(string region, string queryExecutionId, CancellationToken cancellationToken)
    {
        var body = await _json.InvokeRawAsync(region, "GetQueryExecution", new QueryExecutionIdRequest(queryExecutionId), cancellationToken).ConfigureAwait(false);
        var wire = Parse<GetQueryExecutionResponse>(body, "GetQueryExecution", region).QueryExecution
            ?? throw new AwsServiceException(AwsErrorKind.Other, Service, "GetQueryExecution", region, null, "the response has no QueryExecution");
        var status = wire.Status;
        var execution = new AthenaQueryExecution(
            wire.QueryExecutionId ?? queryExecutionId,
            StateOf(status?.State),
            string.IsNullOrEmpty(status?.StateChangeReason) ? null : status.StateChangeReason,
            string.IsNullOrEmpty(status?.AthenaError?.ErrorMessage) ? null : status.AthenaError.ErrorMessage,
            wire.Statistics?.DataScannedInBytes ?? 0,
            wire.Statistics?.EngineExecutionTimeInMillis ?? 0,
            wire.StatementType,
            wire.ResultConfiguration?.OutputLocation,
            wire.WorkGroup);
        return (execution, body);
    }

    /// <summary>One page of a succeeded query's results (at most <paramref name="maxResults"/> rows, 1000 at most).</summary>
    public async Task<AthenaResultPage> GetQueryResultsAsync(
        string region, string queryExecutionId, string? nextToken, int? maxResults, CancellationToken cancellationToken)
    {
        var body = await _json.InvokeRawAsync(
            region, "GetQueryResults", new GetQueryResultsRequest(queryExecutionId, nextToken, maxResults), cancellationToken).ConfigureAwait(false);
        var wire = Parse<GetQueryResultsResponse>(body, "GetQueryResults", region);
        var columns = (wire.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [])
            .Select(c => new AthenaColumn(c.Name ?? c.Label ?? "", c.Type ?? "varchar"))
            .ToList();
        var rows = (wire.ResultSet?.Rows ?? [])
            .Select(r => (IReadOnlyList<string?>)[.. (r.Data ?? []).Select(d => d?.VarCharValue)])
            .ToList();
        return new AthenaResultPage(columns, rows, string.IsNullOrEmpty(wire.NextToken) ? null : wire.NextToken, body);
    }

    /// <summary>Asks Athena to stop a query (a no-op for one that already ended).</summary>
    public Task StopQueryExecutionAsync(string region, string queryExecutionId, CancellationToken cancellationToken) =>
        _json.InvokeRawAsync(region, "StopQueryExecution", new QueryExecutionIdRequest(queryExecutionId), cancellationToken);

    /// <summary>A workgroup's result location and per-query data limit.</summary>
    public async Task<AthenaWorkGroup> GetWorkGroupAsync(string region, string workGroup, CancellationToken cancellationToken)
    {
        var response = await _json.InvokeAsync<GetWorkGroupRequest, GetWorkGroupResponse>(
            region, "GetWorkGroup", new GetWorkGroupRequest(workGroup), cancellationToken).ConfigureAwait(false);
        var configuration = response.WorkGroup?.Configuration;
        return new AthenaWorkGroup(
            response.WorkGroup?.Name ?? workGroup,
            configuration?.ResultConfiguration?.OutputLocation,
            configuration?.EnforceWorkGroupConfiguration ?? false,
            configuration?.BytesScannedCutoffPerQuery);
    }

    /// <summary>A table's partition columns and properties (its projection and location template).</summary>
    public async Task<AthenaTableMetadata> GetTableMetadataAsync(string region, string? catalog, string database, string table, CancellationToken cancellationToken)
    {
        var response = await _json.InvokeAsync<GetTableMetadataRequest, GetTableMetadataResponse>(
            region, "GetTableMetadata", new GetTableMetadataRequest(catalog ?? "AwsDataCatalog", database, table), cancellationToken).ConfigureAwait(false);
        var metadata = response.TableMetadata
            ?? throw new AwsServiceException(AwsErrorKind.Other, Service, "GetTableMetadata", region, null, "the response has no TableMetadata");
        return new AthenaTableMetadata(
            metadata.Name ?? table,
            [.. (metadata.PartitionKeys ?? []).Select(k => k.Name ?? "")],
            metadata.Parameters ?? new Dictionary<string, string>());
    }

    private static AthenaQueryState StateOf(string? state) => state switch
    {
        "QUEUED" => AthenaQueryState.Queued,
        "RUNNING" => AthenaQueryState.Running,
        "SUCCEEDED" => AthenaQueryState.Succeeded,
        "FAILED" => AthenaQueryState.Failed,
        "CANCELLED" => AthenaQueryState.Cancelled,
        _ => AthenaQueryState.Unknown,
    };

    private static T Parse<T>(byte[] body, string operation, string region)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body.Length == 0 ? "{}"u8.ToArray() : body, JsonProtocolClient.SerializerOptions)
                ?? throw new JsonException("null response");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException(
                AwsErrorKind.Other, Service, operation, region, null, $"the {operation} response is not the JSON AWS documents ({e.Message})", null, null, e);
        }
    }
}
