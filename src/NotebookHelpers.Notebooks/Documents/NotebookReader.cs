namespace NotebookHelpers.Notebooks.Documents;

/// <summary>Reads a notebook file in the format its extension names.</summary>
public static class NotebookReader
{
    /// <summary>True for the extensions the runner reads: .ipynb and .dib.</summary>
    public static bool IsNotebookPath(string path) =>
        path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="NotebookFormatException">The file is not a notebook the runner reads.</exception>
    public static async Task<NotebookDocument> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!IsNotebookPath(path))
        {
            throw new NotebookFormatException($"{path}: not a notebook (expected .ipynb or .dib).");
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException($"{path}: cannot read: {e.Message}", e);
        }

        return path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase)
            ? DibReader.Parse(path, text)
            : IpynbReader.Parse(path, text);
    }
}
