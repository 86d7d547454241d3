using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident.Scenario;

/// <summary>
/// <c>AssumeRole</c> as CloudTrail records it: one record when the caller and the role share an account (or the
/// caller is an AWS service), two records with the same <c>sharedEventID</c> and request ID when the role is in
/// another account, one delivered to each account.
/// </summary>
internal static class StsRecords
{
    public sealed record AssumeRoleResult(IReadOnlyList<TrailEvent> Records, AssumedRoleIdentity Session, DateTimeOffset Expiration);

    public static AssumeRoleResult AssumeRole(
        RecordFactory f,
        DateTimeOffset time,
        Identity caller,
        RoleDefinition role,
        string sessionName,
        string region,
        string sourceIp,
        string userAgent,
        int durationSeconds = 3600,
        string? sessionKeyId = null,
        bool includeDuration = true,
        string? invokedByService = null,
        string? callerAccount = null,
        string? ec2RoleDelivery = null,
        string? vpcEndpointId = null)
    {
        var keyId = sessionKeyId ?? f.SessionKeyId();
        var expiration = time.AddSeconds(durationSeconds);
        var request = new JsonMap { { "roleArn", role.Arn }, { "roleSessionName", sessionName } };
        if (includeDuration)
        {
            request.Add("durationSeconds", durationSeconds);
        }

        var response = new JsonMap
        {
            {
                "credentials", new JsonMap
                {
                    { "accessKeyId", keyId },
                    { "sessionToken", f.SessionToken() },
                    { "expiration", Timestamps.StsDate(expiration) },
                }
            },
            {
                "assumedRoleUser", new JsonMap
                {
                    { "assumedRoleId", $"{role.RoleId}:{sessionName}" },
                    { "arn", $"arn:aws:sts::{role.AccountId}:assumed-role/{role.Name}/{sessionName}" },
                }
            },
        };
        object?[] resources = [new JsonMap { { "accountId", role.AccountId }, { "type", "AWS::IAM::Role" }, { "ARN", role.Arn } }];
        var session = new AssumedRoleIdentity(role, sessionName, keyId, time, ec2RoleDelivery: ec2RoleDelivery);

        var fromService = invokedByService is not null;
        var origin = callerAccount ?? (fromService ? role.AccountId : RecordFactory.AccountOf(caller));
        var crossAccount = !fromService && origin != role.AccountId;
        var sharedEventId = fromService || crossAccount ? f.Random.Uuid() : null;
        var first = f.Call(time, caller, "sts", "AssumeRole", region, sourceIp, userAgent, true, request, response,
            recipientAccount: crossAccount ? origin : role.AccountId, resources: resources, noTls: fromService,
            sharedEventId: sharedEventId, vpcEndpointId: vpcEndpointId);
        if (!crossAccount)
        {
            return new AssumeRoleResult([first], session, expiration);
        }

        var second = new TrailEvent
        {
            Time = first.Time,
            EventVersion = first.EventVersion,
            Identity = first.Identity,
            EventSource = first.EventSource,
            EventName = first.EventName,
            Region = first.Region,
            SourceIp = first.SourceIp,
            UserAgent = first.UserAgent,
            RequestParameters = first.RequestParameters,
            ResponseElements = first.ResponseElements,
            RequestId = first.RequestId,
            EventId = f.Random.Uuid(),
            ReadOnly = true,
            Resources = first.Resources,
            RecipientAccountId = role.AccountId,
            SharedEventId = sharedEventId,
            TlsHost = first.TlsHost,
        };
        return new AssumeRoleResult([first, second], session, expiration);
    }
}
