using System.Collections.Concurrent;

namespace NotebookHelpers.SampleIncident.Output;

/// <summary>
/// Compresses and writes files on a second thread while the first one generates records. One thread, one queue:
/// work runs in the order it was queued, so the output does not depend on timing. The queue is bounded, so a slow
/// disk slows generation instead of filling memory.
/// </summary>
internal sealed class BackgroundWriter : IDisposable
{
    private readonly BlockingCollection<Action> _work = new(boundedCapacity: 8);
    private readonly Thread _thread;
    private Exception? _failure;

    public BackgroundWriter()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "sample-incident writer" };
        _thread.Start();
    }

    public void Enqueue(Action work)
    {
        ThrowIfFailed();
        _work.Add(work);
    }

    /// <summary>Waits until everything queued is written; rethrows the first failure.</summary>
    public void Complete()
    {
        if (!_work.IsAddingCompleted)
        {
            _work.CompleteAdding();
        }

        _thread.Join();
        ThrowIfFailed();
    }

    public void Dispose()
    {
        if (!_work.IsAddingCompleted)
        {
            _work.CompleteAdding();
        }

        _thread.Join();
        _work.Dispose();
    }

    private void Run()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            if (_failure is not null)
            {
                continue;
            }

            try
            {
                work();
            }
#pragma warning disable CA1031 // The failure is rethrown on the generating thread.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _failure = e;
            }
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new IOException($"Writing the sample incident failed: {failure.Message}", failure);
        }
    }
}
