using NotebookHelpers.Display;
using System.Diagnostics;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Formatting;
using NotebookHelpers.Notebooks.Parameters;

namespace NotebookHelpers.Notebooks.Execution;

/// <summary>
/// Runs a notebook in-process, cell by cell, in a fresh C# kernel — papermill's contract for .NET: parameters are
/// injected after the cell tagged <c>parameters</c>, every output is recorded into the notebook, and a failing cell
/// stops the run (unless <see cref="NotebookRunOptions.AllowErrors"/>) with its error recorded in the cell.
/// Runs are sequential: the kernel's formatters and the working directory are process-wide.
/// </summary>
public sealed class NotebookRunner
{
    /// <summary>Cells with this tag are expected to fail; their failure does not stop or fail the run.</summary>
    public const string RaisesExceptionTag = "raises-exception";

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private readonly NotebookRunOptions _options;
    private readonly INotebookRunObserver? _observer;

    /// <summary>Creates a runner.</summary>
    public NotebookRunner(NotebookRunOptions? options = null, INotebookRunObserver? observer = null)
    {
        _options = options ?? new NotebookRunOptions();
        _observer = observer;
    }

    /// <summary>
    /// Plans the parameter injection for <paramref name="document"/> without running it, so bad parameters are
    /// reported before any notebook starts.
    /// </summary>
    /// <exception cref="ParameterException">A value does not fit its declared type.</exception>
    public ParameterInjection? PlanParameters(NotebookDocument document) =>
        ParameterInjection.Plan(document, _options.SampleScenario is { } scenario
            ? [.. SampleScenarioParameters.For(document, scenario), .. _options.Parameters]
            : _options.Parameters);

    /// <summary>Runs <paramref name="document"/>, filling in its outputs.</summary>
    /// <exception cref="ParameterException">A parameter value does not fit its declared type.</exception>
    public async Task<NotebookRunResult> RunAsync(NotebookDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var injection = PlanParameters(document);
        var warnings = new List<string>(injection?.Warnings ?? []);
        injection?.InsertInto(document);
        foreach (var cell in document.Cells)
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }

        await OneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var previousDirectory = Environment.CurrentDirectory;
        var notebookDirectory = Path.GetDirectoryName(Path.GetFullPath(document.Path))!;
        var otherOutputs = new List<WrittenOutputEventArgs>();
        void Collect(object? sender, WrittenOutputEventArgs output)
        {
            lock (otherOutputs)
            {
                otherOutputs.Add(output);
            }
        }

