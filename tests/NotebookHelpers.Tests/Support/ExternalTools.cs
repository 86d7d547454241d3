namespace NotebookHelpers.Tests.Support;

/// <summary>
/// Programs some tests drive (headless Chromium, node, Jupyter) that a machine with only the .NET SDK lacks. Like
/// <see cref="SharedData"/>: a test that needs one is skipped with a reason on a plain machine and always runs under
/// <c>CI=true</c>, where <c>.ci/run</c> installs it, so CI cannot pass without having run it.
/// </summary>
public static class ExternalTools
{
    private static readonly Dictionary<string, string> HowToInstall = new(StringComparer.Ordinal)
    {
        ["chromium"] = "apt-get install chromium (.ci/run installs it)",
        ["node"] = "apt-get install nodejs npm (.ci/run installs it)",
        ["npm"] = "apt-get install nodejs npm (.ci/run installs it)",
        ["jupyter"] = "apt-get install jupyter-nbconvert (.ci/stock-kernel installs it)",
        ["jupyter-nbconvert"] = "apt-get install jupyter-nbconvert (.ci/run installs it)",
        ["pdftoppm"] = "apt-get install poppler-utils (.ci/run installs it)",
        [TrinoSyntax] = "node, and the bundle built with `cd tests/trino-syntax && npm ci && npm run build` (.ci/run builds it)",
    };

    /// <summary>The pseudo-tool for the Trino grammar check: node plus tests/trino-syntax's esbuild bundle of dt-sql-parser.</summary>
    public const string TrinoSyntax = "trino-syntax";

    /// <summary>Where tests/trino-syntax's build writes the bundle.</summary>
    public static string TrinoSyntaxBundle => Path.Combine(RepositoryPaths.RepositoryRoot, "tests", "trino-syntax", "dist", "trino-syntax.js");

    /// <summary>The full path of <paramref name="tool"/> on PATH, or null.</summary>
    public static string? Find(string tool)
    {
        ArgumentException.ThrowIfNullOrEmpty(tool);
        if (tool == TrinoSyntax)
        {
            return Find("node") is not null && File.Exists(TrinoSyntaxBundle) ? TrinoSyntaxBundle : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Null when a test needing <paramref name="tool"/> must run; otherwise why it is skipped.</summary>
    public static string? SkipReason(string tool) => Find(tool) is not null || SharedData.IsCi
        ? null
        : $"needs `{tool}` on PATH, which this machine lacks; {HowToInstall.GetValueOrDefault(tool, "install it")}";

    /// <summary>Null when a test needing every one of <paramref name="tools"/> must run; otherwise why it is skipped.</summary>
    public static string? SkipReason(IEnumerable<string> tools) => tools.Select(SkipReason).FirstOrDefault(r => r is not null);
}

/// <summary>A fact that drives external programs; see <see cref="ExternalTools"/>.</summary>
/// <param name="tools">The programs' names on PATH, e.g. <c>chromium</c>.</param>
public sealed class ToolFactAttribute(params string[] tools) : FactAttribute
{
    /// <inheritdoc />
    public override string? Skip { get => base.Skip ?? ExternalTools.SkipReason(Tools); set => base.Skip = value; }

    /// <summary>The programs the test needs.</summary>
    public IReadOnlyList<string> Tools { get; } = tools;
}

/// <summary>The theory form of <see cref="ToolFactAttribute"/>.</summary>
/// <param name="tool">The program's name on PATH.</param>
public sealed class ToolTheoryAttribute(string tool) : TheoryAttribute
{
    /// <inheritdoc />
    public override string? Skip { get => base.Skip ?? ExternalTools.SkipReason(Tool); set => base.Skip = value; }

    /// <summary>The program the test needs.</summary>
    public string Tool { get; } = tool;
}
