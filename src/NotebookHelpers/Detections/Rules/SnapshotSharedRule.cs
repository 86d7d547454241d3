using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>An EBS snapshot, AMI or RDS snapshot shared with another account or made public.</summary>
public sealed class SnapshotSharedRule() : EventRule(
    id: "snapshot-or-image-shared",
    title: "Snapshot or image shared outside the account",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.Exfiltration, "T1537", "Transfer Data to Cloud Account"),
    insightsQuery: RuleQuery.Select(
        "eventName in [\"ModifySnapshotAttribute\", \"ModifyImageAttribute\", \"ModifyDBSnapshotAttribute\", \"ModifyDBClusterSnapshotAttribute\"] and not ispresent(errorCode)",
        "requestParameters.snapshotId", "requestParameters.imageId", "requestParameters.dBSnapshotIdentifier", "requestParameters.valuesToAdd.0"),
    explanation: "Sharing a disk snapshot, machine image or database snapshot with another account lets that account create a copy of the whole disk or database: the quietest way to take all the data at once. Adding \"all\" makes it public.",
    recommendedAction: "Remove the permission (the same call with remove), find the receiving account in the evidence, and treat the data in the snapshot as exposed.",
    falsePositives: "AMIs shared with your own other accounts by a build pipeline.")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (!CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        switch (ev.EventName)
        {
            case "ModifySnapshotAttribute" or "ModifyImageAttribute":
            {
                var attribute = ev.EventName == "ModifySnapshotAttribute" ? "createVolumePermission" : "launchPermission";
                var added = ev.GetField($"requestParameters.{attribute}.add.items");
                if (added is null || added.Value.ValueKind != System.Text.Json.JsonValueKind.Array || added.Value.GetArrayLength() == 0)
                {
                    return null;
                }

                var with = string.Join(", ", added.Value.EnumerateArray().Select(i => i.TryGetProperty("userId", out var u) ? u.GetString() : i.TryGetProperty("group", out var g) ? g.GetString() : null).Where(v => v is not null));
                var what = ev.EventName == "ModifySnapshotAttribute" ? $"snapshot {CloudTrailFacts.Request(ev, "snapshotId")}" : $"image {CloudTrailFacts.Request(ev, "imageId")}";
                return new RuleMatch(ev, $"shared {what} with {(with.Contains("all", StringComparison.Ordinal) ? "everyone" : "account " + with)}");
            }

            case "ModifyDBSnapshotAttribute" or "ModifyDBClusterSnapshotAttribute":
            {
                if (ev.GetField("requestParameters.valuesToAdd") is not { ValueKind: System.Text.Json.JsonValueKind.Array } values || values.GetArrayLength() == 0)
                {
                    return null;
                }

                var with = string.Join(", ", values.EnumerateArray().Select(v => v.GetString()));
                var id = CloudTrailFacts.Request(ev, "dBSnapshotIdentifier") ?? CloudTrailFacts.Request(ev, "dBClusterSnapshotIdentifier");
                return new RuleMatch(ev, $"shared database snapshot {id} with {(with.Contains("all", StringComparison.Ordinal) ? "everyone" : "account " + with)}");
            }

            default:
                return null;
        }
    }
}
