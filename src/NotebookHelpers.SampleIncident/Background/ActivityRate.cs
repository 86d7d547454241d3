namespace NotebookHelpers.SampleIncident.Background;

/// <summary>How busy an hour is: office hours, nights and weekends differ, like a real account.</summary>
internal static class ActivityRate
{
    public static bool IsWeekend(DateTimeOffset t) => t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>1.0 at the peak of a working day, 0.03 at night, a tenth of that on weekends.</summary>
    public static double BusinessHours(DateTimeOffset hourStart)
    {
        var h = hourStart.Hour;
        var day = h switch
        {
            >= 8 and < 18 => 1.0,
            >= 6 and < 8 or >= 18 and < 21 => 0.3,
            _ => 0.03,
        };
        return IsWeekend(hourStart) ? day * 0.1 : day;
    }

    /// <summary>Poisson arrival times within an hour at <paramref name="perHour"/> events per hour.</summary>
    public static IEnumerable<DateTimeOffset> Arrivals(Randomness.DeterministicRandom random, DateTimeOffset hourStart, double perHour)
    {
        if (perHour <= 0)
        {
            yield break;
        }

        var t = random.Exponential(3600.0 / perHour);
        while (t < 3600)
        {
            yield return hourStart.AddSeconds(Math.Floor(t));
            t += random.Exponential(3600.0 / perHour);
        }
    }
}
