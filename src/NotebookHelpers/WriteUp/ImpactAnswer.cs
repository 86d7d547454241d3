namespace NotebookHelpers.WriteUp;

/// <summary>The answer to one impact question: its status, the facts from the evidence, and an analyst's answer when given.</summary>
/// <param name="Question">The question.</param>
/// <param name="Status">How it was answered.</param>
/// <param name="Facts">What the evidence says, one sentence each, in a stable order.</param>
/// <param name="AnalystAnswer">The analyst's answer, or null.</param>
/// <param name="EventIds">CloudTrail event ids behind the facts (the first few).</param>
public sealed record ImpactAnswer(
    ImpactQuestion Question,
    AnswerStatus Status,
    IReadOnlyList<string> Facts,
    string? AnalystAnswer,
    IReadOnlyList<string> EventIds)
{
    /// <summary>The status as the report prints it.</summary>
    public string StatusText => Status switch
    {
        AnswerStatus.FromEvidence => "answered from the evidence",
        AnswerStatus.PartlyFromEvidence => "partly answered from the evidence: needs analyst input",
        AnswerStatus.AnsweredByAnalyst => "answered by the analyst",
        _ => "needs analyst input",
    };
}
