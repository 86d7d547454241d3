using NotebookHelpers.SampleIncident.Attack;
using NotebookHelpers.SampleIncident.Output;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Stories;

/// <summary>
/// The committed sample: recon, an administrator backdoor user, GPU instances in every region, an S3 download,
/// trail tampering, lateral movement, AWS's quarantine and a partial containment (<see cref="AttackScript.Build"/>).
/// </summary>
internal sealed class MiningStory : IncidentStory
{
    public const string Name = "mining";

    public override SampleScenario Scenario { get; } = new(Name,
        "Leaked IAM user access key in a public repository (Northwind, 11 March 2025)",
        "Crypto-mining: recon, a backdoor administrator, GPU instances in 17 regions, customer exports downloaded, trail tampering, lateral movement.",
        Cast.LeakedAccessKeyId,
        ["recon-discovery-burst", "ses-abuse", "ec2-quota-probe", "iam-user-created", "iam-admin-policy-attached", "iam-access-key-for-other-user",
         "iam-login-profile-for-other-user", "access-denied-after-containment"]);

    public override AttackScript Build(long seed) => AttackScript.Build(seed);

    public override void WriteAnswerKey(string path, AttackScript attack, SampleIncidentSummary summary, string exportTaskId,
        IReadOnlyList<DeletedLogObject> deleted, string signingKeyFingerprint) =>
        AnswerKeyWriter.Write(path, attack, summary, exportTaskId, deleted, signingKeyFingerprint);
}
