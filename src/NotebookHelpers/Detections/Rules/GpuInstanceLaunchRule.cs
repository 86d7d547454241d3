using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>RunInstances of GPU, accelerator or very large instance types: what crypto-miners ask for.</summary>
public sealed class GpuInstanceLaunchRule() : EventRule(
    id: "ec2-gpu-or-large-instance-launch",
    title: "GPU or very large instances launched",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.Impact, "T1496.001", "Resource Hijacking: Compute Hijacking"),
    insightsQuery: RuleQuery.Select(
        "eventSource = \"ec2.amazonaws.com\" and eventName = \"RunInstances\" and (requestParameters.instanceType like /^(p[0-9]|g[0-9]|inf|trn|dl|f[12]|vt1|x[0-9])/ or requestParameters.instanceType like /(metal|[0-9]{2}xlarge)$/ or requestParameters.instanceType.value like /^(p[0-9]|g[0-9]|inf|trn|dl|f[12]|vt1)/)",
        "requestParameters.instanceType", "requestParameters.instancesSet.items.0.maxCount"),
    explanation: "Mining crews launch the instance types with the most GPU or CPU per dollar of someone else's money: GPU families (p, g), accelerators (inf, trn, dl, f1), memory giants (x) and 16xlarge-or-bigger sizes. Refused attempts (Client.UnauthorizedOperation, VcpuLimitExceeded) are reported too: they show intent. instanceType is read whether it is written as a string or as {\"value\": …}.",
    recommendedAction: "Terminate unknown instances in every region after saving evidence (user data, volumes), contain the key, and look for RunInstances in other regions.",
    falsePositives: "Machine-learning and HPC teams launching GPU capacity.")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.FromHours(1);

    /// <summary>True for GPU, accelerator, memory-giant families and sizes of 16xlarge and above (and metal).</summary>
    public static bool IsUnusualType(string? instanceType)
    {
        if (string.IsNullOrEmpty(instanceType))
        {
            return false;
        }

        var dot = instanceType.IndexOf('.', StringComparison.Ordinal);
        var family = dot < 0 ? instanceType : instanceType[..dot];
        var size = dot < 0 ? "" : instanceType[(dot + 1)..];
        if (family.Length >= 2 && family[0] is 'p' or 'g' or 'x' && char.IsAsciiDigit(family[1]))
        {
            return true;
        }

        if (family.StartsWith("inf", StringComparison.Ordinal) || family.StartsWith("trn", StringComparison.Ordinal) ||
            family.StartsWith("dl", StringComparison.Ordinal) || family is "f1" or "f2" or "vt1")
        {
            return true;
        }

        if (size.Contains("metal", StringComparison.Ordinal))
        {
            return true;
        }

        var x = size.IndexOf("xlarge", StringComparison.Ordinal);
        return x > 0 && int.TryParse(size[..x], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 16;
    }

    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "ec2.amazonaws.com" || ev.EventName != "RunInstances" || ev.ErrorCode == "Client.DryRunOperation")
        {
            return null;
        }

        var type = CloudTrailFacts.InstanceType(ev);
        if (!IsUnusualType(type))
        {
            return null;
        }

        var count = ev.GetString("requestParameters.instancesSet.items.0.maxCount") ?? "?";
        return CloudTrailFacts.Succeeded(ev)
            ? new RuleMatch(ev, $"launched {type} (up to {count}) in {ev.AwsRegion}")
            : new RuleMatch(ev, $"tried to launch {type} (up to {count}) in {ev.AwsRegion}: {ev.ErrorCode}");
    }
}
