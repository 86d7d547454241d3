namespace NotebookHelpers.SampleIncident;

/// <summary>What to generate and where.</summary>
public sealed record SampleIncidentOptions
{
    /// <summary>The seed of the committed sample in <c>data-samples/sample-incident</c>.</summary>
    public const long DefaultSeed = 20250311;

    /// <summary>
    /// Events added per unit of <see cref="Scale"/>; <see cref="FixedEvents"/> do not scale (the attack, nightly jobs,
    /// hourly service events). Measured: scale 1 gives 10,193 events, scale 102 gives 859,732.
    /// <see cref="ScaleForEventCount"/> uses them; a test keeps them within 10 % of the truth.
    /// </summary>
    public const long EventsPerScale = 8_430;

    /// <summary>Events that do not grow with <see cref="Scale"/>.</summary>
    public const long FixedEvents = 1_760;

    /// <summary>The folder that receives <c>trail-s3/</c>, <c>cloudwatch-logs/</c>, <c>event-history/</c> and <c>answer-key.json</c>.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Seed for request IDs, event IDs, background timing and file names. Same seed, same bytes.</summary>
    public long Seed { get; init; } = DefaultSeed;

    /// <summary>
    /// Multiplies the background (1 = the committed sample, about 10,000 events). The attack stays the same, so
    /// the answer key holds at every scale.
    /// </summary>
    public int Scale { get; init; } = 1;

    /// <summary>The scale that gives roughly <paramref name="events"/> events.</summary>
    public static int ScaleForEventCount(long events)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        return (int)Math.Clamp(Math.Round((double)(events - FixedEvents) / EventsPerScale), 1, 100_000);
    }
}
