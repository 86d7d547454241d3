using System.Text.RegularExpressions;
using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A security group rule that lets the whole internet in.</summary>
public sealed partial class SecurityGroupOpenedRule() : EventRule(
    id: "ec2-security-group-opened",
    title: "Security group opened to the internet",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Persistence, "T1098", "Account Manipulation"),
    insightsQuery: RuleQuery.Select("eventSource = \"ec2.amazonaws.com\" and eventName = \"AuthorizeSecurityGroupIngress\" and @message like /\"cidrIp(v6)?\"\\s*:\\s*\"[^\"]*\\/0\"/ and not ispresent(errorCode)", "requestParameters.groupId"),
    explanation: "An inbound rule from any address (a /0 range: 0.0.0.0/0 or ::/0) exposes the group's instances to everyone, e.g. SSH for the attacker's own access to an instance they launched or modified.",
    recommendedAction: "Remove the rule unless confirmed, and check which instances use the group.",
    falsePositives: "Public web servers opening 80/443 by design.")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "ec2.amazonaws.com" || ev.EventName != "AuthorizeSecurityGroupIngress" || !CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        var request = ev.GetString("requestParameters") ?? "";
        if (!AnyAddress().IsMatch(request))
        {
            return null;
        }

        var port = ev.GetString("requestParameters.ipPermissions.items.0.fromPort") ?? ev.GetString("requestParameters.fromPort");
        return new RuleMatch(ev, $"opened security group {CloudTrailFacts.Request(ev, "groupId")} to the internet{(port is null ? "" : " on port " + port)}");
    }

    [GeneratedRegex(@"""cidrIp(v6)?""\s*:\s*""[^""]*/0""", RegexOptions.CultureInvariant)]
    private static partial Regex AnyAddress();
}
