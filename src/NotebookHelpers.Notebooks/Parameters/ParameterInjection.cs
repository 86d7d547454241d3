using System.Text;
using NotebookHelpers.Notebooks.Documents;

namespace NotebookHelpers.Notebooks.Parameters;

/// <summary>
/// Papermill's contract for C#: the cell tagged <c>parameters</c> holds the defaults, and a cell tagged
/// <c>injected-parameters</c> is inserted right after it that assigns the given values (or at the top when there is no
/// parameters cell). Values are typed by the declarations in the parameters cell; a name the cell does not declare is
/// declared by the injected cell and reported as a warning, as papermill does.
/// </summary>
public sealed class ParameterInjection
{
    /// <summary>The tag of the parameters cell.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the cell the runner inserts.</summary>
    public const string InjectedTag = "injected-parameters";

    private ParameterInjection(string code, IReadOnlyList<InjectedValue> values, IReadOnlyList<string> warnings, int insertAt)
    {
        Code = code;
        Values = values;
        Warnings = warnings;
        InsertAt = insertAt;
    }

    /// <summary>The injected cell's code.</summary>
    public string Code { get; }

    /// <summary>The values injected, with their C# types.</summary>
    public IReadOnlyList<InjectedValue> Values { get; }

    /// <summary>Problems to show the user: unknown names, a missing parameters cell.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The index in the notebook's cells where the injected cell goes.</summary>
    public int InsertAt { get; }

    /// <summary>
    /// Plans the injection of <paramref name="parameters"/> into <paramref name="document"/>; null when there are none.
    /// </summary>
    /// <exception cref="ParameterException">A value does not fit its declared type.</exception>
    public static ParameterInjection? Plan(NotebookDocument document, IReadOnlyList<NotebookParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            return null;
        }

        var warnings = new List<string>();
        var cellIndex = document.Cells.FindIndex(c => c.Kind == CellKind.Code && c.HasTag(ParametersTag));
        var declarations = cellIndex >= 0
            ? ParametersCellParser.Parse(document.Cells[cellIndex].Source).ToDictionary(d => d.Name, StringComparer.Ordinal)
            : new Dictionary<string, ParameterDeclaration>(StringComparer.Ordinal);
        if (cellIndex < 0)
        {
            warnings.Add($"{document.Path} has no cell tagged '{ParametersTag}'; the parameters are injected at the top.");
        }

        var code = new StringBuilder("// Parameters injected by nbh run\n");
        var values = new List<InjectedValue>();
        foreach (var parameter in parameters.GroupBy(p => p.Name, StringComparer.Ordinal).Select(g => g.Last()))
        {
            if (declarations.TryGetValue(parameter.Name, out var declaration))
            {
                var (expression, type) = CSharpLiteral.For(parameter.Name, parameter.Value, declaration.TypeName);
                code.Append(parameter.Name).Append(" = ").Append(expression).Append(";\n");
                values.Add(new InjectedValue(parameter.Name, parameter.Value, type, Declared: true));
            }
            else
            {
                var (expression, type) = CSharpLiteral.Infer(parameter.Value);
                code.Append("var ").Append(parameter.Name).Append(" = ").Append(expression).Append(";\n");
                values.Add(new InjectedValue(parameter.Name, parameter.Value, type, Declared: false));
                if (cellIndex >= 0)
                {
                    var known = declarations.Count == 0 ? "none" : string.Join(", ", declarations.Keys);
                    warnings.Add($"{document.Path}: unknown parameter '{parameter.Name}' (its parameters cell declares: {known}); injected anyway.");
                }
            }
        }

        return new ParameterInjection(code.ToString().TrimEnd('\n'), values, warnings, cellIndex + 1);
    }

    /// <summary>Inserts the injected cell into <paramref name="document"/>.</summary>
    public NotebookCell InsertInto(NotebookDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var metadata = new System.Text.Json.Nodes.JsonObject
        {
            ["tags"] = new System.Text.Json.Nodes.JsonArray(InjectedTag),
        };
        var cell = new NotebookCell(CellKind.Code, Code, KernelNames.CSharp, InjectedTag, metadata);
        document.Cells.Insert(InsertAt, cell);
        return cell;
    }
}
