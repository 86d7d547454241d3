using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>A record the story put there on purpose, with the phase it belongs to and what it means.</summary>
internal sealed record PlantedEvent(string Phase, string Meaning, TrailEvent Record);
