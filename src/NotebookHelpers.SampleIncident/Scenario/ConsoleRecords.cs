using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident.Scenario;

/// <summary>Console sign-in records (<c>AwsConsoleSignIn</c>), in the shapes of the CloudTrail user guide.</summary>
internal static class ConsoleRecords
{
    public static TrailEvent IamUserLogin(RecordFactory f, DateTimeOffset time, string account, string userName, string userId,
        string sourceIp, string userAgent, bool mfa, bool success = true)
    {
        var identity = success
            ? new IamUserIdentity(account, userName, userId, null)
            : new IamUserIdentity(account, userName, userId, null, emptyAccessKey: true, includeArn: false);
        var additional = new JsonMap
        {
            { "LoginTo", $"https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_eu-west-1_{f.Random.Hex(16)}" },
            { "MobileVersion", "No" },
        };
        if (mfa && success)
        {
            additional.Add("MFAIdentifier", $"arn:aws:iam::{account}:mfa/{userName}");
        }

        additional.Add("MFAUsed", mfa ? "Yes" : "No");
        return Login(f, time, identity, account, sourceIp, userAgent, additional, success);
    }

    /// <summary>
    /// Sign-in through IAM Identity Center: the role session signs in to the member account. CloudTrail writes
    /// <c>MFAUsed: No</c> here even though the identity provider enforced MFA, a classic false positive.
    /// </summary>
    public static TrailEvent FederatedLogin(RecordFactory f, DateTimeOffset time, AssumedRoleIdentity session, string sourceIp, string userAgent)
    {
        var additional = new JsonMap { { "MobileVersion", "No" }, { "MFAUsed", "No" } };
        return Login(f, time, session, session.Role.AccountId, sourceIp, userAgent, additional, true);
    }

    private static TrailEvent Login(RecordFactory f, DateTimeOffset time, Identity identity, string account, string sourceIp,
        string userAgent, JsonMap additional, bool success) => new()
        {
            Time = time,
            EventVersion = RecordFactory.EventVersion("signin", false),
            Identity = identity,
            EventSource = "signin.amazonaws.com",
            EventName = "ConsoleLogin",
            Region = Regions.UsEast1,
            SourceIp = sourceIp,
            UserAgent = userAgent,
            ErrorMessage = success ? null : "Failed authentication",
            ResponseElements = new JsonMap { { "ConsoleLogin", success ? "Success" : "Failure" } },
            AdditionalEventData = additional,
            EventId = f.Random.Uuid(),
            ReadOnly = false,
            EventType = "AwsConsoleSignIn",
            RecipientAccountId = account,
            TlsHost = "signin.aws.amazon.com",
        };
}
