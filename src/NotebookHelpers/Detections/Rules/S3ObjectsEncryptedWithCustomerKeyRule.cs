using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>S3 objects written with a customer-provided key (SSE-C): the ransomware way to make data unreadable.</summary>
public sealed class S3ObjectsEncryptedWithCustomerKeyRule() : QueryRule(
    id: "s3-objects-encrypted-with-customer-key",
    title: "S3 objects rewritten with a customer-provided key (SSE-C)",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.Impact, "T1486", "Data Encrypted for Impact"),
    filter: "eventSource = \"s3.amazonaws.com\" and eventName in [\"CopyObject\", \"PutObject\", \"CreateMultipartUpload\", \"UploadPartCopy\"] and ispresent(`requestParameters.x-amz-server-side-encryption-customer-algorithm`)",
    fields: ["requestParameters.bucketName", "requestParameters.key"],
    explanation: "With SSE-C, S3 encrypts an object with a key the caller sends and does not keep. An attacker who copies objects onto themselves (CopyObject) or re-uploads them with their own key makes them unreadable to the owner; AWS cannot recover them. This is how S3 ransomware works without downloading the data. The request carries x-amz-server-side-encryption-customer-algorithm (AES256); the key itself is never logged. S3 data events must be recorded for these calls to be in the trail.",
    recommendedAction: "Block the key at once (deactivate it; deny s3:PutObject with SSE-C by bucket or SCP policy: condition s3:x-amz-server-side-encryption-customer-algorithm), restore the objects from versions or backups, and list which objects were rewritten from these events.",
    falsePositives: "Applications that use SSE-C by design (rare; they do it for every write from the same principal).")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.FromHours(1);

    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var algorithm = CloudTrailFacts.Request(ev, "x-amz-server-side-encryption-customer-algorithm");
        var bucket = CloudTrailFacts.Request(ev, "bucketName");
        var failed = CloudTrailFacts.Succeeded(ev) ? "" : $" (failed: {ev.ErrorCode})";
        return new RuleMatch(ev, $"{ev.EventName} of objects in '{bucket}' with a customer-provided {algorithm} key{failed}");
    }
}
