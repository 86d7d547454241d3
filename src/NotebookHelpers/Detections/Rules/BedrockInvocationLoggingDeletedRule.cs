using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Bedrock model invocation logging turned off: the prompts and answers of what runs next are not kept.</summary>
public sealed class BedrockInvocationLoggingDeletedRule() : QueryRule(
    id: "bedrock-invocation-logging-deleted",
    title: "Bedrock model invocation logging deleted",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1562.008", "Impair Defenses: Disable or Modify Cloud Logs"),
    filter: "eventSource = \"bedrock.amazonaws.com\" and eventName = \"DeleteModelInvocationLoggingConfiguration\"",
    fields: ["errorCode"],
    explanation: "Model invocation logging records every prompt and answer sent through Bedrock. LLMjacking crews delete it before they resell access, so the owner cannot see what the models were used for. Even a failed attempt shows the intent.",
    recommendedAction: "Turn model invocation logging back on (PutModelInvocationLoggingConfiguration) and treat the caller's key as compromised; look for Bedrock invocations around this time.",
    falsePositives: "A platform team moving invocation logs to another destination (they usually put a new configuration right after).")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return CloudTrailFacts.Succeeded(ev)
            ? new RuleMatch(ev, $"Bedrock model invocation logging deleted in {ev.AwsRegion}")
            : new RuleMatch(ev, $"attempt to delete Bedrock model invocation logging in {ev.AwsRegion} failed ({ev.ErrorCode})", Severity.Medium);
    }
}
