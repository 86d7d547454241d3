namespace NotebookHelpers.Aws.S3;

/// <summary>Progress of a trail download.</summary>
/// <param name="ObjectsDone">Objects downloaded or skipped so far.</param>
/// <param name="ObjectsTotal">Objects listed so far.</param>
/// <param name="BytesDownloaded">Bytes downloaded so far.</param>
/// <param name="Message">What just happened.</param>
public sealed record TrailFetchProgress(int ObjectsDone, int ObjectsTotal, long BytesDownloaded, string Message);
