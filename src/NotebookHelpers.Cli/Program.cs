using NotebookHelpers.Cli.CommandLine;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await CliApplication.RunAsync(args, CliConsole.System(), cancellation.Token).ConfigureAwait(false);
