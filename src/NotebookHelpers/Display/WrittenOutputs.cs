namespace NotebookHelpers.Display;

/// <summary>
/// Files and folders the library writes on a notebook's behalf outside the host's own outputs (the incident report's
/// folder), announced so that a host running notebooks in batch (<c>nbh run</c>) can list them in its summary. A host
/// that does not listen loses nothing; runs in one process are sequential, so one listener at a time is enough.
/// </summary>
public static class WrittenOutputs
{
    /// <summary>Raised after the library wrote an output; the path is absolute.</summary>
    public static event EventHandler<WrittenOutputEventArgs>? Written;

    /// <summary>Announces <paramref name="path"/> (made absolute against the current directory) with what it is.</summary>
    public static void Announce(string path, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Written?.Invoke(null, new WrittenOutputEventArgs(Path.GetFullPath(path), description));
    }
}
