using NotebookHelpers.Insights.Compilation;

namespace NotebookHelpers.Insights.Execution;

/// <summary>A compiled <c>stats</c> command.</summary>
/// <param name="GroupKeys">Evaluate each group-by expression over an input row.</param>
/// <param name="GroupSlots">Where each group key goes in the output row.</param>
/// <param name="Aggregates">The aggregate calls: function, argument (null for <c>*</c>), pct's percentile.</param>
/// <param name="AggregateSlots">Where each aggregate's result goes in the output row (hidden slots).</param>
/// <param name="OutputSlots">Where each stats item goes in the output row.</param>
/// <param name="Outputs">Each stats item over the output row (aggregate results and earlier aliases).</param>
internal sealed record StatsPlan(
    Evaluator[] GroupKeys,
    int[] GroupSlots,
    AggregateCall[] Aggregates,
    int[] AggregateSlots,
    int[] OutputSlots,
    Evaluator[] Outputs);

/// <summary>One aggregate of a stats command.</summary>
/// <param name="Function">The aggregate function name.</param>
/// <param name="Argument">Its argument, or null for <c>count(*)</c>.</param>
/// <param name="Percentile">The percentile for <c>pct</c>.</param>
internal sealed record AggregateCall(string Function, Evaluator? Argument, double Percentile);
