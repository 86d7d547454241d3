using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Bucket policy, ACL or public-access-block changes; high when they make data public.</summary>
public sealed class BucketExposureChangedRule() : EventRule(
    id: "s3-bucket-access-changed",
    title: "S3 bucket policy, ACL or public access block changed",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Exfiltration, "T1537", "Transfer Data to Cloud Account"),
    insightsQuery: RuleQuery.Select(
        "eventSource = \"s3.amazonaws.com\" and eventName in [\"PutBucketPolicy\", \"PutBucketAcl\", \"DeleteBucketPolicy\", \"PutBucketPublicAccessBlock\", \"DeleteBucketPublicAccessBlock\", \"PutAccountPublicAccessBlock\", \"DeleteAccountPublicAccessBlock\", \"PutBucketReplication\"] and not ispresent(errorCode)",
        "requestParameters.bucketName"),
    explanation: "Changing a bucket policy or ACL can hand the data to anyone (Principal \"*\", AllUsers) or to the attacker's own account; removing the public access block lifts the guard that prevents that; replication copies every new object elsewhere. Changes that open data to everyone or remove a block are high; a policy change by an infrastructure-as-code tool (its user agent) that opens the bucket to no one outside the account is Info.",
    recommendedAction: "Compare the new policy or ACL with the intended one, restore it, turn the public access block back on, and check S3 access logs for reads since the change.",
    falsePositives: "Infrastructure-as-code managing bucket policies; static website buckets.")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "s3.amazonaws.com" || !CloudTrailFacts.Succeeded(ev) || CloudTrailFacts.IsMadeByAws(ev))
        {
            return null;
        }

        var bucket = CloudTrailFacts.Request(ev, "bucketName") ?? "(account)";
        var request = ev.GetString("requestParameters") ?? "";
        switch (ev.EventName)
        {
            case "PutBucketPolicy":
                var policy = IamPolicyDocument.TryParse(ev.GetString("requestParameters.bucketPolicy"));
                if (policy is { TrustsAnyone: true })
                {
                    return new RuleMatch(ev, $"bucket policy of '{bucket}' allows anyone", Severity.High);
                }

                var external = policy?.ExternalAccounts(ev.RecipientAccountId ?? ev.UserIdentity?.AccountId) ?? [];
                if (external.Count > 0)
                {
                    return new RuleMatch(ev, $"bucket policy of '{bucket}' grants account {string.Join(", ", external)}", Severity.High);
                }

                return CloudTrailFacts.InfrastructureAsCodeTool(ev.UserAgent) is { } tool
                    ? new RuleMatch(ev, $"bucket policy of '{bucket}' changed by {tool} (infrastructure-as-code), opening it to no one outside the account", Severity.Info)
                    : new RuleMatch(ev, $"bucket policy of '{bucket}' changed");
            case "PutBucketAcl":
                return request.Contains("AllUsers", StringComparison.Ordinal) || request.Contains("AuthenticatedUsers", StringComparison.Ordinal) ||
                       request.Contains("public-read", StringComparison.Ordinal)
                    ? new RuleMatch(ev, $"ACL of '{bucket}' made public", Severity.High)
                    : new RuleMatch(ev, $"ACL of '{bucket}' changed");
            case "DeleteBucketPolicy":
                return new RuleMatch(ev, $"bucket policy of '{bucket}' deleted", Severity.Low);
            case "DeleteBucketPublicAccessBlock":
            case "DeleteAccountPublicAccessBlock":
                return new RuleMatch(ev, $"public access block removed from {(ev.EventName.StartsWith("DeleteAccount", StringComparison.Ordinal) ? "the account" : "'" + bucket + "'")}", Severity.High);
            case "PutBucketPublicAccessBlock":
            case "PutAccountPublicAccessBlock":
                return request.Contains("\"BlockPublicAcls\":false", StringComparison.OrdinalIgnoreCase) || request.Contains("\"RestrictPublicBuckets\":false", StringComparison.OrdinalIgnoreCase) ||
                       request.Contains("\"BlockPublicPolicy\":false", StringComparison.OrdinalIgnoreCase) || request.Contains("\"IgnorePublicAcls\":false", StringComparison.OrdinalIgnoreCase)
                    ? new RuleMatch(ev, $"public access block of {bucket} weakened", Severity.High)
                    : null;
            case "PutBucketReplication":
                return new RuleMatch(ev, $"replication configured on '{bucket}'");
            default:
                return null;
        }
    }
}
