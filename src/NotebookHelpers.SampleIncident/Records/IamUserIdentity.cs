using System.Text.Json;

namespace NotebookHelpers.SampleIncident.Records;

/// <summary>
/// An IAM user: with a long-term <c>AKIA</c> key (no sessionContext), with the temporary <c>ASIA</c> key the
/// console issues after sign-in (sessionContext with an empty sessionIssuer), or signing in (no key at all).
/// </summary>
internal sealed class IamUserIdentity : Identity
{
    public IamUserIdentity(string accountId, string userName, string principalId, string? accessKeyId,
        DateTimeOffset? sessionCreated = null, bool mfa = false, bool emptyAccessKey = false, bool includeArn = true)
    {
        AccountId = accountId;
        UserName = userName;
        PrincipalId = principalId;
        _accessKeyId = accessKeyId;
        SessionCreated = sessionCreated;
        Mfa = mfa;
        EmptyAccessKey = emptyAccessKey;
        IncludeArn = includeArn;
    }

    private readonly string? _accessKeyId;

    public string AccountId { get; }

    public string UserName { get; }

    public string PrincipalId { get; }

    public DateTimeOffset? SessionCreated { get; }

    public bool Mfa { get; }

    /// <summary>A failed console sign-in carries <c>"accessKeyId": ""</c> and no ARN.</summary>
    public bool EmptyAccessKey { get; }

    public bool IncludeArn { get; }

    public string Arn => $"arn:aws:iam::{AccountId}:user/{UserName}";

    public override string? AccessKeyId => _accessKeyId;

    public override string? HistoryUserName => UserName;

    public IamUserIdentity WithConsoleSession(string accessKeyId, DateTimeOffset created, bool mfa) =>
        new(AccountId, UserName, PrincipalId, accessKeyId, created, mfa);

    public override void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("userIdentity");
        writer.WriteString("type", "IAMUser");
        writer.WriteString("principalId", PrincipalId);
        if (IncludeArn)
        {
            writer.WriteString("arn", Arn);
        }

        writer.WriteString("accountId", AccountId);
        if (_accessKeyId is not null)
        {
            writer.WriteString("accessKeyId", _accessKeyId);
        }
        else if (EmptyAccessKey)
        {
            writer.WriteString("accessKeyId", "");
        }

        writer.WriteString("userName", UserName);
        if (SessionCreated is { } created)
        {
            writer.WriteStartObject("sessionContext");
            writer.WriteStartObject("sessionIssuer");
            writer.WriteEndObject();
            writer.WriteStartObject("webIdFederationData");
            writer.WriteEndObject();
            WriteSessionAttributes(writer, created, Mfa);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
