namespace NotebookHelpers.SampleIncident.Stories;

/// <summary>What a story's answer key says beyond its records: where the key leaked, who is who, what must be found.</summary>
internal sealed record StoryFacts(
    string LeakLocation,
    IReadOnlyList<StoryKey> Keys,
    IReadOnlyList<(string Ip, string Description)> AttackerIps,
    IReadOnlyList<(string Name, string Value)> EndState,
    IReadOnlyList<string> MustFind);

/// <summary>One access key of the story and its state at the end of the recording.</summary>
internal sealed record StoryKey(string AccessKeyId, string Role, string Kind, string Account, string Principal, string? CreatedInRecording, string StateAtEnd);
