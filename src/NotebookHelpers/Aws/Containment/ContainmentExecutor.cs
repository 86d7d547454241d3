using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.Iam;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Aws.Containment;

/// <summary>
/// Executes containment actions, only when confirmed: a dry run sends nothing. Every executed action, successful,
/// failed or of unknown outcome (no answer, cancelled), is appended to the evidence folder's actions log with who ran
/// it and when.
/// </summary>
public sealed class ContainmentExecutor
{
    private readonly IamClient _iam;
    private readonly EvidenceDirectory _evidence;
    private readonly string _executedBy;
    private readonly TimeProvider _clock;

    /// <summary>Creates an executor that logs to <paramref name="evidence"/> as <paramref name="executedBy"/> (the caller's ARN).</summary>
    public ContainmentExecutor(IamClient iam, EvidenceDirectory evidence, string executedBy, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(iam);
        ArgumentNullException.ThrowIfNull(evidence);
        _iam = iam;
        _evidence = evidence;
        _executedBy = executedBy;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Executes one action and logs it; rethrows the failure after logging it.</summary>
    public async Task<ContainmentRecord> ExecuteAsync(ContainmentAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var parameters = action.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        try
        {
            await _iam.ExecuteAsync(action.Operation, action.Parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            // Without an answer the request may still have reached IAM: the log must not claim nothing changed.
            var outcome = e.Kind == AwsErrorKind.Network
                ? "unknown (no answer from IAM; the change may have been made, check the current state): " + AwsErrorAdvice.Describe(e)
                : "failed: " + AwsErrorAdvice.Describe(e);
            await LogAsync(action, parameters, outcome).ConfigureAwait(false);
            throw;
        }
        catch (OperationCanceledException)
        {
            await LogAsync(action, parameters, "unknown (cancelled before IAM answered; the change may have been made, check the current state)").ConfigureAwait(false);
            throw;
        }

        return await LogAsync(action, parameters, "succeeded").ConfigureAwait(false);
    }

    private async Task<ContainmentRecord> LogAsync(ContainmentAction action, Dictionary<string, string> parameters, string outcome)
    {
        var record = new ContainmentRecord(_clock.GetUtcNow(), action.Operation, parameters, action.CliCommand, _executedBy, outcome);
        await _evidence.AppendActionAsync(record, CancellationToken.None).ConfigureAwait(false);
        return record;
    }
}
