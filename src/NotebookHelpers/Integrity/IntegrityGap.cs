namespace NotebookHelpers.Integrity;

/// <summary>A span of time in a chain that no digest covers, so nothing delivered in it can be validated.</summary>
/// <param name="AccountId">The chain's account.</param>
/// <param name="Region">The chain's region.</param>
/// <param name="From">The end of the last digest before the gap.</param>
/// <param name="To">The start of the first digest after it.</param>
/// <param name="Reason">Why: a missing digest, or a new chain (validation or logging was off).</param>
public sealed record IntegrityGap(string AccountId, string Region, DateTimeOffset From, DateTimeOffset To, string Reason);
