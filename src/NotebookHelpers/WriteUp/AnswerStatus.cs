namespace NotebookHelpers.WriteUp;

/// <summary>How an impact question was answered.</summary>
public enum AnswerStatus
{
    /// <summary>The evidence answers it; the facts listed are the answer.</summary>
    FromEvidence,

    /// <summary>The evidence gives facts, but the answer needs what only people know (an approved list, other tools' alerts).</summary>
    PartlyFromEvidence,

    /// <summary>Only an analyst can answer it (data classification, business impact); the facts listed help.</summary>
    NeedsAnalystInput,

    /// <summary>An analyst answered it (a write-up parameter), next to the facts from the evidence.</summary>
    AnsweredByAnalyst,
}
