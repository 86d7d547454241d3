using System.Buffers;
using System.Globalization;
using System.Text;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Display;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Json;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh events PATH...</c>: reads CloudTrail evidence in any supported shape and prints one line per event
/// (table) or each event's original JSON (jsonl); the read summary and every problem go to stderr.
/// </summary>
public sealed class EventsCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "events";

    /// <inheritdoc />
    public string Summary => "Read CloudTrail evidence (files, folders, .gz, .zip, exports) and print its events.";

    /// <inheritdoc />
    public string Usage => "nbh events PATH... [--start T] [--end T] [--format table|jsonl] [--strict]";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--start", "T", "earliest event time: ISO 8601 (UTC unless an offset is given), epoch seconds, now-7d, now-36h")
        .Option("--end", "T", "latest event time (inclusive), same forms as --start")
        .Option("--format", "FORMAT", "table (default): one line per event; jsonl: each event's original JSON, one per line")
        .Flag("--strict", "fail on the first problem instead of skipping and counting it");

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positional.Count == 0)
        {
            throw new UsageException($"{Name}: give at least one PATH (a file, folder or .zip). Usage: {Usage}");
        }

        var format = args.Value("--format") ?? "table";
        if (format is not ("table" or "jsonl"))
        {
            throw new UsageException($"{Name}: --format must be table or jsonl, not '{format}'.");
        }

        TimeRange range;
        try
        {
            range = TimeRange.Parse(args.Value("--start"), args.Value("--end"));
        }
        catch (FormatException e)
        {
            throw new UsageException($"{Name}: {e.Message.TrimEnd('.')}.", e);
        }

        if (args.Positional.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p)) is { } missing)
        {
            throw new UsageException($"{Name}: no such file or directory: {TerminalText.OneLine(missing)}");
        }

        var reader = new EvidenceReader(new EvidenceReaderOptions { TimeRange = range, Strict = args.Flag("--strict") });
        var exit = 0;
        try
        {
            await Task.Run(
                () =>
                {
                    if (format == "jsonl")
                    {
                        WriteJsonLines(reader.ReadBatches(args.Positional, cancellationToken), console.Out);
                    }
                    else
                    {
                        WriteTable(reader.ReadEvents(args.Positional, cancellationToken), console.Out);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (EvidenceReadException e)
        {
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"nbh {Name}: {TerminalText.OneLine(e.Message)} (--strict)").ConfigureAwait(false);
            exit = CliApplication.FailureExitCode;
        }
        catch (FileNotFoundException e)
        {
            await console.Error.WriteLineAsync($"nbh {Name}: {TerminalText.OneLine(e.Message)}").ConfigureAwait(false);
            return CliApplication.FailureExitCode;
        }

        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        var report = reader.Report;
        foreach (var problem in report.Problems)
        {
            await console.Error.WriteLineAsync($"{(problem.IsNotice ? "notice" : "skipped")}: {TerminalText.OneLine(problem.ToString())}").ConfigureAwait(false);
        }

        foreach (var ignored in report.IgnoredFiles)
        {
            await console.Error.WriteLineAsync($"ignored (not evidence): {TerminalText.OneLine(ignored)}").ConfigureAwait(false);
        }

        foreach (var conflict in report.Conflicts)
        {
            await console.Error.WriteLineAsync($"conflict: {TerminalText.OneLine(conflict.ToString())}").ConfigureAwait(false);
        }

        await console.Error.WriteAsync(report.Summary()).ConfigureAwait(false);
        return exit;
    }

    // One record per line: records from compact sources are written byte for byte; pretty-printed ones (they
    // contain line breaks, which JSON only allows as whitespace) are compacted so the output stays JSON Lines, and
    // characters that would reorder or drive a terminal are written as \uXXXX escapes (JsonText).
    // When stdout is a stream the bytes go straight to it, never re-encoded; a test's StringWriter gets text.
    private static void WriteJsonLines(IEnumerable<LogRecordBatch> batches, TextWriter output)
    {
        var raw = output is StreamWriter { BaseStream: { CanWrite: true } stream } writer ? (writer, stream) : default;
        raw.writer?.Flush();
        // Not disposed: that would close stdout, which belongs to the caller.
        var buffered = raw.stream is null ? null : new BufferedStream(raw.stream, 1 << 20);
        var bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
        var chars = ArrayPool<char>.Shared.Rent(1 << 16);
        var escaped = new ArrayBufferWriter<byte>();
        try
        {
            foreach (var batch in batches)
            {
                foreach (var record in batch.Records)
                {
                    var json = record.Json.Span;
                    if (json.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
                    {
                        if (bytes.Length < json.Length)
                        {
                            ArrayPool<byte>.Shared.Return(bytes);
                            bytes = ArrayPool<byte>.Shared.Rent(json.Length);
                        }

                        json = bytes.AsSpan(0, JsonCompactor.Compact(json, bytes));
                    }

                    json = JsonText.Escape(json, escaped);

                    if (buffered is not null)
                    {
                        buffered.Write(json);
                        buffered.WriteByte((byte)'\n');
                        continue;
                    }

                    var needed = Encoding.UTF8.GetMaxCharCount(json.Length);
                    if (chars.Length < needed)
                    {
                        ArrayPool<char>.Shared.Return(chars);
                        chars = ArrayPool<char>.Shared.Rent(needed);
                    }

                    var count = Encoding.UTF8.GetChars(json, chars);
                    output.Write(chars, 0, count);
                    output.Write('\n');
                }
            }
        }
        finally
        {
            buffered?.Flush();
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static void WriteTable(IEnumerable<CloudTrailEvent> events, TextWriter output)
    {
        var line = new StringBuilder();
        output.WriteLine(Row("TIME", "REGION", "SOURCE", "EVENT", "PRINCIPAL", "ACCESS KEY", "SOURCE IP", "ERROR"));
        foreach (var e in events)
        {
            output.WriteLine(Row(
                NotebookHelpers.Events.UtcTime.Text(e.EventTime),
                e.AwsRegion,
                e.EventSource?.Replace(".amazonaws.com", "", StringComparison.Ordinal),
                e.EventName,
                e.UserIdentity?.DisplayName,
                e.UserIdentity?.AccessKeyId,
                e.SourceIPAddress,
                e.ErrorCode));
        }

        string Row(string time, string? region, string? source, string? name, string? principal, string? key, string? ip, string? error)
        {
            line.Clear();
            Cell(time, 20);
            Cell(region, 15);
            Cell(source, 20);
            Cell(name, 32);
            Cell(principal, 32);
            Cell(key, 21);
            Cell(ip, 16);
            line.Append(TerminalText.Safe(error ?? "-"));
            return line.ToString();
        }

        void Cell(string? value, int width)
        {
            var text = TerminalText.Safe(value ?? "-");
            line.Append(text);
            line.Append(' ', Math.Max(1, width - text.Length));
        }
    }
}
