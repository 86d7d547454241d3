namespace NotebookHelpers.Investigation;

/// <summary>How often one value (a region, an IP, a user agent, an event name) occurs in a key's activity, and when.</summary>
/// <param name="Value">The value.</param>
/// <param name="Count">Events with that value.</param>
/// <param name="Errors">Of those, events that returned an error.</param>
/// <param name="FirstSeen">The first event with it.</param>
/// <param name="LastSeen">The last event with it.</param>
public sealed record UsageCount(string Value, int Count, int Errors, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
