namespace NotebookHelpers.Aws.S3;

/// <summary>Which CloudTrail log files to fetch from a trail bucket.</summary>
/// <param name="Location">The bucket and the trail's key prefix (the part before <c>AWSLogs/</c>).</param>
/// <param name="Start">The first day to fetch (its date in UTC).</param>
/// <param name="End">The last day to fetch; the following day is fetched too, as files are filed by delivery time.</param>
/// <param name="Accounts">Account ids to fetch; empty fetches every account found under <c>AWSLogs/</c>.</param>
/// <param name="Regions">Regions to fetch; empty fetches every region found.</param>
public sealed record TrailFetchRequest(
    S3Location Location,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<string> Accounts,
    IReadOnlyList<string> Regions);
