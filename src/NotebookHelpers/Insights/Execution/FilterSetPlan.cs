using NotebookHelpers.Insights.Compilation;

namespace NotebookHelpers.Insights.Execution;

/// <summary>
/// Several filter conditions compiled over one slot table: <see cref="Extractor"/> decodes the union of the fields
/// they read in one pass over an event, then each condition reads the same row.
/// </summary>
internal sealed record FilterSetPlan(JsonFieldExtractor Extractor, int MessageSlot, int SlotCount, Evaluator[] Conditions);
