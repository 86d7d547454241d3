using System.Diagnostics;
using System.Globalization;
using System.Text;
using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Notebooks.Parameters;
using NotebookHelpers.Notebooks.Reports;

namespace NotebookHelpers.Notebooks.Batch;

/// <summary>
/// Runs notebooks one after the other and writes, for each, the executed notebook (<c>NAME.ipynb</c>) and its report
/// (<c>NAME.html</c>) into an output folder, printing progress per cell. A notebook that fails does not stop the
/// others. This is <c>nbh run</c> without the command line.
/// </summary>
public sealed class NotebookBatch
{
    private readonly NotebookRunOptions _options;
    private readonly TextWriter _progress;
    private readonly bool _terminal;

    /// <summary>Creates a batch.</summary>
    /// <param name="options">How each notebook runs.</param>
    /// <param name="progress">Where progress and problems go (stderr in the CLI).</param>
    /// <param name="progressIsTerminal">True when <paramref name="progress"/> is a terminal: the running cell is shown and redrawn when it ends.</param>
    public NotebookBatch(NotebookRunOptions options, TextWriter progress, bool progressIsTerminal = false)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _progress = progress ?? throw new ArgumentNullException(nameof(progress));
        _terminal = progressIsTerminal;
    }

    /// <summary>
    /// Reads every notebook and checks the parameters against each before running any, so a typo in <c>-p</c> fails
    /// at once rather than after minutes of work.
    /// </summary>
    /// <exception cref="ParameterException">A parameter does not fit a notebook's declared type.</exception>
    public static async Task<IReadOnlyList<(string Path, NotebookDocument? Document, string? Problem)>> LoadAsync(
        IReadOnlyList<string> paths, NotebookRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var runner = new NotebookRunner(options);
        var loaded = new List<(string, NotebookDocument?, string?)>();
        foreach (var path in paths)
        {
            try
            {
                var document = await NotebookReader.ReadAsync(path, cancellationToken).ConfigureAwait(false);
                runner.PlanParameters(document);
                loaded.Add((path, document, null));
            }
            catch (NotebookFormatException e)
            {
                loaded.Add((path, null, e.Message));
            }
        }

        return loaded;
    }

    /// <summary>Runs the loaded notebooks and writes their outputs into <paramref name="outputDirectory"/>.</summary>
    public async Task<IReadOnlyList<NotebookOutcome>> RunAsync(
        IReadOnlyList<(string Path, NotebookDocument? Document, string? Problem)> notebooks, string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        Directory.CreateDirectory(outputDirectory);
        var outcomes = new List<NotebookOutcome>();
        var clock = Stopwatch.StartNew();
        foreach (var (path, document, problem) in notebooks)
        {
            if (document is null)
            {
                _progress.WriteLine($"nbh run: {problem}");
                outcomes.Add(new NotebookOutcome(path, null, problem, null, null));
                continue;
            }

            outcomes.Add(await RunOneAsync(path, document, outputDirectory, cancellationToken).ConfigureAwait(false));

            // What a finished notebook held (its kernel, its evidence) is garbage now, but the GC would grow the heap
            // over several notebooks before compacting it: give the memory back before the next one starts.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        var failed = outcomes.Count(o => !o.Succeeded);
        _progress.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"nbh run: {outcomes.Count} {(outcomes.Count == 1 ? "notebook" : "notebooks")}, {outcomes.Count - failed} succeeded, {failed} failed ({clock.Elapsed.TotalSeconds:0.0} s); outputs in {outputDirectory}"));
        return outcomes;
    }

    private async Task<NotebookOutcome> RunOneAsync(string path, NotebookDocument document, string outputDirectory, CancellationToken cancellationToken)
    {
        var executedPath = Path.Combine(outputDirectory, document.Name + ".ipynb");
        var reportPath = Path.Combine(outputDirectory, document.Name + ".html");
        if (string.Equals(Path.GetFullPath(executedPath), Path.GetFullPath(path), StringComparison.Ordinal))
        {
            var problem = $"{path}: the output folder is the notebook's own folder; the executed notebook would overwrite it. Choose another --out.";
            _progress.WriteLine("nbh run: " + problem);
            return new NotebookOutcome(path, null, problem, null, null);
        }

        _progress.WriteLine($"nbh run: {path}");
        var runner = new NotebookRunner(_options, new ProgressPrinter(_progress, _terminal));
        var result = await runner.RunAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var warning in result.Warnings)
        {
            _progress.WriteLine("  warning: " + warning);
        }

        foreach (var failure in result.Failures)
        {
            var kind = failure.Expected ? "failed as expected (raises-exception)" : "failed";
            _progress.WriteLine($"nbh run: {path}: {failure.Where} {kind} (In [{failure.ExecutionCount}]): {failure.ErrorName}: {failure.FirstLine}");
        }

        try
        {
            await using (var stream = File.Create(executedPath))
            {
                IpynbWriter.Write(result.Document, stream);
            }

            await File.WriteAllTextAsync(reportPath, HtmlReportWriter.Render(result), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var problem = $"{path}: cannot write its outputs: {e.Message}";
            _progress.WriteLine("nbh run: " + problem);
            return new NotebookOutcome(path, result, problem, null, null);
        }

        _progress.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  wrote {executedPath} and {reportPath} ({result.Duration.TotalSeconds:0.0} s)"));

        // The outputs are in the files now. Held until the batch ends, every notebook's outputs (a chart carries
        // plotly.js, 3.6 MB) added up over a run of all notebooks.
        foreach (var cell in result.Document.Cells)
        {
            cell.Outputs.Clear();
        }

        return new NotebookOutcome(path, result, null, executedPath, reportPath);
    }

    private sealed class ProgressPrinter(TextWriter writer, bool terminal) : INotebookRunObserver
    {
        public void CellStarting(NotebookCell cell, int ordinal, int codeCells)
        {
            if (terminal)
            {
                // Shown while the cell runs (a live query can take minutes); the finished line overwrites it.
                writer.Write($"  [{ordinal}/{codeCells}] {Where(cell),-9} running  {FirstCodeLine(cell.Source)}");
                writer.Flush();
            }
        }

        public void CellFinished(NotebookCell cell, int ordinal, int codeCells, TimeSpan elapsed, CellFailure? failure)
        {
            var status = failure is null ? "ok" : failure.Expected ? "raised" : "FAILED";
            if (terminal)
            {
                writer.Write("\r\u001b[2K");
            }

            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  [{ordinal}/{codeCells}] {Where(cell),-9} {status,-6} {elapsed.TotalSeconds,5:0.0} s  {FirstCodeLine(cell.Source)}"));
        }

        private static string Where(NotebookCell cell) => cell.SourceNumber is { } n ? $"cell {n}" : "injected";

        private static string FirstCodeLine(string source)
        {
            var line = source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal))
                ?? source.Split('\n')[0].Trim();
            return line.Length > 60 ? line[..59] + "…" : line;
        }
    }
}
