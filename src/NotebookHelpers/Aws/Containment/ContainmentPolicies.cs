using System.Globalization;

namespace NotebookHelpers.Aws.Containment;

/// <summary>The inline policies containment attaches.</summary>
public static class ContainmentPolicies
{
    /// <summary>The inline policy name of the deny-all quarantine.</summary>
    public const string DenyAllName = "NbhQuarantineDenyAll";

    /// <summary>The inline policy name AWS's console uses for "Revoke active sessions".</summary>
    public const string RevokeOlderSessionsName = "AWSRevokeOlderSessions";

    /// <summary>Denies every action on every resource: an explicit deny beats any allow.</summary>
    public const string DenyAll = """{"Version":"2012-10-17","Statement":[{"Sid":"NbhQuarantineDenyAll","Effect":"Deny","Action":"*","Resource":"*"}]}""";

    /// <summary>
    /// Denies every request made with temporary credentials issued before <paramref name="issuedBefore"/>: the
    /// sessions an attacker already holds stop working, new ones (yours) still work.
    /// </summary>
    public static string RevokeOlderSessions(DateTimeOffset issuedBefore) =>
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"*\"],\"Resource\":[\"*\"],"
        + "\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\""
        + issuedBefore.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        + "\"}}}]}";
}
