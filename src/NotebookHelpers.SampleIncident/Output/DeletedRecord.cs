namespace NotebookHelpers.SampleIncident.Output;

/// <summary>A record lost with a deleted log object.</summary>
internal sealed record DeletedRecord(string EventId, string EventName, string EventTime, string Account);
