using System.Text.Json;

namespace NotebookHelpers.SampleIncident.Records;

/// <summary>The <c>userIdentity</c> block of a record, in the shape AWS writes for one identity type.</summary>
internal abstract class Identity
{
    /// <summary>The access key that signed the call, or null (console sign-in, AWS services).</summary>
    public abstract string? AccessKeyId { get; }

    /// <summary>What Event History shows as <c>Username</c>.</summary>
    public abstract string? HistoryUserName { get; }

    public abstract void Write(Utf8JsonWriter writer);

    protected static void WriteSessionAttributes(Utf8JsonWriter writer, DateTimeOffset created, bool mfa)
    {
        writer.WriteStartObject("attributes");
        writer.WriteString("creationDate", Timestamps.Iso(created));
        writer.WriteString("mfaAuthenticated", mfa ? "true" : "false");
        writer.WriteEndObject();
    }
}
