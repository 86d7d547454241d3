using System.Text.RegularExpressions;
using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>An EC2 instance's role credentials used from an outside IP: they were stolen from the instance.</summary>
public sealed partial class InstanceCredentialsUsedExternallyRule() : StatefulRule(
    id: "ec2-instance-credentials-used-externally",
    title: "EC2 instance credentials used from outside",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.CredentialAccess, "T1552.005", "Unsecured Credentials: Cloud Instance Metadata API"),
    insightsQuery: RuleQuery.Select(
        "userIdentity.type = \"AssumedRole\" and userIdentity.arn like /\\/i-[0-9a-fA-F]{8,17}$/ and not ispresent(userIdentity.invokedBy) and sourceIPAddress not like /amazonaws\\.com|AWS Internal|^10\\.|^192\\.168\\.|^172\\.(1[6-9]|2[0-9]|3[01])\\./ and eventSource not in [\"ssm.amazonaws.com\", \"ssmmessages.amazonaws.com\", \"ec2messages.amazonaws.com\"]",
        "userAgent"),
    explanation: "Credentials of an instance role (the session is named after the instance, i-…) were used from a public IP address. Instances call AWS from their private addresses or through AWS services; a public caller means the credentials left the instance (SSRF to the metadata service, a compromised host). Instances behind a NAT gateway do call from its public address, so the rule learns each role's addresses: an address first seen during the baseline (or from the same network as one) is Info, a new one afterwards is High. The SSM agent's own channels are left out.",
    recommendedAction: "Revoke the role's sessions (deny with aws:TokenIssueTime), require IMDSv2 on the instance, find how the credentials were taken, and follow what the session did.",
    falsePositives: "Instances in public subnets that call AWS through their public IP without a VPC endpoint (the source IP is then the instance's own address).")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.FromHours(1);

    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Evaluator(options);
    }

    /// <summary>True when the event is an instance role session calling from a public client address.</summary>
    public static bool IsExternalInstanceCall(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var identity = ev.UserIdentity;
        if (identity?.Type != "AssumedRole" || identity.InvokedBy is not null || identity.Arn is null || !InstanceSession().IsMatch(identity.Arn) ||
            ev.EventSource is "ssm.amazonaws.com" or "ssmmessages.amazonaws.com" or "ec2messages.amazonaws.com" ||
            ev.UserAgent?.StartsWith("amazon-ssm-agent", StringComparison.OrdinalIgnoreCase) == true ||
            CloudTrailFacts.IsAwsSource(ev.SourceIPAddress) || IsPrivate(ev.SourceIPAddress!))
        {
            return false;
        }

        return true;
    }

    private static bool IsPrivate(string ip)
    {
        if (!System.Net.IPAddress.TryParse(ip, out var address))
        {
            return false;
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || System.Net.IPAddress.IsLoopback(address) || (address.GetAddressBytes()[0] & 0xFE) == 0xFC;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || b[0] == 127 || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }

    private sealed class Evaluator : IRuleEvaluator
    {
        private readonly HashSet<(string Role, string Network)> _known = [];
        private readonly BaselineWindow _baseline;

        public Evaluator(DetectionOptions options)
        {
            // A lone early use of instance credentials is no baseline: the uses of the period that follows are.
            _baseline = new BaselineWindow(options.BaselinePeriod, _known.Clear);
        }

        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            var inBaseline = _baseline.Observe(ev.EventTime);
            if (!IsExternalInstanceCall(ev))
            {
                return;
            }

            var role = ev.UserIdentity!.SessionContext?.SessionIssuer?.Arn ?? ev.UserIdentity.Arn!.Split('/')[1];
            var network = CloudTrailFacts.NetworkOf(ev.SourceIPAddress) ?? ev.SourceIPAddress!;
            var isNew = _known.Add((role, network));
            if (!isNew)
            {
                return;
            }

            var instance = CloudTrailFacts.LastSegment(ev.UserIdentity.Arn);
            report(inBaseline
                ? new RuleMatch(ev, $"credentials of instance {instance} used from {ev.SourceIPAddress} during the baseline period", Severity.Info)
                : new RuleMatch(ev, $"credentials of instance {instance} used from {ev.SourceIPAddress}, an address this role never used"));
        }

        public void Complete(Action<RuleMatch> report)
        {
        }
    }

    [GeneratedRegex(@":assumed-role/[^/]+/i-[0-9a-fA-F]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceSession();
}
