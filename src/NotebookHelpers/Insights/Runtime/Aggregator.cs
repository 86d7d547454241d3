namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// The running state of one aggregate function for one group. Workers each keep their own and
/// <see cref="Merge"/> combines them at the end, so the result does not depend on how the input was split.
/// </summary>
public abstract class Aggregator
{
    /// <summary>Adds one event's argument value; <paramref name="timestampMs"/> is the event's <c>@timestamp</c> (epoch ms, NaN when unknown).</summary>
    public abstract void Add(Value value, double timestampMs);

    /// <summary>
    /// Adds one event's argument value with its input order (<paramref name="order"/>, smaller is earlier): the
    /// aggregates whose ties depend on order (<c>earliest</c>, <c>latest</c>) keep the earlier event's value however
    /// the input was split among workers; the others ignore it.
    /// </summary>
    public virtual void Add(Value value, double timestampMs, long order) => Add(value, timestampMs);

    /// <summary>Folds another aggregator of the same function into this one.</summary>
    public abstract void Merge(Aggregator other);

    /// <summary>The aggregate's value.</summary>
    public abstract Value Result();
}
