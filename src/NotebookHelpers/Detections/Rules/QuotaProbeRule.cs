using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>EC2 quota look-ups and launches refused for quota: sizing how much can be mined.</summary>
public sealed class QuotaProbeRule() : EventRule(
    id: "ec2-quota-probe",
    title: "EC2 quota probe",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Discovery, "T1580", "Cloud Infrastructure Discovery"),
    insightsQuery: RuleQuery.Select(
        "(eventSource = \"servicequotas.amazonaws.com\" and eventName in [\"GetServiceQuota\", \"ListServiceQuotas\", \"RequestServiceQuotaIncrease\", \"GetAWSDefaultServiceQuota\"]) or errorCode in [\"VcpuLimitExceeded\", \"InstanceLimitExceeded\", \"MaxSpotInstanceCountExceeded\"]",
        "requestParameters.serviceCode", "requestParameters.quotaCode"),
    explanation: "Before launching miners, attackers read the EC2 vCPU quotas (Service Quotas, e.g. code L-1216C47A for on-demand standard instances) in region after region, or discover them by hitting VcpuLimitExceeded. Quota increase requests mean they want more.",
    recommendedAction: "Check for RunInstances by the same key in every region; deny quota increases you did not ask for in the support centre.",
    falsePositives: "Capacity planning by the platform team, the console's Service Quotas page.")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.FromHours(1);

    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.ErrorCode is "VcpuLimitExceeded" or "InstanceLimitExceeded" or "MaxSpotInstanceCountExceeded")
        {
            return new RuleMatch(ev, $"{ev.EventName} hit {ev.ErrorCode} in {ev.AwsRegion}");
        }

        if (ev.EventSource != "servicequotas.amazonaws.com" || ev.EventName is not ("GetServiceQuota" or "ListServiceQuotas" or "RequestServiceQuotaIncrease" or "GetAWSDefaultServiceQuota") ||
            CloudTrailFacts.IsConsoleSession(ev))
        {
            return null;
        }

        var service = CloudTrailFacts.Request(ev, "serviceCode");
        if (service is not null && service != "ec2")
        {
            return null;
        }

        var quota = CloudTrailFacts.Request(ev, "quotaCode");
        return ev.EventName == "RequestServiceQuotaIncrease"
            ? new RuleMatch(ev, $"asked for an EC2 quota increase ({quota}) in {ev.AwsRegion}", Severity.High)
            : new RuleMatch(ev, $"read EC2 quota {quota ?? "(all)"} in {ev.AwsRegion}");
    }
}
