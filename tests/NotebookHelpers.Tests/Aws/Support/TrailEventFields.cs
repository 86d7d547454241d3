using System.Text.Json;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>
/// The fields of one trail event that the key-files query compares (<c>useridentity.accesskeyid</c>,
/// <c>useridentity.username</c>, and the raw <c>requestparameters</c> and <c>responseelements</c> that
/// <c>strpos</c> searches), read once so many queries can test the same event without parsing it again.
/// </summary>
internal sealed record TrailEventFields(string? AccessKeyId, string? UserName, string Request, string Response)
{
    /// <summary>Reads the compared fields of the event <paramref name="json"/>.</summary>
    public static TrailEventFields Read(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? Identity(string name) => root.TryGetProperty("userIdentity", out var identity) && identity.ValueKind == JsonValueKind.Object
            && identity.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetRawText() : "";
        return new TrailEventFields(Identity("accessKeyId"), Identity("userName"), Text("requestParameters"), Text("responseElements"));
    }

    /// <summary>Whether the query's WHERE clause (one of <paramref name="keys"/>, <paramref name="users"/> or <paramref name="mentions"/>) selects this event.</summary>
    public bool Matches(IReadOnlyCollection<string> keys, IReadOnlyCollection<string> users, IReadOnlyCollection<string> mentions) =>
        (AccessKeyId is { } key && keys.Contains(key))
        || (UserName is { } user && users.Contains(user))
        || mentions.Any(m => Request.Contains(m, StringComparison.Ordinal) || Response.Contains(m, StringComparison.Ordinal));
}
