using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident.Output;

/// <summary>A record and its JSON bytes; every output writes the same bytes, so the three copies agree.</summary>
internal sealed record SerializedEvent(TrailEvent Event, byte[] Json);
