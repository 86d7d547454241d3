using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.Iam;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Aws.Containment;

/// <summary>
/// Executes containment actions, only when confirmed: a dry run sends nothing. Every executed action, successful or
/// not, is appended to the evidence folder's actions log with who ran it and when.
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
            var failed = new ContainmentRecord(_clock.GetUtcNow(), action.Operation, parameters, action.CliCommand, _executedBy, "failed: " + AwsErrorAdvice.Describe(e));
            await _evidence.AppendActionAsync(failed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var record = new ContainmentRecord(_clock.GetUtcNow(), action.Operation, parameters, action.CliCommand, _executedBy, "succeeded");
        await _evidence.AppendActionAsync(record, CancellationToken.None).ConfigureAwait(false);
        return record;
    }
}
