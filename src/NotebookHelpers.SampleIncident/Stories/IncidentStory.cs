using NotebookHelpers.SampleIncident.Attack;
using NotebookHelpers.SampleIncident.Output;

namespace NotebookHelpers.SampleIncident.Stories;

/// <summary>
/// One attack told on top of the shared background: its records (planted, one by one in the answer key, and bulk)
/// and its answer key. The generator streams both through the same sinks, so every story gets the same evidence
/// copies (trail objects, CloudWatch Logs export, Event History pages, signed digests).
/// </summary>
internal abstract class IncidentStory
{
    public abstract SampleScenario Scenario { get; }

    /// <summary>The story's records for <paramref name="seed"/> (identifiers vary with the seed, the story does not).</summary>
    public abstract AttackScript Build(long seed);

    /// <summary>Writes <c>answer-key.json</c>.</summary>
    public abstract void WriteAnswerKey(string path, AttackScript attack, SampleIncidentSummary summary, string exportTaskId,
        IReadOnlyList<DeletedLogObject> deleted, string signingKeyFingerprint);
}
