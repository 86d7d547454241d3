using NotebookHelpers.Detections;

namespace NotebookHelpers.Investigation;

/// <summary>A key worth investigating, and why.</summary>
/// <param name="AccessKeyId">The key (the long-term key behind a session when it could be traced).</param>
/// <param name="Reason">Why, in one line: a quarantine marker or the findings behind it.</param>
/// <param name="Severity">The highest severity of the findings that point at it (High for a quarantine marker).</param>
/// <param name="FirstSeen">When the reason first appears.</param>
public sealed record KeySuggestion(string AccessKeyId, string Reason, Severity Severity, DateTimeOffset FirstSeen);
