namespace NotebookHelpers.Notebooks.Parameters;

/// <summary>A parameter value as injected.</summary>
/// <param name="Name">The variable.</param>
/// <param name="Text">The value as given.</param>
/// <param name="TypeName">The C# type it was injected as.</param>
/// <param name="Declared">True when the parameters cell declares the variable.</param>
public sealed record InjectedValue(string Name, string Text, string TypeName, bool Declared);
