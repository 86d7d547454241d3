using NotebookHelpers.Notebooks.Documents;

namespace NotebookHelpers.Notebooks.Batch;

/// <summary>Expands the command line's notebooks and folders into notebook files, in a stable order.</summary>
public static class NotebookInputs
{
    /// <summary>
    /// The notebooks named by <paramref name="inputs"/>: files as given, folders as every .ipynb and .dib inside them
    /// (sub-folders too, except hidden ones such as <c>.ipynb_checkpoints</c>), sorted by path.
    /// </summary>
    /// <exception cref="ArgumentException">An input does not exist, is not a notebook, or a folder holds none.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var result = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(NotebookReader.IsNotebookPath)
                    .Where(p => !Path.GetRelativePath(input, p).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                    .OrderBy(p => p, StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    throw new ArgumentException($"{input} holds no .ipynb or .dib notebooks.");
                }

                result.AddRange(found);
            }
            else if (File.Exists(input))
            {
                if (!NotebookReader.IsNotebookPath(input))
                {
                    throw new ArgumentException($"{input} is not a notebook (expected .ipynb or .dib).");
                }

                result.Add(input);
            }
            else
            {
                throw new ArgumentException($"{input} does not exist.");
            }
        }

        var duplicate = result.GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"two notebooks are named {duplicate.Key} ({string.Join(", ", duplicate)}); their outputs would overwrite each other. Run them separately with different --out folders.");
        }

        return result;
    }
}
