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

    /// <inheritdoc />
    public override string ToString() => Bytes is { } bytes
        ? string.Create(CultureInfo.InvariantCulture, $"{AthenaCost.FormatBytes(bytes)} in {Objects:N0} objects of {Partitions:N0} partitions ({Explanation})")
        : $"unknown before it runs ({Explanation})";
}