        try
        {
            if (_options.UseNotebookFolderAsWorkingDirectory)
            {
                Environment.CurrentDirectory = notebookDirectory;
            }

            HostFormatters.Apply();
            WrittenOutputs.Written += Collect;
            using var kernel = NotebookKernel.Create();
            // The kernel registers a callback on the token of every command it is sent and never removes it: on the
            // run's own token those callbacks kept every finished notebook's kernel, its variables and its evidence
            // alive until the run ended (1 GB for the eight notebooks). A token per notebook drops them with it.
            using var notebookCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var (failures, stoppedEarly) = await RunCellsAsync(kernel, document, notebookDirectory, warnings, notebookCancellation.Token).ConfigureAwait(false);
            return new NotebookRunResult(document, injection, failures, warnings, clock.Elapsed, stoppedEarly, [.. otherOutputs]);
        }
        finally
        {
            WrittenOutputs.Written -= Collect;
            if (_options.UseNotebookFolderAsWorkingDirectory)
            {
                Environment.CurrentDirectory = previousDirectory;
            }

            OneAtATime.Release();
        }
    }

    private async Task<(List<CellFailure> Failures, bool StoppedEarly)> RunCellsAsync(
        CompositeKernel kernel, NotebookDocument document, string notebookDirectory, List<string> warnings, CancellationToken cancellationToken)
    {
        var failures = new List<CellFailure>();
        var codeCells = document.Cells.Count(c => c.Kind == CellKind.Code && !string.IsNullOrWhiteSpace(c.Source));
        var ordinal = 0;
        var executionCount = 0;
        var displays = new DisplayTracker();
        foreach (var cell in document.Cells)
        {
            if (cell.Kind != CellKind.Code || string.IsNullOrWhiteSpace(cell.Source))
            {
                continue;
            }

            ordinal++;
            cell.ExecutionCount = ++executionCount;
            _observer?.CellStarting(cell, ordinal, codeCells);
            var clock = Stopwatch.StartNew();
            var failure = await RunCellAsync(kernel, cell, displays, notebookDirectory, warnings, cancellationToken).ConfigureAwait(false);
            _observer?.CellFinished(cell, ordinal, codeCells, clock.Elapsed, failure);
            if (failure is null)
            {
                continue;
            }

            failures.Add(failure);
            if (!failure.Expected && !_options.AllowErrors)
            {
                return (failures, ordinal < codeCells);
            }
        }

        return (failures, false);
    }

    private static async Task<CellFailure?> RunCellAsync(
        CompositeKernel kernel, NotebookCell cell, DisplayTracker displays, string notebookDirectory, List<string> warnings, CancellationToken cancellationToken)
    {
        var kernelName = cell.KernelName ?? KernelNames.CSharp;
        if (kernelName != KernelNames.CSharp)
        {
            var message = $"nbh run hosts the C# kernel only; this cell is written for '{kernelName}'.";
            cell.Outputs.Add(new ErrorOutput("UnsupportedKernel", message, []));
            return Failure(cell, "UnsupportedKernel", message);
        }

        var code = ReferenceDirectives.Rewrite(cell.Source, notebookDirectory, warnings);
        var result = await kernel.SendAsync(new SubmitCode(code, KernelNames.CSharp), cancellationToken).ConfigureAwait(false);
        CellFailure? failure = null;
        foreach (var kernelEvent in result.Events)
        {
            switch (kernelEvent)
            {
                case StandardOutputValueProduced stdout:
                    AppendStream(cell, "stdout", PlainText(stdout));
                    break;
                case StandardErrorValueProduced stderr:
                    AppendStream(cell, "stderr", PlainText(stderr));
                    break;
                case DisplayedValueUpdated updated:
                    displays.Update(cell, updated.ValueId, updated.Value, Data(updated));
                    break;
                case DisplayedValueProduced displayed:
                    displays.Add(cell, displayed.ValueId, displayed.Value, Data(displayed));
                    break;
                case ReturnValueProduced returned:
                    cell.Outputs.Add(new ExecuteResultOutput(cell.ExecutionCount ?? 0, Data(returned)));
                    break;
                case CommandFailed failed:
                    var (name, message, traceback) = Describe(failed);
                    cell.Outputs.Add(new ErrorOutput(name, message, traceback));
                    failure = Failure(cell, name, message);
                    break;
            }
        }

        return failure;
    }

    private static CellFailure Failure(NotebookCell cell, string name, string message) =>
        new(cell.SourceNumber, cell.ExecutionCount ?? 0, name, message, cell.HasTag(RaisesExceptionTag));

    private static (string Name, string Message, IReadOnlyList<string> Traceback) Describe(CommandFailed failed) => failed.Exception switch
    {
        null => ("Error", failed.Message, []),
        CompilationErrorException => ("CompilationError", failed.Message, []),
        var e when e.GetType().Name == "CodeSubmissionCompilationErrorException" => ("CompilationError", failed.Message, []),
        var e => (e.GetType().Name, e.Message, Traceback(e)),
    };

    private static List<string> Traceback(Exception e)
    {
        // The inner exceptions say why; the kernel's own frames below the submission say nothing to the reader.
        var lines = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current != e)
            {
                lines.Add($"---> {current.GetType().FullName}: {current.Message}");
            }

            lines.AddRange((current.StackTrace ?? string.Empty)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.TrimEnd('\r'))
                .TakeWhile(l => !l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal)));
            // "--- End of stack trace …" markers left dangling by the cut; "---> Inner: message" lines stay.
            while (lines.Count > 0 && lines[^1].TrimStart().StartsWith("--- ", StringComparison.Ordinal))
            {
                lines.RemoveAt(lines.Count - 1);
            }
        }

        return lines;
    }

    private static string PlainText(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == "text/plain")?.Value ?? e.FormattedValues.FirstOrDefault()?.Value ?? string.Empty;

    private static Dictionary<string, string> Data(DisplayEvent e) =>
        e.FormattedValues
            .GroupBy(v => v.MimeType, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal);

    private static void AppendStream(NotebookCell cell, string name, string text)
    {
        // Jupyter merges consecutive writes to the same stream into one output.
        if (cell.Outputs.Count > 0 && cell.Outputs[^1] is StreamOutput last && last.Name == name)
        {
            cell.Outputs[^1] = last with { Text = last.Text + text };
            return;
        }

        cell.Outputs.Add(new StreamOutput(name, text));
    }
}
