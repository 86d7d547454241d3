using System.Globalization;
using NotebookHelpers.Display;
using NotebookHelpers.Html;

namespace NotebookHelpers.Integrity;

/// <summary>
/// The outcome of validating a trail copy: one result per digest and log file, the chains, the spans no digest
/// covers, what was not checked and why, and the public keys used. Displays itself in notebooks (a summary and the
/// problems); <see cref="TrailIntegrityJson"/> and <see cref="TrailIntegrityText"/> give the command's outputs.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class TrailIntegrityReport : IHtmlRenderable
{
    internal TrailIntegrityReport(
        string root,
        TrailIntegrityOptions options,
        IReadOnlyList<IntegrityFileResult> files,
        IReadOnlyList<DigestChainSummary> chains,
        IReadOnlyList<IntegrityGap> gaps,
        IReadOnlyList<UncheckedLogFiles> notChecked,
        PublicKeySet keys,
        IReadOnlyList<string> notes)
    {
        Root = root;
        Start = options.Start;
        End = options.End;
        Files = files;
        Chains = chains;
        Gaps = gaps;
        Unchecked = notChecked;
        PublicKeys = keys;
        Notes = notes;
    }

    /// <summary>The folder validated.</summary>
    public string Root { get; }

    /// <summary>The requested start, or null (from the oldest digest of each chain).</summary>
    public DateTimeOffset? Start { get; }

    /// <summary>The requested end, or null (open).</summary>
    public DateTimeOffset? End { get; }

    /// <summary>Every digest and log file judged: digests first, then log files, each by account, region, time and key.</summary>
    public IReadOnlyList<IntegrityFileResult> Files { get; }

    /// <summary>The digest chains found.</summary>
    public IReadOnlyList<DigestChainSummary> Chains { get; }

    /// <summary>Spans of time inside a chain that no digest covers.</summary>
    public IReadOnlyList<IntegrityGap> Gaps { get; }

    /// <summary>Log files not judged, grouped by account and region, with why.</summary>
    public IReadOnlyList<UncheckedLogFiles> Unchecked { get; }

    /// <summary>The public keys available (and any refused, in its problems).</summary>
    public PublicKeySet PublicKeys { get; }

    /// <summary>Other things the analyst should know: where chains continue beyond the evidence, duplicate copies.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Results that are not valid.</summary>
    public IReadOnlyList<IntegrityFileResult> Problems => [.. Files.Where(f => f.IsProblem)];

    /// <summary>True when every file judged is valid, no span lacks a digest, and there was something to judge.</summary>
    public bool IsValid => Files.Count > 0 && Problems.Count == 0 && Gaps.Count == 0;

    /// <summary>True when at least one chain is broken: a digest missing, modified or badly signed, or a gap.</summary>
    public bool IsChainBroken => Gaps.Count > 0 || Files.Any(f => f.Kind == IntegrityFileKind.Digest && f.Status is IntegrityStatus.Missing or IntegrityStatus.Modified or IntegrityStatus.InvalidSignature);

    /// <summary>Results of one kind, counted by status (statuses without files left out), in enum order.</summary>
    public IReadOnlyList<(IntegrityStatus Status, int Count)> Count(IntegrityFileKind kind) =>
        [.. Files.Where(f => f.Kind == kind).GroupBy(f => f.Status).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))];

    /// <summary>Log files not checked, in all.</summary>
    public int UncheckedCount => Unchecked.Sum(u => u.Count);

    /// <summary>One line: the verdict and the counts.</summary>
    public string Verdict
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            var verdict = Files.Count == 0 ? "NOTHING VALIDATED" : IsValid ? "VALID" : "PROBLEMS FOUND";
            return string.Create(c, $"{verdict}: {Describe(IntegrityFileKind.Digest, "digest file")}; {Describe(IntegrityFileKind.LogFile, "log file")}") +
                   (Gaps.Count > 0 ? string.Create(c, $"; {Gaps.Count} span(s) without digests") : "") +
                   (UncheckedCount > 0 ? string.Create(c, $"; {UncheckedCount:N0} log file(s) not checked") : "");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Verdict;

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => TrailIntegrityRendering.WriteHtml(this, writer);

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(TrailIntegrityText.Format(this));
    }

    private string Describe(IntegrityFileKind kind, string noun)
    {
        var counts = Count(kind);
        var total = counts.Sum(c => c.Count);
        var text = string.Create(CultureInfo.InvariantCulture, $"{total:N0} {noun}{(total == 1 ? "" : "s")}");
        return counts.Count == 0 ? text : text + " (" + string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Count:N0} {c.Status.Name()}"))) + ")";
    }
}
