namespace NotebookHelpers.Detections;

/// <summary>Thresholds and baselines of the stateful rules. The defaults suit a single-account investigation.</summary>
public sealed record DetectionOptions
{
    /// <summary>The defaults.</summary>
    public static DetectionOptions Default { get; } = new();

    /// <summary>
    /// Regions the account is known to use. When set, any activity elsewhere is "first seen"; when null, the regions
    /// seen during the first <see cref="BaselinePeriod"/> of the evidence are the baseline.
    /// </summary>
    public IReadOnlySet<string>? KnownRegions { get; init; }

    /// <summary>
    /// How much of the evidence, from its first event, is the baseline of normal use (default 3 days): regions and
    /// the source addresses of each key seen then are "known". A lone first event with nothing within this period
    /// after it does not start the baseline (<see cref="BaselineWindow"/>).
    /// </summary>
    public TimeSpan BaselinePeriod { get; init; } = TimeSpan.FromDays(3);

    /// <summary>Distinct discovery calls by one principal within <see cref="DiscoveryWindow"/> that make a burst (default 8).</summary>
    public int DiscoveryBurstDistinctCalls { get; init; } = 8;

    /// <summary>The discovery-burst window (default 10 minutes: an operator typing commands by hand is slower than a tool).</summary>
    public TimeSpan DiscoveryWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Denied calls by one access key within <see cref="AccessDeniedWindow"/> that make a burst (default 10).</summary>
    public int AccessDeniedBurstCalls { get; init; } = 10;

    /// <summary>The access-denied burst window (default 10 minutes).</summary>
    public TimeSpan AccessDeniedWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>S3 object reads by one principal within <see cref="S3BurstWindow"/> that make a burst (default 50).</summary>
    public int S3BurstObjects { get; init; } = 50;

    /// <summary>The S3 burst window (default 10 minutes).</summary>
    public TimeSpan S3BurstWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Regions with RunInstances by one principal within <see cref="MultiRegionLaunchWindow"/> (default 3).</summary>
    public int MultiRegionLaunchRegions { get; init; } = 3;

    /// <summary>The multi-region launch window (default 1 hour).</summary>
    public TimeSpan MultiRegionLaunchWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Distinct user names failing console sign-in from one address within <see cref="PasswordSprayWindow"/> that make a spray (default 5).</summary>
    public int PasswordSprayUsers { get; init; } = 5;

    /// <summary>The password-spray window (default 1 hour: sprayers go slowly to stay under lockout thresholds).</summary>
    public TimeSpan PasswordSprayWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// At most this many evidence pointers are kept per finding (the first ones); <see cref="Finding.EventCount"/>
    /// still counts all. Default 200.
    /// </summary>
    public int MaxEvidencePerFinding { get; init; } = 200;

    /// <summary>
    /// The validation of the trail copy the events came from (digest chain and log file hashes), for the rules that
    /// judge the evidence itself (<see cref="IEvidenceRule"/>); null when none was made.
    /// </summary>
    public Integrity.TrailIntegrityReport? TrailIntegrity { get; init; }
}
