namespace NotebookHelpers.Charts;

/// <summary>One named series of a <see cref="TimeHistogram"/>: a count per bucket.</summary>
/// <param name="Name">The series name (legend entry).</param>
/// <param name="Counts">One count per bucket of the histogram.</param>
public sealed record TimeSeries(string Name, IReadOnlyList<long> Counts)
{
    /// <summary>The sum of the counts.</summary>
    public long Total => Counts.Sum();
}
