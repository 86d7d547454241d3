namespace NotebookHelpers.SampleIncident.Scenario;

/// <summary>The recording window and the fixed moments of the story (all UTC).</summary>
internal static class Timeline
{
    /// <summary>End of the recording (exclusive): Wednesday 12 March 2025, 00:00.</summary>
    public static readonly DateTimeOffset End = new(2025, 3, 12, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset IncidentDay = new(2025, 3, 11, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The commit with the key reaches the public repository (known from GitHub, not from CloudTrail).</summary>
    public static readonly DateTimeOffset LeakPushed = At(9, 12, 37);

    public static DateTimeOffset At(int hour, int minute, int second) => IncidentDay.AddHours(hour).AddMinutes(minute).AddSeconds(second);
}
