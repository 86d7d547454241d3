using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>
/// LLMjacking: a key used to find, unlock and run Bedrock models. Unlocking a model (use-case form, agreement,
/// entitlement) is high, running one is medium, looking at what is available or whether invocations are logged is low.
/// </summary>
public sealed class BedrockModelAbuseRule() : QueryRule(
    id: "bedrock-model-abuse",
    title: "Bedrock models probed, unlocked or invoked (LLMjacking)",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Impact, "T1496.004", "Resource Hijacking: Cloud Service Hijacking"),
    filter: "eventSource = \"bedrock.amazonaws.com\" and eventName in " + RuleQuery.List(Names) + " and " + RuleQuery.NotMadeByAws,
    fields: ["requestParameters.modelId", "errorCode"],
    explanation: "Stolen keys are sold and used to run large language models on the victim's bill (LLMjacking), often within minutes of a leak. The pattern: check which models the key may use (GetFoundationModelAvailability, ListFoundationModels) and whether prompts are logged (GetModelInvocationLoggingConfiguration); unlock a model the account never used (PutUseCaseForModelAccess, CreateFoundationModelAgreement, PutFoundationModelEntitlement), which is high; then run it (InvokeModel, InvokeModelWithResponseStream, Converse, ConverseStream). Denied calls count too: they show the attempt.",
    recommendedAction: "Deactivate the key, check Bedrock model access (Model access page) and remove models nobody asked for, turn on model invocation logging, read the bill for Bedrock charges per region, and ask AWS support about charges from abuse.",
    falsePositives: "Teams starting to use Bedrock (the first model access request and agreement); applications calling models through a role from inside AWS.")
{
    private static readonly string[] Probes = ["GetFoundationModelAvailability", "ListFoundationModels", "GetFoundationModel", "GetModelInvocationLoggingConfiguration", "ListFoundationModelAgreementOffers"];
    private static readonly string[] Unlocks = ["PutUseCaseForModelAccess", "CreateFoundationModelAgreement", "PutFoundationModelEntitlement"];
    private static readonly string[] Invocations = ["InvokeModel", "InvokeModelWithResponseStream", "Converse", "ConverseStream"];
    private static readonly string[] Names = [.. Probes, .. Unlocks, .. Invocations];

    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var name = ev.EventName!;
        var model = CloudTrailFacts.Request(ev, "modelId");
        var on = model is null ? "" : $" {model}";
        var failed = CloudTrailFacts.Succeeded(ev) ? "" : $" (failed: {ev.ErrorCode})";
        if (Unlocks.Contains(name))
        {
            return new RuleMatch(ev, $"{name}: model access unlocked{on}{failed}", Severity.High);
        }

        return Invocations.Contains(name)
            ? new RuleMatch(ev, $"{name}: model invoked{on}{failed}")
            : new RuleMatch(ev, $"{name}: model availability or logging checked{on}{failed}", Severity.Low);
    }
}
