using System.Globalization;
using System.Text;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Aws.Athena;

/// <summary>
/// Runs one SQL statement on Athena to the end: StartQueryExecution (with a ClientRequestToken, so a retried start
/// cannot start a second query), GetQueryExecution polled with backoff while QUEUED or RUNNING, then every
/// GetQueryResults page (the first row of a DML result is the header row and is dropped; paging stops when the
/// service repeats a token). The query is stopped (StopQueryExecution) when the caller cancels, when it runs past
/// <see cref="AthenaQueryOptions.Timeout"/>, and when it has scanned more than <see cref="AthenaQueryOptions.MaxScanBytes"/>.
/// With an evidence folder, the SQL text, the final GetQueryExecution response and every result page are saved under
/// <c>athena/EXECUTION-ID/</c> and listed in its manifest.
/// </summary>
public sealed class AthenaQueryExecutor
{
    private readonly AthenaClient _client;
    private readonly string _region;
    private readonly AthenaQueryOptions _options;
    private readonly EvidenceDirectory? _evidence;

    /// <summary>Creates an executor for one region.</summary>
    public AthenaQueryExecutor(AthenaClient client, string region, AthenaQueryOptions? options = null, EvidenceDirectory? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        _client = client;
        _region = region;
        _options = options ?? new AthenaQueryOptions();
        _evidence = evidence;
        if (_options.PageSize is < 1 or > 1000)
        {
            throw new ArgumentException("GetQueryResults pages hold 1 to 1000 rows.", nameof(options));
        }
    }

    /// <summary>The region queries run in.</summary>
    public string Region => _region;

    /// <summary>The options queries run with.</summary>
    public AthenaQueryOptions Options => _options;

    /// <summary>Runs <paramref name="sql"/> and returns its rows.</summary>
    /// <exception cref="AthenaScanLimitException">It scanned more than <see cref="AthenaQueryOptions.MaxScanBytes"/> and was stopped.</exception>
    /// <exception cref="AthenaQueryException">It failed, was cancelled by someone else, or ran past the timeout (and was stopped).</exception>
    /// <exception cref="AwsServiceException">An Athena call failed.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; the query was stopped.</exception>
    public async Task<AthenaQueryOutcome> ExecuteAsync(string sql, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        var saved = new List<string>();
        var id = await _client.StartQueryExecutionAsync(
            _region, sql, _options.Database, _options.Catalog, _options.WorkGroup, _options.OutputLocation,
            Guid.NewGuid().ToString("N"), cancellationToken).ConfigureAwait(false);
        var folder = "athena/" + SafeName(id);
        await SaveAsync(saved, folder + "/query.sql", Encoding.UTF8.GetBytes(sql.EndsWith('\n') ? sql : sql + "\n"),
            $"athena:StartQueryExecution {_region} {Context()} QueryExecutionId={id}").ConfigureAwait(false);
        progress?.Report($"Athena query {id} started in {_region} ({Context()})");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        AthenaQueryExecution execution;
        byte[] executionBody;
        try
        {
            (execution, executionBody) = await PollAsync(id, folder, saved, progress, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var stopped = await StopAsync(id, folder, saved).ConfigureAwait(false);
            throw new AthenaQueryException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Athena query {id} ran longer than {_options.Timeout.TotalMinutes:0.#} min and was stopped ({Describe(stopped)})."),
                stopped ?? Unknown(id), Cost(stopped));
        }
        catch (OperationCanceledException)
        {
            await StopAsync(id, folder, saved).ConfigureAwait(false);
            throw;
        }
        catch (AthenaScanLimitException)
        {
            throw;
        }
        catch (Exception e) when (e is AwsServiceException or AwsConfigurationException)
        {
            await StopAsync(id, folder, saved).ConfigureAwait(false);
            throw;
        }

        await SaveAsync(saved, folder + "/execution.json", executionBody, $"athena:GetQueryExecution {_region} QueryExecutionId={id}").ConfigureAwait(false);
        var cost = AthenaCost.Of(execution, _options.PricePerTerabyte);
        if (execution.State != AthenaQueryState.Succeeded)
        {
            throw new AthenaQueryException(
                $"Athena query {id} {execution.State.ToString().ToUpperInvariant()}: {execution.Reason ?? "no reason given"} ({cost}).",
                execution, cost);
        }

        var (columns, rows, warnings) = await ReadResultsAsync(execution, folder, saved, progress, cancellationToken).ConfigureAwait(false);
        progress?.Report($"Athena query {id}: {rows.Count:N0} rows, {cost}");
        return new AthenaQueryOutcome(execution, columns, rows, cost, saved, warnings);
    }

    private async Task<(AthenaQueryExecution, byte[])> PollAsync(string id, string folder, List<string> saved, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var delay = _options.PollInitialDelay;
        while (true)
        {
            var (execution, body) = await _client.GetQueryExecutionAsync(_region, id, cancellationToken).ConfigureAwait(false);
            if (_options.MaxScanBytes is { } max && execution.DataScannedInBytes > max && execution.State != AthenaQueryState.Failed)
            {
                // Athena has no per-query limit the caller can set (only a workgroup's): stop it here.
                await _client.StopQueryExecutionAsync(_region, id, CancellationToken.None).ConfigureAwait(false);
                var (final, finalBody) = await _client.GetQueryExecutionAsync(_region, id, CancellationToken.None).ConfigureAwait(false);
                await SaveAsync(saved, folder + "/execution.json", finalBody, $"athena:GetQueryExecution {_region} QueryExecutionId={id}").ConfigureAwait(false);
                var cost = AthenaCost.Of(final, _options.PricePerTerabyte);
                throw new AthenaScanLimitException(
                    $"Athena query {id} was stopped: it scanned {AthenaCost.FormatBytes(execution.DataScannedInBytes)}, more than the " +
                    $"{AthenaCost.FormatBytes(max)} allowed (--max-scan-gb); narrow the time range, accounts or regions ({cost}).",
                    final, cost);
            }

            if (execution.HasEnded || execution.State == AthenaQueryState.Unknown)
            {
                return (execution, body);
            }

            progress?.Report($"Athena query {id}: {execution.State.ToString().ToUpperInvariant()}, {AthenaCost.FormatBytes(execution.DataScannedInBytes)} scanned");
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(_options.PollMaxDelay.TotalMilliseconds, delay.TotalMilliseconds * 1.5));
        }
    }

