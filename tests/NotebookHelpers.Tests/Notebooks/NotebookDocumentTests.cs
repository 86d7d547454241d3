using System.Text.Json;
using NotebookHelpers.Notebooks.Documents;

namespace NotebookHelpers.Tests.Notebooks;

public class NotebookDocumentTests
{
    [Fact]
    public void ReadsCellsSourcesTagsAndKernelsFromIpynb()
    {
        var document = IpynbReader.Parse("n.ipynb", """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": ".net-csharp"}},
             "cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "text"]},
              {"cell_type": "code", "id": "p1", "metadata": {"tags": ["parameters"], "polyglot_notebook": {"kernelName": "csharp"}},
               "source": "string A = \"x\";", "outputs": [{"output_type": "stream", "name": "stdout", "text": "old"}], "execution_count": 9},
              {"cell_type": "code", "metadata": {"dotnet_interactive": {"language": "fsharp"}}, "source": [], "outputs": []}
             ]}
            """);

        Assert.Equal("Title", document.Title);
        Assert.Equal("# Title\ntext", document.Cells[0].Source);
        Assert.True(document.Cells[1].HasTag("parameters"));
        Assert.Equal("csharp", document.Cells[1].KernelName);
        Assert.Equal("p1", document.Cells[1].Id);
        Assert.Empty(document.Cells[1].Outputs);
        Assert.Equal("fsharp", document.Cells[2].KernelName);
        Assert.Equal(3, document.Cells[2].SourceNumber);
    }

