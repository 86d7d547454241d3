using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>
/// Denied StopLogging and DeleteTrail, the attacker turns to the trail's bucket. Its policy lets the production
/// account delete production's own log objects (granted for a log-pruning job), and the backdoor user is an
/// administrator there: it deletes the object holding its AssumeRole into analytics. CloudTrail records no trace of
/// it (the trail logs S3 data events for the exports bucket only); the digest chain does, and the analytics account's
/// copy of the call (same sharedEventID) and the CloudWatch Logs copy remain.
/// </summary>
internal static class TrailTamperingPhase
{
    public static readonly DateTimeOffset DeletedAt = Timeline.At(11, 3, 12);

    public static void Run(AttackContext c)
    {
        var assumeRole = c.Planted.Single(p => p.Phase == LateralMovementPhase.Phase && p.Record.EventName == "AssumeRole" &&
                                                p.Record.RecipientAccountId == Accounts.Production).Record;
        c.Deletions.Add(new LogObjectDeletion(DeletedAt, assumeRole, AttackContext.BackdoorKey, Cast.OperatorIp,
            "hide the backdoor key's AssumeRole into the analytics account",
            $"s3:DeleteObject on s3://{Accounts.TrailBucket}/AWSLogs/{Accounts.OrganizationId}/{Accounts.Production}/…, allowed by the bucket policy's grant to " +
            $"account {Accounts.Production} (for a log-pruning job) and the backdoor user's AdministratorAccess; not in any log: the trail records S3 data " +
            $"events for {Accounts.SensitiveBucket} only"));
    }
}
