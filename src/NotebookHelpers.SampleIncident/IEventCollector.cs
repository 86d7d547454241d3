using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident;

/// <summary>Receives the records an activity produces, in any order.</summary>
internal interface IEventCollector
{
    void Add(TrailEvent record);
}
