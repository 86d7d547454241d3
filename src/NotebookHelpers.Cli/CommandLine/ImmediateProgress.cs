namespace NotebookHelpers.Cli.CommandLine;

/// <summary>
/// Reports progress on the caller's thread, one report at a time. <see cref="Progress{T}"/> posts to the thread pool,
/// so its lines can arrive after the command has returned and its writer is closed.
/// </summary>
/// <typeparam name="T">The progress value.</typeparam>
public sealed class ImmediateProgress<T> : IProgress<T>
{
    private readonly Action<T> _handler;
    private readonly Lock _lock = new();

    /// <summary>Creates a reporter that calls <paramref name="handler"/>.</summary>
    public ImmediateProgress(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handler = handler;
    }

    /// <inheritdoc />
    public void Report(T value)
    {
        lock (_lock)
        {
            _handler(value);
        }
    }
}
