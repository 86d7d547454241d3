namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>Progress of an Event History sweep: a page was saved, a region finished or failed.</summary>
/// <param name="Region">The region concerned.</param>
/// <param name="PagesSaved">Pages saved so far in that region.</param>
/// <param name="EventsSoFar">Events in those pages.</param>
/// <param name="Message">What happened, in one line.</param>
public sealed record EventHistoryProgress(string Region, int PagesSaved, long EventsSoFar, string Message);
