namespace NotebookHelpers.Insights.Runtime;

/// <summary>A scalar function of the query language: its name as documented, its arity, and its implementation.</summary>
/// <param name="Name">The documented spelling (lookup is case-insensitive).</param>
/// <param name="MinArgs">Fewest arguments.</param>
/// <param name="MaxArgs">Most arguments (<see cref="int.MaxValue"/> for variadic).</param>
/// <param name="Invoke">The implementation, over already evaluated arguments.</param>
public sealed record ScalarFunction(string Name, int MinArgs, int MaxArgs, Func<Value[], Value> Invoke);
