using System.Diagnostics;
using System.Globalization;
using NotebookHelpers.Html;

namespace NotebookHelpers.Display;

/// <summary>
/// Progress of long work (reading evidence, running a query over many files) shown as one notebook output that is
/// updated in place, never a scroll of lines. Outside a notebook it writes an occasional line to stderr instead.
/// Thread-safe: workers may report concurrently. The final state carries no timing, so a re-run of the same notebook
/// produces the same output.
/// </summary>
/// <example>
/// <code>
/// var progress = ProgressDisplay.Start("Reading evidence", total: files.Count, unit: "files");
/// foreach (var file in files) { Read(file); progress.Increment(); }
/// progress.Complete($"{files.Count} files read");
/// </code>
/// </example>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class ProgressDisplay : IHtmlRenderable, IProgress<long>
{
    private static readonly TimeSpan NotebookInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan TextInterval = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DisplayHandle? _handle;
    private readonly TextWriter? _fallback;
    private TimeSpan _lastShown;
    private long _done;
    private string? _detail;
    private string? _summary;

    private ProgressDisplay(string label, long? total, string unit, bool show, TextWriter? fallback)
    {
        Label = label;
        Total = total;
        Unit = unit;
        if (show)
        {
            _handle = NotebookDisplay.Show(this);
            _fallback = _handle is null ? fallback : null;
        }
    }

    /// <summary>What is being done, e.g. "Reading evidence".</summary>
    public string Label { get; }

    /// <summary>The amount of work when known in advance.</summary>
    public long? Total { get; }

    /// <summary>The unit of work, e.g. "files" or "events".</summary>
    public string Unit { get; }

    /// <summary>Work done so far.</summary>
    public long Done => Interlocked.Read(ref _done);

    /// <summary>True once <see cref="Complete"/> was called.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>
    /// Shows a new progress display in the running cell's output (or, outside a notebook, on stderr).
    /// </summary>
    public static ProgressDisplay Start(string label, long? total = null, string unit = "items")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        return new ProgressDisplay(label, total, unit, show: true, Console.Error);
    }

    /// <summary>A display that only records progress and shows nothing (for callers that render it themselves).</summary>
    public static ProgressDisplay Silent(string label, long? total = null, string unit = "items") =>
        new(label, total, unit, show: false, fallback: null);

    /// <summary>Sets the amount of work done.</summary>
    public void Report(long value)
    {
        Interlocked.Exchange(ref _done, value);
        Refresh(force: false);
    }

    /// <summary>Sets the amount of work done and a short note on the current item (e.g. a file name).</summary>
    public void Report(long value, string? detail)
    {
        lock (_gate)
        {
            _detail = detail;
        }

        Report(value);
    }

    /// <summary>Adds <paramref name="amount"/> to the work done.</summary>
    public void Increment(long amount = 1)
    {
        Interlocked.Add(ref _done, amount);
        Refresh(force: false);
    }

    /// <summary>Marks the work finished and shows <paramref name="summary"/> (or the final count).</summary>
    public void Complete(string? summary = null)
    {
        lock (_gate)
        {
            IsComplete = true;
            _summary = summary;
            _detail = null;
        }

        Refresh(force: true);
    }

    /// <summary>The one-line state: label, counts, and while running the elapsed time.</summary>
    public string StatusText
    {
        get
        {
            lock (_gate)
            {
                if (IsComplete)
                {
                    return _summary is null
                        ? string.Create(CultureInfo.InvariantCulture, $"{Label}: done, {Done:N0} {Unit}")
                        : $"{Label}: {_summary}";
                }

                var counts = Total is { } total
                    ? string.Create(CultureInfo.InvariantCulture, $"{Done:N0} / {total:N0} {Unit}")
                    : string.Create(CultureInfo.InvariantCulture, $"{Done:N0} {Unit}");
                var elapsed = string.Create(CultureInfo.InvariantCulture, $"{_clock.Elapsed.TotalSeconds:0.0} s");
                return _detail is null ? $"{Label}: {counts} · {elapsed}" : $"{Label}: {counts} · {elapsed} · {_detail}";
            }
        }
    }

    /// <summary>Fraction done in [0, 1] when the total is known.</summary>
    public double? Fraction => Total is > 0 and var total
        ? Math.Clamp((double)Done / total, 0, 1)
        : IsComplete ? 1 : null;

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("<div class=\"nbh nbh-progress\">");
        writer.Write(HtmlStyles.StyleElement);
        if (Fraction is { } fraction)
        {
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"<div class=\"nbh-progress-bar\" role=\"progressbar\" aria-valuenow=\"{fraction * 100:0}\" aria-valuemin=\"0\" aria-valuemax=\"100\"><div class=\"nbh-progress-fill\" style=\"width:{fraction * 100:0.#}%\"></div></div>"));
        }

        writer.Write("<span>");
        HtmlText.Write(writer, StatusText);
        writer.Write("</span></div>");
    }

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(StatusText);
    }

    /// <inheritdoc />
    public override string ToString() => StatusText;

    private void Refresh(bool force)
    {
        if (_handle is null && _fallback is null)
        {
            return;
        }

        lock (_gate)
        {
            var now = _clock.Elapsed;
            var interval = _handle is null ? TextInterval : NotebookInterval;
            if (!force && now - _lastShown < interval)
            {
                return;
            }

            _lastShown = now;
        }

        if (_handle is not null)
        {
            _handle.Update(this);
        }
        else
        {
            _fallback!.WriteLine(StatusText);
        }
    }
}
