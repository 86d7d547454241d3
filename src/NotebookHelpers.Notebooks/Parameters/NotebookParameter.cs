using Microsoft.CodeAnalysis.CSharp;

namespace NotebookHelpers.Notebooks.Parameters;

/// <summary>A parameter given on the command line (<c>-p Name=Value</c>): a C# identifier and the text of its value.</summary>
/// <param name="Name">The variable the notebook's parameters cell declares.</param>
/// <param name="Value">The value as typed; its C# type is decided when it is injected.</param>
public sealed record NotebookParameter(string Name, string Value)
{
    /// <summary>Parses <c>Name=Value</c>. The value may be empty and may contain '='.</summary>
    /// <exception cref="ParameterException">There is no '=' or the name is not a C# identifier.</exception>
    public static NotebookParameter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new ParameterException($"parameter '{text}' must be written Name=Value.");
        }

        var name = text[..eq].Trim();
        if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
        {
            throw new ParameterException($"parameter name '{name}' is not a C# identifier.");
        }

        return new NotebookParameter(name, text[(eq + 1)..]);
    }
}
