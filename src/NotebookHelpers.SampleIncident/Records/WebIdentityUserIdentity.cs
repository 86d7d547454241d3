using System.Text.Json;

namespace NotebookHelpers.SampleIncident.Records;

/// <summary>The caller of <c>AssumeRoleWithWebIdentity</c>: here a GitHub Actions OIDC token.</summary>
internal sealed class WebIdentityUserIdentity(string providerArn, string audience, string subject) : Identity
{
    public override string? AccessKeyId => null;

    public override string? HistoryUserName => subject;

    public override void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("userIdentity");
        writer.WriteString("type", "WebIdentityUser");
        writer.WriteString("principalId", $"{providerArn}:{audience}:{subject}");
        writer.WriteString("userName", subject);
        writer.WriteString("identityProvider", providerArn);
        writer.WriteEndObject();
    }
}
