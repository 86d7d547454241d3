using NotebookHelpers.Events;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Sources;

/// <summary>
/// The evidence one source parameter selects (<c>sample</c>, a path, <c>cwl:GROUP</c>, <c>lookup:</c>,
/// <c>s3://BUCKET</c>): a Logs Insights runner over it, and its CloudTrail events for the investigation. A notebook
/// switches from the sample incident to a live account by changing that one string.
/// </summary>
public interface IEvidenceSource
{
    /// <summary>The parameter the source was made from.</summary>
    string Parameter { get; }

    /// <summary>What the source reads, for reports (a folder, a log group, a bucket).</summary>
    string Description { get; }

    /// <summary>A Logs Insights runner over the evidence (fetching it first for <c>lookup:</c> and <c>s3://</c>).</summary>
    Task<IInsightsQueryRunner> OpenQueryRunnerAsync(CancellationToken cancellationToken = default);

    /// <summary>The CloudTrail events of the evidence within the options' time range.</summary>
    IAsyncEnumerable<CloudTrailEvent> ReadEventsAsync(CancellationToken cancellationToken = default);
}
