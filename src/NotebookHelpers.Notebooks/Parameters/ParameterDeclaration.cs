namespace NotebookHelpers.Notebooks.Parameters;

/// <summary>A variable declared in a notebook's parameters cell.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="TypeName">The declared type as written (<c>string</c>, <c>DateTimeOffset?</c>), the type inferred from a
/// <c>var</c> initializer, or null when it cannot be known without compiling.</param>
/// <param name="DefaultText">The initializer as written, e.g. <c>"AKIA…"</c>; null when there is none.</param>
public sealed record ParameterDeclaration(string Name, string? TypeName, string? DefaultText);