    [Theory]
    [InlineData("{\"nbformat\": 4, \"cells\": [", "n.ipynb: not valid JSON at line 1")]
    [InlineData("{\"nbformat\": 3, \"worksheets\": []}", "n.ipynb: nbformat 3 is not supported")]
    [InlineData("{\"nbformat\": 4}", "n.ipynb: the notebook has no \"cells\" array")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"widget\"}]}", "n.ipynb: cell 1 has cell_type 'widget'")]
    [InlineData("{\"nbformat\": 4.5, \"cells\": []}", "n.ipynb: nbformat 4.5 is not supported")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": [\"a\\n\", 2]}]}", "n.ipynb: cell 1 has a source that is neither a string nor a list of strings")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"1\", \"metadata\": {\"polyglot_notebook\": \"csharp\"}}]}", "n.ipynb: cell 1 has metadata.polyglot_notebook that is not an object")]
    public void NamesTheFileAndWhatIsWrong(string json, string message)
    {
        var e = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse("n.ipynb", json));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesNbformat45WithOutputsIdsAndLineLists()
    {
        var document = new NotebookDocument("n.ipynb", NotebookFormat.Dib,
        [
            new NotebookCell(CellKind.Markdown, "# T\nline"),
            new NotebookCell(CellKind.Code, "Console.WriteLine(1);\n1", id: "bad id!") { ExecutionCount = 1 },
            new NotebookCell(CellKind.Code, "x", id: "cell-1"),
        ]);
        document.Cells[1].Outputs.AddRange(
        [
            new StreamOutput("stdout", "1\n"),
            new DisplayDataOutput(new Dictionary<string, string> { ["text/plain"] = "shown", ["text/html"] = "<b>shown</b>" }, "d1"),
            new ExecuteResultOutput(1, new Dictionary<string, string> { ["text/plain"] = "1" }),
            new ErrorOutput("InvalidOperationException", "boom", ["  at X"]),
        ]);

        using var json = JsonDocument.Parse(IpynbWriter.ToJson(document));
        var root = json.RootElement;

        Assert.Equal(4, root.GetProperty("nbformat").GetInt32());
        Assert.Equal(5, root.GetProperty("nbformat_minor").GetInt32());
        Assert.Equal(".net-csharp", root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
        var cells = root.GetProperty("cells");
        Assert.Equal(["cell-1", "cell-2", "cell-1-2"], cells.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["# T\n", "line"], cells[0].GetProperty("source").EnumerateArray().Select(l => l.GetString()));
        Assert.False(cells[0].TryGetProperty("outputs", out _));
        var outputs = cells[1].GetProperty("outputs");
        Assert.Equal(["stream", "display_data", "execute_result", "error"], outputs.EnumerateArray().Select(o => o.GetProperty("output_type").GetString()));
        Assert.Equal(["<b>shown</b>"], outputs[1].GetProperty("data").GetProperty("text/html").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(1, outputs[2].GetProperty("execution_count").GetInt32());
        Assert.Equal("boom", outputs[3].GetProperty("evalue").GetString());
        Assert.Equal(JsonValueKind.Null, cells[2].GetProperty("execution_count").ValueKind);
    }

    [Fact]
    public void RoundTripsThroughWriterAndReader()
    {
        var original = new NotebookDocument("n.ipynb", NotebookFormat.Ipynb,
        [
            new NotebookCell(CellKind.Markdown, "text with ünïcode and \"quotes\""),
            new NotebookCell(CellKind.Code, "var a = 1;\nvar b = 2;\n", metadata: new() { ["tags"] = new System.Text.Json.Nodes.JsonArray("parameters") }),
        ]);

        var read = IpynbReader.Parse("n.ipynb", IpynbWriter.ToJson(original));

        Assert.Equal(original.Cells.Select(c => (c.Kind, c.Source)), read.Cells.Select(c => (c.Kind, c.Source)));
        Assert.True(read.Cells[1].HasTag("parameters"));
    }

    [Fact]
    public void ReadsDibCellsAndTheParametersMarker()
    {
        var document = DibReader.Parse("n.dib", "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"name\":\"csharp\"}]}}\n\n#!markdown\n\n# Dib\n\n#!csharp\n\n// parameters\nint N = 1;\n\n#!csharp\n\nN * 2\n\n#!fsharp\n\n1\n");

        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Code], document.Cells.Select(c => c.Kind));
        Assert.True(document.Cells[1].HasTag("parameters"));
        Assert.False(document.Cells[2].HasTag("parameters"));
        Assert.Equal("fsharp", document.Cells[3].KernelName);
        Assert.Equal("Dib", document.Title);
    }

    [Fact]
    public void WritesALineLongerThanASegmentAsTheSameJsonStringAsAShortOne()
    {
        // Quotes, a backslash, a control character, non-ASCII text and a surrogate pair cut by the 16,384-char segment
        // boundary: each must be escaped exactly as Utf8JsonWriter escapes a whole string.
        var line = new string('a', 16_383) + "\U0001F512" + new string('"', 3) + "\\\u0001é</script>" + new string('b', 20_000);
        var document = new NotebookDocument("n.ipynb", NotebookFormat.Ipynb, [new NotebookCell(CellKind.Code, "1")]);
        document.Cells[0].Outputs.Add(new DisplayDataOutput(new Dictionary<string, string> { ["text/html"] = line + "\nshort" }));

        var json = IpynbWriter.ToJson(document);

        var literal = JsonSerializer.Serialize(line + "\n", new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains(literal + ",", json, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json);
        var html = parsed.RootElement.GetProperty("cells")[0].GetProperty("outputs")[0].GetProperty("data").GetProperty("text/html");
        Assert.Equal([line + "\n", "short"], html.EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public void WritingAMultiMegabyteOutputLineDoesNotRentAWorstCaseEscapeBuffer()
    {
        // plotly.js is one 3.6-million-char line with quotes in it; escaping it whole rented (and left in the shared pool)
        // a buffer of 6 chars per char.
        var line = "\"" + new string('x', 4_000_000);
        var document = new NotebookDocument("n.ipynb", NotebookFormat.Ipynb, [new NotebookCell(CellKind.Code, "1")]);
        document.Cells[0].Outputs.Add(new DisplayDataOutput(new Dictionary<string, string> { ["text/html"] = line }));

        var before = GC.GetAllocatedBytesForCurrentThread();
        IpynbWriter.Write(document, Stream.Null);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 32_000_000, $"{allocated:N0} bytes allocated to write a 4,000,000-char line");
    }
}