    private async Task<(IReadOnlyList<AthenaColumn>, IReadOnlyList<IReadOnlyList<string?>>, IReadOnlyList<string>)> ReadResultsAsync(
        AthenaQueryExecution execution, string folder, List<string> saved, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<string?>>();
        var warnings = new List<string>();
        IReadOnlyList<AthenaColumn> columns = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var number = 1; ; number++)
        {
            var page = await _client.GetQueryResultsAsync(_region, execution.Id, token, _options.PageSize, cancellationToken).ConfigureAwait(false);
            await SaveAsync(saved, string.Create(CultureInfo.InvariantCulture, $"{folder}/results-{number:D4}.json"), page.Body,
                string.Create(CultureInfo.InvariantCulture, $"athena:GetQueryResults {_region} QueryExecutionId={execution.Id} page {number}")).ConfigureAwait(false);
            if (number == 1)
            {
                columns = page.Columns;
            }

            var pageRows = page.Rows;
            if (number == 1 && IsDml(execution) && pageRows.Count > 0)
            {
                CheckHeader(execution.Id, columns, pageRows[0]);
                pageRows = [.. pageRows.Skip(1)];
            }

            rows.AddRange(pageRows);
            if (page.NextToken is null)
            {
                break;
            }

            if (!seen.Add(page.NextToken))
            {
                warnings.Add($"INCOMPLETE: GetQueryResults of Athena query {execution.Id} repeated a NextToken after page {number}; reading stopped with {rows.Count:N0} rows.");
                break;
            }

            token = page.NextToken;
            progress?.Report($"Athena query {execution.Id}: {rows.Count:N0} rows read");
        }

        return (columns, rows, warnings);
    }

    // Athena puts the column labels in the first row of a DML result's first page. A first row that is not them
    // means the response is not what the API documents: dropping it silently could lose a real row.
    private static void CheckHeader(string id, IReadOnlyList<AthenaColumn> columns, IReadOnlyList<string?> first)
    {
        if (columns.Count > 0 && !first.SequenceEqual(columns.Select(c => (string?)c.Name), StringComparer.Ordinal))
        {
            throw new AthenaQueryException(
                $"Athena query {id}: the first result row ({string.Join(", ", first)}) is not the header row ({string.Join(", ", columns.Select(c => c.Name))}).");
        }
    }

    private static bool IsDml(AthenaQueryExecution execution) =>
        execution.StatementType is null or "DML";

    // Cancellation must not leave a query running (and billing): stop it even though the caller's token is cancelled.
    private async Task<AthenaQueryExecution?> StopAsync(string id, string folder, List<string> saved)
    {
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _client.StopQueryExecutionAsync(_region, id, stopTimeout.Token).ConfigureAwait(false);
            var (execution, body) = await _client.GetQueryExecutionAsync(_region, id, stopTimeout.Token).ConfigureAwait(false);
            await SaveAsync(saved, folder + "/execution.json", body, $"athena:GetQueryExecution {_region} QueryExecutionId={id}").ConfigureAwait(false);
            return execution;
        }
        catch (Exception e) when (e is AwsServiceException or OperationCanceledException or AwsConfigurationException or EvidenceConflictException or IOException)
        {
            // Nothing else can be done here: the error the caller sees is the one that made us stop.
            return null;
        }
    }

    private async Task SaveAsync(List<string> saved, string path, ReadOnlyMemory<byte> content, string source)
    {
        if (_evidence is null)
        {
            return;
        }

        // Not cancellable: what AWS answered (and billed) is evidence even when the caller gave up.
        await _evidence.WriteAsync(path, content, source, null, CancellationToken.None).ConfigureAwait(false);
        saved.Add(path);
    }

    private string Context()
    {
        var parts = new List<string>();
        if (_options.WorkGroup is { } w)
        {
            parts.Add("workgroup=" + w);
        }

        if (_options.Catalog is { } c)
        {
            parts.Add("catalog=" + c);
        }

        if (_options.Database is { } d)
        {
            parts.Add("database=" + d);
        }

        if (_options.OutputLocation is { } o)
        {
            parts.Add("output=" + o);
        }

        return parts.Count == 0 ? "workgroup's defaults" : string.Join(' ', parts);
    }

    private AthenaCost Cost(AthenaQueryExecution? execution) =>
        execution is null ? AthenaCost.Free(0, _options.PricePerTerabyte) : AthenaCost.Of(execution, _options.PricePerTerabyte);

    private string Describe(AthenaQueryExecution? execution) =>
        execution is null ? "its final state could not be read" : $"{execution.State.ToString().ToUpperInvariant()}, {Cost(execution)}";

    private static AthenaQueryExecution Unknown(string id) => new(id, AthenaQueryState.Unknown, null, null, 0, 0, null, null, null);

    // Execution ids are UUIDs; anything else must not become a path in the evidence folder.
    private static string SafeName(string id) =>
        id.Length is > 0 and <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? id
            : throw new AwsServiceException(AwsErrorKind.Other, "athena", "StartQueryExecution", "", null, $"the QueryExecutionId '{id}' is not an id");
}
