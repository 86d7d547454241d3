using System.Globalization;
using NotebookHelpers.Aws.Credentials;
using NotebookHelpers.Evidence;

namespace NotebookHelpers.Aws.Athena;

/// <summary>
/// The partitions of a CloudTrail table (<see cref="CloudTrailTableDdl"/>) a query may read: the days of its time
/// range padded by one day at each end (a log file's folder is the day CloudTrail delivered it, not the day of its
/// events: an event at 23:58 is delivered the next day, and a late delivery can cross midnight the other way round),
/// and the accounts and regions it is limited to (all projected ones when none are given). Its SQL goes into the
/// query's WHERE clause, so Athena lists and reads only those folders.
/// </summary>
/// <param name="FirstDay">The first folder day read.</param>
/// <param name="LastDay">The last folder day read.</param>
/// <param name="Accounts">The accounts read; empty for every projected account.</param>
/// <param name="Regions">The regions read; empty for every projected region.</param>
public sealed record CloudTrailPartitionFilter(DateOnly FirstDay, DateOnly LastDay, IReadOnlyList<string> Accounts, IReadOnlyList<string> Regions)
{
    /// <summary>
    /// The partitions for events in <paramref name="range"/> (an open end means <paramref name="now"/>), limited to
    /// <paramref name="accounts"/> and <paramref name="regions"/> when given.
    /// </summary>
    /// <exception cref="ArgumentException">The range has no start (the query would read every day of the trail), or an
    /// account or region is not one.</exception>
    public static CloudTrailPartitionFilter For(TimeRange range, IReadOnlyList<string>? accounts, IReadOnlyList<string>? regions, DateTimeOffset now)
    {
        if (range.Start is not { } start)
        {
            throw new ArgumentException(
                "an Athena query needs a start time (--start, or the notebook's Start): without one it would read every day of the trail.");
        }

        var end = range.End ?? now;
        accounts ??= [];
        regions ??= [];
        foreach (var account in accounts)
        {
            if (account.Length != 12 || !account.All(char.IsAsciiDigit))
            {
                throw new ArgumentException($"'{account}' is not an account id (12 digits).");
            }
        }

        foreach (var region in regions)
        {
            if (!AwsRegionName.IsValid(region))
            {
                throw new ArgumentException($"'{region}' is not a region name.");
            }
        }

        return new CloudTrailPartitionFilter(
            DateOnly.FromDateTime(start.UtcDateTime).AddDays(-1),
            DateOnly.FromDateTime(end.UtcDateTime).AddDays(1),
            [.. accounts.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. regions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Every folder day read, first to last.</summary>
    public IEnumerable<DateOnly> Days
    {
        get
        {
            for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }

    /// <summary>
    /// The predicate on the partition columns (Trino SQL):
    /// <c>"timestamp" BETWEEN '2025/03/11' AND '2025/03/14' AND account IN ('…') AND region IN ('…')</c>.
    /// The <c>yyyy/MM/dd</c> strings sort as the days do, so BETWEEN selects exactly these days. With
    /// <paramref name="partitionKeys"/> (the table's), only the columns the table has are named.
    /// </summary>
    public string ToSql(IReadOnlyCollection<string>? partitionKeys = null)
    {
        bool Has(string column) => partitionKeys is null || partitionKeys.Contains(column, StringComparer.OrdinalIgnoreCase);
        var parts = new List<string>();
        if (Has("timestamp"))
        {
            parts.Add($"\"timestamp\" BETWEEN {Literal(Folder(FirstDay))} AND {Literal(Folder(LastDay))}");
        }

        if (Accounts.Count > 0 && Has("account"))
        {
            parts.Add($"account IN ({string.Join(", ", Accounts.Select(Literal))})");
        }

        if (Regions.Count > 0 && Has("region"))
        {
            parts.Add($"region IN ({string.Join(", ", Regions.Select(Literal))})");
        }

        return parts.Count == 0 ? "TRUE" : string.Join(" AND ", parts);
    }

    /// <summary>A day as its partition value and folder name: <c>2025/03/11</c>.</summary>
    public static string Folder(DateOnly day) => day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Folder(FirstDay)}..{Folder(LastDay)}, {(Accounts.Count == 0 ? "every account" : string.Join(',', Accounts))}, {(Regions.Count == 0 ? "every region" : string.Join(',', Regions))}";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
