using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Sources;

namespace NotebookHelpers.Notebooks.Parameters;

/// <summary>
/// The parameters that move a notebook from the committed sample to another training scenario: each declared
/// parameter whose default is a sample source (<c>Source = "sample"</c>, <c>CompareWith = "sample"</c>,
/// <c>Source = "sample:event-history"</c>) set to the same source in the scenario.
/// </summary>
public static class SampleScenarioParameters
{
    /// <summary>The values to inject into <paramref name="document"/> for <paramref name="scenario"/> (none for the mining default).</summary>
    public static IReadOnlyList<NotebookParameter> For(NotebookDocument document, string scenario)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scenario);
        var result = new List<NotebookParameter>();
        foreach (var declaration in ParameterInjection.Declarations(document))
        {
            if (declaration.DefaultText is not { Length: > 1 } text || text[0] != '"' || text[^1] != '"')
            {
                continue;
            }

            var value = text[1..^1];
            var moved = SampleIncidentLocator.InScenario(value, scenario);
            if (SampleIncidentLocator.TryParseSourceName(value, out _) && moved != value)
            {
                result.Add(new NotebookParameter(declaration.Name, moved));
            }
        }

        return result;
    }
}
