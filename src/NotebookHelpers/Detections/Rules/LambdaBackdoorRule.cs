using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A Lambda function opened to the world, its code replaced, or a layer added.</summary>
public sealed class LambdaBackdoorRule() : EventRule(
    id: "lambda-function-backdoored",
    title: "Lambda function code, layers or permissions changed",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Persistence, "T1648", "Serverless Execution"),
    insightsQuery: RuleQuery.Select("eventSource = \"lambda.amazonaws.com\" and eventName like /^(AddPermission|UpdateFunctionCode|UpdateFunctionConfiguration)/ and not ispresent(errorCode)", "requestParameters.functionName", "requestParameters.principal"),
    explanation: "Replacing a function's code or adding a layer runs the attacker's code with the function's role each time it is invoked; a resource policy for principal \"*\" lets anyone invoke it. All three are quiet ways to keep access.",
    recommendedAction: "Compare the function's code hash and layers with your deployment, remove unknown permissions, redeploy from source.",
    falsePositives: "Normal deployments (compare with the deploying pipeline's principal).")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "lambda.amazonaws.com" || ev.EventName is null || !CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        var function = CloudTrailFacts.Request(ev, "functionName");
        if (ev.EventName.StartsWith("AddPermission", StringComparison.Ordinal))
        {
            var principal = CloudTrailFacts.Request(ev, "principal");
            return principal == "*"
                ? new RuleMatch(ev, $"function '{function}' made invocable by anyone", Severity.High)
                : new RuleMatch(ev, $"function '{function}' made invocable by {principal}", Severity.Low);
        }

        if (ev.EventName.StartsWith("UpdateFunctionCode", StringComparison.Ordinal))
        {
            return new RuleMatch(ev, $"code of function '{function}' replaced");
        }

        return ev.EventName.StartsWith("UpdateFunctionConfiguration", StringComparison.Ordinal) && ev.GetField("requestParameters.layers") is not null
            ? new RuleMatch(ev, $"layers of function '{function}' changed")
            : null;
    }
}
