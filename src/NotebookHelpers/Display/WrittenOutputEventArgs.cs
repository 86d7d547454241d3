namespace NotebookHelpers.Display;

/// <summary>One output written by the library: where, and what it is.</summary>
/// <param name="path">The absolute path of the file or folder.</param>
/// <param name="description">What it is, e.g. <c>incident report</c>.</param>
public sealed class WrittenOutputEventArgs(string path, string description) : EventArgs
{
    /// <summary>The absolute path of the file or folder.</summary>
    public string Path { get; } = path;

    /// <summary>What it is, e.g. <c>incident report</c>.</summary>
    public string Description { get; } = description;
}
