using NotebookHelpers.Detections;

namespace NotebookHelpers.Investigation;

/// <summary>A key worth investigating, and why.</summary>
/// <param name="AccessKeyId">The key (the long-term key behind a session when it could be traced; for a principal's folded sessions, its busiest session key).</param>
/// <param name="Reason">Why, in one line: a quarantine marker, or the triage score and what made it (see <see cref="KeyTriage"/>).</param>
/// <param name="Severity">The highest severity of the findings that point at it (Critical for a quarantine marker).</param>
/// <param name="FirstSeen">When the reason first appears.</param>
/// <param name="Score">The triage score that ranked it (0 for a quarantine marker, which always comes first).</param>
public sealed record KeySuggestion(string AccessKeyId, string Reason, Severity Severity, DateTimeOffset FirstSeen, double Score = 0);
