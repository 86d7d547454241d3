using NotebookHelpers.Cli.CommandLine;

// nbh run needs other GC settings than the rest of nbh; they can only be given to a new process (see the type).
NotebookRunGcSettings.ApplyToRun(args);

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// Console.Out flushes on every write; when stdout is a pipe or file (nbh events --format jsonl > x) that is a
// system call per line, so results are buffered and flushed on exit. A terminal still sees lines as they come.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = !Console.IsOutputRedirected };
try
{
    return await CliApplication.RunAsync(args, new CliConsole(stdout, Console.Error, !Console.IsErrorRedirected), cancellation.Token).ConfigureAwait(false);
}
finally
{
    await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
}
