using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookHelpers.Notebooks.Formatting;

/// <summary>
/// The formatting every notebook run starts from. .NET Interactive's formatter registry is process-wide, so it is
/// reset before each notebook: a formatter one notebook registers does not leak into the next.
/// </summary>
public static class HostFormatters
{
    /// <summary>Resets the registry and applies the host's settings.</summary>
    public static void Apply()
    {
        Formatter.ResetToDefault();

        // Values get text/plain next to text/html, so the executed .ipynb reads well in a terminal and in diffs.
        Formatter.SetPreferredMimeTypesFor(typeof(object), "text/html", "text/plain");
        PlotlyNetChartFormatter.Register();
    }
}
