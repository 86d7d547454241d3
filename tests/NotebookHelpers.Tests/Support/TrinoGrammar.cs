using System.Diagnostics;
using System.Text.Json;

namespace NotebookHelpers.Tests.Support;

/// <summary>
/// Checks SQL statements with a real Trino grammar: dt-sql-parser's TrinoSQL, run by node from tests/trino-syntax's
/// bundle (<see cref="ExternalTools.TrinoSyntax"/>). Use it from a <c>[ToolFact(ExternalTools.TrinoSyntax)]</c>.
/// </summary>
public static class TrinoGrammar
{
    /// <summary>Per statement, the grammar's errors as JSON (<c>[]</c> when it parses), in order.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(IReadOnlyList<string> statements)
    {
        var bundle = ExternalTools.TrinoSyntaxBundle;
        Assert.True(File.Exists(bundle), $"{bundle} is missing: cd tests/trino-syntax && npm ci && npm run build");
        var start = new ProcessStartInfo(ExternalTools.Find("node")!, [bundle]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(JsonSerializer.Serialize(statements));
        node.StandardInput.Close();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, await stderr);
        var results = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(statements.Count, results.Length);
        return results;
    }
}
