namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// A time period (<c>5m</c>, <c>1h</c>, <c>2d</c>) used by <c>bin</c>, <c>datefloor</c> and <c>dateceil</c>.
/// AWS caps the amount per unit (ms ≤ 1000, s and m ≤ 60, h ≤ 24: <c>bin(90m)</c> runs as <c>bin(60m)</c>);
/// <see cref="Effective"/> applies that cap. Fixed-length periods align to the Unix epoch (days start at 00:00 UTC;
/// weeks start on Monday 00:00 UTC); months, quarters and years align to calendar
/// boundaries.
/// </summary>
/// <param name="Amount">How many units (at least 1).</param>
/// <param name="Unit">The unit.</param>
public readonly record struct Period(long Amount, TimeUnit Unit)
{
    private const long MsPerSecond = 1000;
    private const long MsPerMinute = 60 * MsPerSecond;
    private const long MsPerHour = 60 * MsPerMinute;
    private const long MsPerDay = 24 * MsPerHour;

    // 1970-01-05 was a Monday: week bins start there.
    private const long MondayOffsetMs = 4 * MsPerDay;

    /// <summary>The period AWS actually applies, after the per-unit cap.</summary>
    public Period Effective => Unit switch
    {
        TimeUnit.Millisecond when Amount > 1000 => this with { Amount = 1000 },
        TimeUnit.Second or TimeUnit.Minute when Amount > 60 => this with { Amount = 60 },
        TimeUnit.Hour when Amount > 24 => this with { Amount = 24 },
        _ => this,
    };

    /// <summary>Parses a unit name (<c>m</c>, <c>mins</c>, <c>hour</c>…), case-insensitively; plural <c>s</c> allowed on multi-letter units.</summary>
    public static bool TryParseUnit(string text, out TimeUnit unit)
    {
        var t = text.ToLowerInvariant();
        if (t.Length > 2 && t.EndsWith('s') && t != "ms" && Lookup(t[..^1], out unit))
        {
            return true;
        }

        return Lookup(t, out unit);
    }

    /// <summary>The start of the period containing <paramref name="epochMilliseconds"/>.</summary>
    public double Floor(double epochMilliseconds)
    {
        var p = Effective;
        var ms = (long)Math.Floor(epochMilliseconds);
        if (p.Unit is TimeUnit.Month or TimeUnit.Quarter or TimeUnit.Year)
        {
            var months = p.Unit switch { TimeUnit.Quarter => 3 * p.Amount, TimeUnit.Year => 12 * p.Amount, _ => p.Amount };
            var t = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
            var index = ((long)t.Year * 12) + t.Month - 1;
            index -= Mod(index, months);
            var start = new DateTimeOffset((int)(index / 12), (int)(index % 12) + 1, 1, 0, 0, 0, TimeSpan.Zero);
            return start.ToUnixTimeMilliseconds();
        }

        var size = p.FixedMilliseconds;
        var offset = p.Unit == TimeUnit.Week ? MondayOffsetMs : 0;
        return ms - Mod(ms - offset, size);
    }

    /// <summary>The end of the period containing the time: the time itself when it is on a boundary, else the next boundary.</summary>
    public double Ceiling(double epochMilliseconds)
    {
        var floor = Floor(epochMilliseconds);
        if (floor == Math.Floor(epochMilliseconds))
        {
            return floor;
        }

        var p = Effective;
        if (p.Unit is TimeUnit.Month or TimeUnit.Quarter or TimeUnit.Year)
        {
            var months = p.Unit switch { TimeUnit.Quarter => 3 * p.Amount, TimeUnit.Year => 12 * p.Amount, _ => p.Amount };
            return DateTimeOffset.FromUnixTimeMilliseconds((long)floor).AddMonths((int)months).ToUnixTimeMilliseconds();
        }

        return floor + p.FixedMilliseconds;
    }

    /// <inheritdoc />
    public override string ToString() => Amount + Unit switch
    {
        TimeUnit.Millisecond => "ms",
        TimeUnit.Second => "s",
        TimeUnit.Minute => "m",
        TimeUnit.Hour => "h",
        TimeUnit.Day => "d",
        TimeUnit.Week => "w",
        TimeUnit.Month => "mo",
        TimeUnit.Quarter => "q",
        _ => "y",
    };

    internal long FixedMilliseconds => Amount * Unit switch
    {
        TimeUnit.Millisecond => 1,
        TimeUnit.Second => MsPerSecond,
        TimeUnit.Minute => MsPerMinute,
        TimeUnit.Hour => MsPerHour,
        TimeUnit.Day => MsPerDay,
        TimeUnit.Week => 7 * MsPerDay,
        _ => throw new InvalidOperationException("calendar periods have no fixed length"),
    };

    private static long Mod(long a, long b) => ((a % b) + b) % b;

    private static bool Lookup(string t, out TimeUnit unit)
    {
        switch (t)
        {
            case "ms" or "msec" or "millisecond": unit = TimeUnit.Millisecond; return true;
            case "s" or "sec" or "second": unit = TimeUnit.Second; return true;
            case "m" or "min" or "minute": unit = TimeUnit.Minute; return true;
            case "h" or "hr" or "hour": unit = TimeUnit.Hour; return true;
            case "d" or "day": unit = TimeUnit.Day; return true;
            case "w" or "week": unit = TimeUnit.Week; return true;
            case "mo" or "mon" or "month": unit = TimeUnit.Month; return true;
            case "q" or "qtr" or "quarter": unit = TimeUnit.Quarter; return true;
            case "y" or "yr" or "year": unit = TimeUnit.Year; return true;
            default: unit = default; return false;
        }
    }
}
