using System.Text.RegularExpressions;
using NotebookHelpers.Insights.Compilation;

namespace NotebookHelpers.Insights.Execution;

/// <summary>One compiled pipeline step.</summary>
internal abstract record Stage;

/// <summary><c>filter</c>: keeps rows whose condition is true.</summary>
internal sealed record FilterStage(Evaluator Condition) : Stage;

/// <summary><c>fields</c>/<c>display</c> items that compute a value: writes each into its slot, in order.</summary>
internal sealed record AssignStage(int[] Slots, Evaluator[] Values) : Stage;

/// <summary><c>parse</c>: matches the source text and writes the captures; a failed match clears them.</summary>
internal sealed record ParseStage(Evaluator Source, Regex Pattern, int[] GroupNumbers, int[] Slots) : Stage;

/// <summary><c>sort</c>: captures its keys into <see cref="Row.SortKeys"/> at <see cref="Offset"/>.</summary>
internal sealed record SortStage(Evaluator[] Keys, bool[] Descending, int Offset) : Stage;

/// <summary><c>limit</c>.</summary>
internal sealed record LimitStage(int Count) : Stage;

/// <summary><c>dedup</c>.</summary>
internal sealed record DedupStage(int[] Slots) : Stage;

/// <summary><c>stats</c>.</summary>
internal sealed record StatsStage(StatsPlan Plan) : Stage;
