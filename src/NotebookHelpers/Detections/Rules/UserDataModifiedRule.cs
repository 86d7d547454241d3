using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>An instance's user data replaced: code that runs as root at next start.</summary>
public sealed class UserDataModifiedRule() : QueryRule(
    id: "ec2-user-data-modified",
    title: "Instance user data modified",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Execution, "T1059.009", "Command and Scripting Interpreter: Cloud API"),
    filter: "eventSource = \"ec2.amazonaws.com\" and eventName = \"ModifyInstanceAttribute\" and ispresent(requestParameters.userData) and " + RuleQuery.Succeeded,
    fields: ["requestParameters.instanceId"],
    explanation: "User data is a script the instance runs as root when it starts. Stopping an instance, replacing its user data and starting it again runs the attacker's code on it with the instance role's credentials.",
    recommendedAction: "Retrieve the instance's user data (DescribeInstanceAttribute) as evidence, restore it and check what ran.",
    falsePositives: "Operators fixing a start-up script.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"replaced the user data of instance {CloudTrailFacts.Request(ev, "instanceId")}");
    }
}
