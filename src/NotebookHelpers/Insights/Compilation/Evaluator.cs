using NotebookHelpers.Insights.Execution;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>A compiled expression: computes a value for a row.</summary>
internal delegate Value Evaluator(Row row);
