namespace NotebookHelpers.WriteUp;

/// <summary>What an incident report needs besides the investigation: title, evidence description, manifest, actions log, analyst answers.</summary>
public sealed class IncidentReportOptions
{
    /// <summary>The report's title.</summary>
    public string Title { get; init; } = "Incident report: exposed AWS credentials";

    /// <summary>Who wrote it (shown in the header), or null.</summary>
    public string? Analyst { get; init; }

    /// <summary>The case or ticket id the report belongs to (shown in its header with the analyst), or null.</summary>
    public string? CaseId { get; init; }

    /// <summary>The evidence sources as given (source parameters, paths).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>What the sources read, in words (e.g. <c>sample incident (trail-s3)</c>).</summary>
    public string? SourceDescription { get; init; }

    /// <summary>Records or files that could not be read.</summary>
    public long ReadProblems { get; init; }

    /// <summary>The hashed evidence files; null when not built (the report then says so).</summary>
    public EvidenceManifest? Manifest { get; init; }

    /// <summary>The validation of the trail copy's digests (the report's Evidence integrity section), or null when none was made.</summary>
    public Integrity.TrailIntegrityReport? Integrity { get; init; }

    /// <summary>The containment actions executed through nbh.</summary>
    public ActionsLog Actions { get; init; } = ActionsLog.None;

    /// <summary>
    /// An analyst's answers to impact questions, by question id (<see cref="ImpactQuestionnaire.Questions"/>); empty or
    /// whitespace answers are ignored.
    /// </summary>
    public IReadOnlyDictionary<string, string> AnalystAnswers { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Draw the timeline and blast-radius charts in the HTML report (plotly.js is then inlined once, about 3.6 MB).</summary>
    public bool IncludeCharts { get; init; } = true;
}
