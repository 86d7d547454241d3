namespace NotebookHelpers.Notebooks.Documents;

/// <summary>Normalises the names notebooks use for kernels and languages.</summary>
public static class KernelNames
{
    /// <summary>The C# kernel, the only one <c>nbh run</c> hosts.</summary>
    public const string CSharp = "csharp";

    /// <summary>The pseudo-kernel of markdown cells in .dib files.</summary>
    public const string Markdown = "markdown";

    /// <summary>Maps aliases (<c>C#</c>, <c>c#</c>, <c>cs</c>, <c>.net-csharp</c>) to a kernel name; others are lower-cased.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "c#" or "cs" or "csharp" or ".net-csharp" => CSharp,
            "f#" or "fs" or "fsharp" or ".net-fsharp" => "fsharp",
            "powershell" or "pwsh" or ".net-powershell" => "pwsh",
            "md" or "markdown" => Markdown,
            var other => other,
        };
    }
}
