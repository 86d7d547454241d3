using System.Text.Json.Nodes;
using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Parameters;

namespace NotebookHelpers.Tests.Notebooks;

public class ParameterInjectionTests
{
    [Fact]
    public void ReadsFieldAndLocalDeclarationsWithTheirTypes()
    {
        var declarations = ParametersCellParser.Parse("""
            // Defaults: the sample incident.
            string AccessKeyId = "AKIAEXAMPLE";
            DateTimeOffset? Start = null, End = null;
            var Source = "sample";
            var Limit = 100;
            var Since = DateTimeOffset.Parse("2024-05-01T00:00:00Z");
            var Window = System.TimeSpan.FromHours(1);
            var Thing = Compute();
            """);

        Assert.Equal(
            [
                new ParameterDeclaration("AccessKeyId", "string", "\"AKIAEXAMPLE\""),
                new ParameterDeclaration("Start", "DateTimeOffset?", "null"),
                new ParameterDeclaration("End", "DateTimeOffset?", "null"),
                new ParameterDeclaration("Source", "string", "\"sample\""),
                new ParameterDeclaration("Limit", "int", "100"),
                new ParameterDeclaration("Since", "DateTimeOffset", "DateTimeOffset.Parse(\"2024-05-01T00:00:00Z\")"),
                new ParameterDeclaration("Window", "TimeSpan", "System.TimeSpan.FromHours(1)"),
                new ParameterDeclaration("Thing", null, "Compute()"),
            ],
            declarations);
    }

    [Fact]
    public void InjectsTypedAssignmentsRightAfterTheParametersCell()
    {
        var document = Notebook(
            Markdown("# t"),
            Code("string AccessKeyId = \"AKIA1\";\nDateTimeOffset? Start = null;", "parameters"),
            Code("Console.WriteLine(AccessKeyId);"));

        var injection = ParameterInjection.Plan(document, [new("AccessKeyId", "1234"), new("Start", "2024-05-01T00:00:00Z")])!;
        var cell = injection.InsertInto(document);

        Assert.Same(cell, document.Cells[2]);
        Assert.True(cell.HasTag(ParameterInjection.InjectedTag));
        Assert.Equal(
            "// Parameters injected by nbh run\nAccessKeyId = \"1234\";\nStart = System.DateTimeOffset.Parse(\"2024-05-01T00:00:00.0000000+00:00\", System.Globalization.CultureInfo.InvariantCulture);",
            cell.Source);
        Assert.Empty(injection.Warnings);
    }

    [Fact]
    public void DeclaresAndWarnsAboutANameTheNotebookDoesNotDeclare()
    {
        var document = Notebook(Code("string A = \"x\";", "parameters"));

        var injection = ParameterInjection.Plan(document, [new("Typo", "3")])!;

        Assert.EndsWith("var Typo = 3;", injection.Code, StringComparison.Ordinal);
        Assert.Equal(["t.ipynb: unknown parameter 'Typo' (its parameters cell declares: A); injected anyway."], injection.Warnings);
    }

    [Fact]
    public void InjectsAtTheTopWhenNoCellIsTaggedParameters()
    {
        var document = Notebook(Code("1 + 1"));

        var injection = ParameterInjection.Plan(document, [new("X", "true")])!;

        Assert.Equal(0, injection.InsertAt);
        Assert.Contains("has no cell tagged 'parameters'", injection.Warnings.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheLastValueOfARepeatedParameterWins()
    {
        var document = Notebook(Code("int N = 1;", "parameters"));

        var injection = ParameterInjection.Plan(document, [new("N", "2"), new("N", "3")])!;

        Assert.Equal("// Parameters injected by nbh run\nN = 3;", injection.Code);
    }

    [Fact]
    public void InjectsNothingWithoutParameters()
    {
        Assert.Null(ParameterInjection.Plan(Notebook(Code("1")), []));
    }

    private static NotebookDocument Notebook(params NotebookCell[] cells) => new("t.ipynb", NotebookFormat.Ipynb, cells);

    private static NotebookCell Markdown(string text) => new(CellKind.Markdown, text);

    private static NotebookCell Code(string text, string? tag = null) =>
        new(CellKind.Code, text, metadata: tag is null ? null : new JsonObject { ["tags"] = new JsonArray(tag) });
}
