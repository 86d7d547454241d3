namespace NotebookHelpers.Integrity;

/// <summary>Log files a validation did not judge, by account and region, and why (no digests there, or outside the time range).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Region">The region.</param>
/// <param name="Count">How many log files.</param>
/// <param name="Reason">Why they were not checked.</param>
public sealed record UncheckedLogFiles(string AccountId, string Region, int Count, string Reason);
