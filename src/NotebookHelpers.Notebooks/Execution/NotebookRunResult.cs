using NotebookHelpers.Display;
using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Parameters;

namespace NotebookHelpers.Notebooks.Execution;

/// <summary>The outcome of running one notebook.</summary>
public sealed class NotebookRunResult
{
    internal NotebookRunResult(
        NotebookDocument document, ParameterInjection? injection, IReadOnlyList<CellFailure> failures, IReadOnlyList<string> warnings, TimeSpan duration, bool stoppedEarly,
        IReadOnlyList<WrittenOutputEventArgs> otherOutputs)
    {
        OtherOutputs = otherOutputs;
        Document = document;
        Injection = injection;
        Failures = failures;
        Warnings = warnings;
        Duration = duration;
        StoppedEarly = stoppedEarly;
    }

    /// <summary>The executed notebook: the injected cell, outputs and execution counts filled in.</summary>
    public NotebookDocument Document { get; }

    /// <summary>The parameters injected, if any.</summary>
    public ParameterInjection? Injection { get; }

    /// <summary>Every failed cell, including expected failures of cells tagged <c>raises-exception</c>.</summary>
    public IReadOnlyList<CellFailure> Failures { get; }

    /// <summary>Problems that did not stop the run.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>What the notebook's cells had the library write elsewhere (the incident report's folder), in order.</summary>
    public IReadOnlyList<WrittenOutputEventArgs> OtherOutputs { get; }

    /// <summary>Wall-clock time of the run, kernel start included.</summary>
    public TimeSpan Duration { get; }

    /// <summary>True when a failure stopped the run before the last cell.</summary>
    public bool StoppedEarly { get; }

    /// <summary>Failures that count: those not expected by a <c>raises-exception</c> tag.</summary>
    public IReadOnlyList<CellFailure> UnexpectedFailures => Failures.Where(f => !f.Expected).ToList();

    /// <summary>True when no cell failed unexpectedly.</summary>
    public bool Succeeded => UnexpectedFailures.Count == 0;
}
