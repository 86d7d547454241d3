namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>One LookupEvents answer, kept byte for byte for the evidence folder, with what paging needs.</summary>
/// <param name="RawJson">The response body exactly as received.</param>
/// <param name="EventCount">How many events the page holds.</param>
/// <param name="NextToken">The token of the next page, or null on the last page.</param>
public sealed record LookupEventsPage(byte[] RawJson, int EventCount, string? NextToken)
{
    /// <summary>Reads the event count and NextToken of a saved or received page.</summary>
    /// <exception cref="System.Text.Json.JsonException">The bytes are not a LookupEvents response.</exception>
    public static LookupEventsPage FromRaw(byte[] rawJson)
    {
        ArgumentNullException.ThrowIfNull(rawJson);
        using var document = System.Text.Json.JsonDocument.Parse(rawJson);
        var root = document.RootElement;
        var count = root.TryGetProperty("Events", out var events) && events.ValueKind == System.Text.Json.JsonValueKind.Array ? events.GetArrayLength() : 0;
        var token = root.TryGetProperty("NextToken", out var next) && next.ValueKind == System.Text.Json.JsonValueKind.String ? next.GetString() : null;
        return new LookupEventsPage(rawJson, count, string.IsNullOrEmpty(token) ? null : token);
    }
}
