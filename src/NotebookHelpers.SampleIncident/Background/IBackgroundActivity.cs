namespace NotebookHelpers.SampleIncident.Background;

/// <summary>
/// One kind of everyday activity (a CI pipeline, an application, people at the console, AWS services).
/// Called once per hour of the recording, in order; it may add records up to three hours past the hour
/// (a console session that runs on), never before it.
/// </summary>
internal interface IBackgroundActivity
{
    void Generate(DateTimeOffset hourStart, IEventCollector collector);
}
