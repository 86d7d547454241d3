namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>One RunInstances call of the mining campaign and how it ended.</summary>
internal sealed record LaunchAttempt(
    DateTimeOffset Time,
    string Region,
    string InstanceType,
    int Count,
    string AccessKeyId,
    string Outcome,
    string? ErrorCode,
    IReadOnlyList<string> InstanceIds,
    string EventId);
