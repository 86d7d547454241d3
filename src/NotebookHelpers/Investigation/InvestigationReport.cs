namespace NotebookHelpers.Investigation;

/// <summary>
/// What <c>nbh investigate</c> reports: the evidence read, how keys were chosen, one investigation per key, and
/// every finding over the evidence. <see cref="InvestigationJson"/> writes it in the schema of docs/investigate-json.md.
/// </summary>
/// <param name="Sources">The evidence sources as given.</param>
/// <param name="EventCount">Events examined.</param>
/// <param name="ReadProblems">Records or files that could not be read (each reported on stderr).</param>
/// <param name="RequestedKey">The key asked for with <c>--access-key-id</c>, or null when keys were suggested.</param>
/// <param name="Suggestions">The keys suggested (empty when a key was asked for).</param>
/// <param name="Investigations">One investigation per key.</param>
/// <param name="Investigator">The investigator, for the detections over the whole evidence.</param>
public sealed record InvestigationReport(
    IReadOnlyList<string> Sources,
    int EventCount,
    long ReadProblems,
    string? RequestedKey,
    IReadOnlyList<KeySuggestion> Suggestions,
    IReadOnlyList<KeyInvestigation> Investigations,
    Investigator Investigator);
