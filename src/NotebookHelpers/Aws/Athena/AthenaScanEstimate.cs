using System.Globalization;

namespace NotebookHelpers.Aws.Athena;

/// <summary>What a query will scan, known before it runs when the table's partitions can be listed.</summary>
/// <param name="Bytes">The bytes of every object in the partitions read, or null when that cannot be known.</param>
/// <param name="Objects">How many objects those partitions hold.</param>
/// <param name="Partitions">How many partitions (account, region, day folders) were listed.</param>
/// <param name="Explanation">How the figure was found, or why it is unknown.</param>
public sealed record AthenaScanEstimate(long? Bytes, int Objects, int Partitions, string Explanation)
{
    /// <summary>True when <see cref="Bytes"/> is known.</summary>
    public bool IsKnown => Bytes is not null;

    /// <summary>An estimate that cannot be made, and why.</summary>
    public static AthenaScanEstimate Unknown(string why) => new(null, 0, 0, why);

    /// <summary>
    /// Refuses, before anything runs, a query whose known scan is larger than <paramref name="maxBytes"/> (the check
    /// after the fact, while it runs, is <see cref="AthenaQueryExecutor"/>'s).
    /// </summary>
    /// <param name="maxBytes">The bound; null for none.</param>
    /// <param name="what">What would run, for the message.</param>
    /// <param name="narrow">How the caller narrows it (its options), for the message.</param>
    /// <exception cref="AthenaScanLimitException">The estimate is larger than the bound.</exception>
    public void EnsureWithin(long? maxBytes, string what, string narrow)
    {
        if (Bytes is { } bytes && maxBytes is { } max && bytes > max)
        {
            throw new AthenaScanLimitException(
                $"{what}: a query would scan {AthenaCost.FormatBytes(bytes)}, more than the {AthenaCost.FormatBytes(max)} allowed (max-scan-gb); narrow {narrow}.");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Bytes is { } bytes
        ? string.Create(CultureInfo.InvariantCulture, $"{AthenaCost.FormatBytes(bytes)} in {Objects:N0} objects of {Partitions:N0} partitions ({Explanation})")
        : $"unknown before it runs ({Explanation})";
}
