using System.Text;
using NotebookHelpers.Notebooks.Documents;

namespace NotebookHelpers.Notebooks.Parameters;

/// <summary>
/// Papermill's contract for C#: the cell tagged <c>parameters</c> holds the defaults, and a cell tagged
/// <c>injected-parameters</c> is inserted right after it that assigns the given values (or at the top when there is no
/// parameters cell). Values are typed by the declarations in the parameters cell. A name no notebook of the run
/// declares is refused (<see cref="RequireDeclared"/>) unless the run allows it; a name this notebook does not declare
/// is then declared by the injected cell and reported as a warning, as papermill does.
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
        var cellIndex = ParametersCellIndex(document);
        var declarations = Declarations(document).ToDictionary(d => d.Name, StringComparer.Ordinal);
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

    /// <summary>The parameters the notebook's cell tagged <c>parameters</c> declares (none without such a cell).</summary>
    public static IReadOnlyList<ParameterDeclaration> Declarations(NotebookDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var cellIndex = ParametersCellIndex(document);
        return cellIndex >= 0 ? ParametersCellParser.Parse(document.Cells[cellIndex].Source) : [];
    }

    /// <summary>
    /// Refuses a parameter that none of <paramref name="documents"/> declares, naming the closest declared name: a
    /// mistyped name would otherwise be injected beside the real parameter and the run would use its default.
    /// </summary>
    /// <exception cref="ParameterException">A name no notebook declares.</exception>
    public static void RequireDeclared(IReadOnlyList<NotebookDocument> documents, IReadOnlyList<NotebookParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(parameters);
        var declared = documents.SelectMany(Declarations).Select(d => d.Name).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in parameters.Select(p => p.Name).Distinct(StringComparer.Ordinal).Where(n => !declared.Contains(n, StringComparer.Ordinal)))
        {
            var where = documents.Count == 1 ? documents[0].Path : $"none of the {documents.Count} notebooks";
            var guess = NotebookHelpers.Spelling.ClosestMatch.Find(name, declared);
            var hint = guess is null ? "" : $"; did you mean '{guess}'?";
            var known = declared.Count == 0 ? "it declares none" : "declared: " + string.Join(", ", declared);
            throw new ParameterException(
                $"unknown parameter '{name}': {where} declares no such parameter{hint} ({known}). Add --allow-unknown-parameters to inject it anyway.");
        }
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

    private static int ParametersCellIndex(NotebookDocument document) =>
        document.Cells.FindIndex(c => c.Kind == CellKind.Code && c.HasTag(ParametersTag));
}
