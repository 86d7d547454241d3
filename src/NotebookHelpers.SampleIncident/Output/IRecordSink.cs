namespace NotebookHelpers.SampleIncident.Output;

/// <summary>One output (S3 trail objects, CloudWatch Logs export, Event History pages) fed in event-time order.</summary>
internal interface IRecordSink
{
    void Accept(SerializedEvent record);

    /// <summary>No record older than <paramref name="streamTime"/> will come: finished files may be written.</summary>
    void Advance(DateTimeOffset streamTime);

    void Complete();
}
