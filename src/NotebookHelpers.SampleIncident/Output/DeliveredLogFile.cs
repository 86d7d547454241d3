namespace NotebookHelpers.SampleIncident.Output;

/// <summary>A trail log object as a digest file lists it.</summary>
internal sealed record DeliveredLogFile(
    string AccountId,
    string Region,
    string ObjectKey,
    DateTimeOffset DeliveredAt,
    string Sha256Hex,
    DateTimeOffset OldestEventTime,
    DateTimeOffset NewestEventTime);
