using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Commands or shells on instances through AWS: SSM Run Command and Session Manager, EC2 Instance Connect, the serial console.</summary>
public sealed class InstanceCommandExecutionRule() : QueryRule(
    id: "instance-command-execution",
    title: "Command or shell on an instance through AWS",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Execution, "T1651", "Cloud Administration Command"),
    filter: "((eventSource = \"ssm.amazonaws.com\" and eventName in [\"SendCommand\", \"StartSession\"]) or (eventSource = \"ec2-instance-connect.amazonaws.com\" and eventName in [\"SendSSHPublicKey\", \"SendSerialConsoleSSHPublicKey\"]) or (eventSource = \"ec2.amazonaws.com\" and eventName = \"EnableSerialConsoleAccess\")) and " + RuleQuery.NotMadeByAws,
    fields: ["requestParameters.target", "requestParameters.instanceId", "requestParameters.documentName"],
    explanation: "With ssm:SendCommand a key runs scripts as root on every managed instance it names (AWS-RunShellScript), StartSession opens a shell, SendSSHPublicKey (EC2 Instance Connect) pushes a key that logs in for 60 seconds, and EnableSerialConsoleAccess with SendSerialConsoleSSHPublicKey reaches an instance's console even when its network is closed. Attackers use them to steal instance credentials, install miners or move inside the network, without any login on the instance's own records. Turning the serial console on for the account is high.",
    recommendedAction: "Read which instances and which document or user the call named, then the command output (GetCommandInvocation, Session Manager logs) and the instances' own logs; isolate the instances if the caller is not known.",
    falsePositives: "Administrators and patching automation (Systems Manager State Manager, Patch Manager run from AWS: their calls are made by the service and not reported).")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var failed = CloudTrailFacts.Succeeded(ev) ? "" : $" (failed: {ev.ErrorCode})";
        return ev.EventName switch
        {
            "SendCommand" => new RuleMatch(ev, $"SendCommand {CloudTrailFacts.Request(ev, "documentName")} on {Instances(ev)}{failed}"),
            "StartSession" => new RuleMatch(ev, $"StartSession on {CloudTrailFacts.Request(ev, "target")}{failed}"),
            "SendSSHPublicKey" => new RuleMatch(ev,
                $"SSH key pushed to {CloudTrailFacts.Request(ev, "instanceId")} for OS user '{CloudTrailFacts.Request(ev, "instanceOSUser")}'{failed}"),
            "SendSerialConsoleSSHPublicKey" => new RuleMatch(ev, $"serial console SSH key pushed to {CloudTrailFacts.Request(ev, "instanceId")}{failed}"),
            _ => new RuleMatch(ev, $"EC2 serial console access enabled for the account in {ev.AwsRegion}{failed}", Severity.High),
        };
    }

    private static string Instances(CloudTrailEvent ev)
    {
        var ids = new List<string>();
        for (var i = 0; i < 50 && ev.GetString($"requestParameters.instanceIds.{i}") is { } id; i++)
        {
            ids.Add(id);
        }

        return ids.Count switch
        {
            0 => "targets chosen by tag",
            <= 3 => string.Join(", ", ids),
            _ => $"{string.Join(", ", ids.Take(3))} and {ids.Count - 3} more",
        };
    }
}
