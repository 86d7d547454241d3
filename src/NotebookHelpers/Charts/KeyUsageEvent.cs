namespace NotebookHelpers.Charts;

/// <summary>One call made with a key, as the key-usage timeline needs it.</summary>
/// <param name="Time">When the call was made (CloudTrail <c>eventTime</c>).</param>
/// <param name="ErrorCode">The call's <c>errorCode</c>; null or empty when it succeeded.</param>
/// <param name="Count">How many calls this stands for (a count from a <c>stats</c> row); 1 for a single event.</param>
public sealed record KeyUsageEvent(DateTimeOffset Time, string? ErrorCode, long Count = 1)
{
    /// <summary>True when the call failed.</summary>
    public bool Failed => !string.IsNullOrEmpty(ErrorCode);
}
