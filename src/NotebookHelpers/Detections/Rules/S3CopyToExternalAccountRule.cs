using System.Text.Json;
using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>CopyObject between buckets of different accounts: data copied out of the account.</summary>
public sealed class S3CopyToExternalAccountRule() : EventRule(
    id: "s3-copy-to-external-account",
    title: "S3 object copied to another account's bucket",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.Exfiltration, "T1537", "Transfer Data to Cloud Account"),
    insightsQuery: RuleQuery.Select("eventSource = \"s3.amazonaws.com\" and eventName = \"CopyObject\" and not ispresent(errorCode)", "requestParameters.bucketName", "`requestParameters.x-amz-copy-source`", "resources.0.accountId", "resources.2.accountId"),
    explanation: "CopyObject whose buckets belong to different accounts (the resources list names each bucket's owner) moves data into someone else's account in one call, without downloading it. The accounts are compared in code.",
    recommendedAction: "Identify the destination account; if it is not yours, the copied objects are exposed: list them from the evidence and report.",
    falsePositives: "Cross-account data sharing with partners or your own other accounts.")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "s3.amazonaws.com" || ev.EventName != "CopyObject" || !CloudTrailFacts.Succeeded(ev) ||
            ev.GetField("resources") is not { ValueKind: JsonValueKind.Array } resources)
        {
            return null;
        }

        var own = ev.RecipientAccountId ?? ev.UserIdentity?.AccountId;
        var accounts = resources.EnumerateArray()
            .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("type", out var t) && t.GetString() == "AWS::S3::Bucket" && r.TryGetProperty("accountId", out _))
            .Select(r => r.GetProperty("accountId").GetString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var foreign = accounts.Where(a => a is not null && a != own).ToList();
        return foreign.Count == 0
            ? null
            : new RuleMatch(ev, $"copied '{CloudTrailFacts.Request(ev, "x-amz-copy-source")}' to bucket '{CloudTrailFacts.Request(ev, "bucketName")}' across accounts ({string.Join(", ", foreign)})");
    }
}
