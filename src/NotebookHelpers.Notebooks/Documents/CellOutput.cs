namespace NotebookHelpers.Notebooks.Documents;

/// <summary>One output of a code cell, as nbformat 4 stores it.</summary>
public abstract record CellOutput;

/// <summary>Text written to stdout or stderr while the cell ran.</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A value displayed by the cell (<c>display(x)</c>), one rendering per MIME type.</summary>
/// <param name="Data">MIME type to rendering, e.g. <c>text/html</c> and <c>text/plain</c>.</param>
/// <param name="DisplayId">The kernel's id for the value, so later updates can replace it; not written to files.</param>
public sealed record DisplayDataOutput(IReadOnlyDictionary<string, string> Data, string? DisplayId = null) : CellOutput;

/// <summary>The value of the cell's last expression.</summary>
/// <param name="ExecutionCount">The cell's execution count.</param>
/// <param name="Data">MIME type to rendering.</param>
public sealed record ExecuteResultOutput(int ExecutionCount, IReadOnlyDictionary<string, string> Data) : CellOutput;

/// <summary>The error that stopped the cell.</summary>
/// <param name="Name">The error's name, e.g. the exception type or <c>CompilationError</c>.</param>
/// <param name="Value">The message.</param>
/// <param name="Traceback">Stack or diagnostic lines.</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
