namespace NotebookHelpers.Integrity;

/// <summary>One digest chain: the digests of one trail, account and region, oldest to newest.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Region">The region the digests cover.</param>
/// <param name="TrailName">The trail.</param>
/// <param name="HomeRegion">The trail's home region.</param>
/// <param name="From">The start of the oldest digest found.</param>
/// <param name="To">The end of the newest digest found.</param>
/// <param name="Digests">Digest files found.</param>
/// <param name="ValidDigests">Of those, the valid ones.</param>
/// <param name="Starts">True when the oldest digest found is a starting digest (validation began there).</param>
public sealed record DigestChainSummary(
    string AccountId,
    string Region,
    string TrailName,
    string HomeRegion,
    DateTimeOffset From,
    DateTimeOffset To,
    int Digests,
    int ValidDigests,
    bool Starts);
