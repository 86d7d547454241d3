namespace NotebookHelpers.SampleIncident;

/// <summary>What to generate and where.</summary>
public sealed record SampleIncidentOptions
{
    /// <summary>The seed of the committed sample in <c>data-samples/sample-incident</c>.</summary>
    public const long DefaultSeed = 20250311;

    /// <summary>
    /// Events added per unit of <see cref="Scale"/> over the default five days; <see cref="FixedEvents"/> do not
    /// grow with the scale (the attack, nightly jobs, hourly service events). Measured: scale 1 gives about 10,200 events,
    /// scale 102 gives 859,732. A test keeps <see cref="ScaleForEventCount"/> within 10 % of the truth.
    /// </summary>
    public const long EventsPerScale = 8_430;

    /// <summary>Events per five days that do not grow with <see cref="Scale"/>.</summary>
    public const long FixedEvents = 1_760;

    /// <summary>The recording's length in days at scale 1: 7 to 11 March 2025.</summary>
    public const int DefaultDays = 5;

    /// <summary>
    /// The densest background <see cref="ScaleForEventCount"/> chooses. Memory follows the events of one hour, so
    /// beyond this density the recording gets longer instead of busier, and memory stays flat at any size.
    /// </summary>
    public const int MaxDensity = 24;

    /// <summary>Events per five days at <see cref="MaxDensity"/>, measured (25 days gave 1,201,289 events).</summary>
    public const long EventsPerFiveDaysAtMaxDensity = 240_000;

    /// <summary>The folder that receives <c>trail-s3/</c>, <c>cloudwatch-logs/</c>, <c>event-history/</c> and <c>answer-key.json</c>.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The story told on the background (<see cref="SampleScenarios"/>); <c>mining</c>, the committed sample, by default.</summary>
    public string Scenario { get; init; } = SampleScenarios.Default;

    /// <summary>Seed for request IDs, event IDs, background timing and file names. Same seed, same bytes.</summary>
    public long Seed { get; init; } = DefaultSeed;

    /// <summary>
    /// Multiplies how busy the background is (1 = the committed sample, about 10,000 events in five days). The
    /// attack stays the same, so the answer key holds at every scale.
    /// </summary>
    public int Scale { get; init; } = 1;

    /// <summary>
    /// Days of recording, ending at 2025-03-12T00:00Z (default 5, the committed sample). More days start the
    /// background earlier; the incident stays on 11 March.
    /// </summary>
    public int Days { get; init; } = DefaultDays;

    /// <summary>Options for roughly <paramref name="events"/> events: denser up to <see cref="MaxDensity"/>, then longer.</summary>
    public static SampleIncidentOptions ForEventCount(string outputDirectory, long events, long seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        var scale = ScaleForEventCount(events);
        var days = DefaultDays;
        if (scale == MaxDensity)
        {
            days = (int)Math.Max(DefaultDays, Math.Round(DefaultDays * (double)events / EventsPerFiveDaysAtMaxDensity));
        }

        return new SampleIncidentOptions { OutputDirectory = outputDirectory, Seed = seed, Scale = scale, Days = days };
    }

    /// <summary>The density for roughly <paramref name="events"/> events in five days, at most <see cref="MaxDensity"/>.</summary>
    public static int ScaleForEventCount(long events)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        return (int)Math.Clamp(Math.Round((double)(events - FixedEvents) / EventsPerScale), 1, MaxDensity);
    }
}
