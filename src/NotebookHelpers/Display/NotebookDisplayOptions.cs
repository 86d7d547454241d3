namespace NotebookHelpers.Display;

/// <summary>
/// How much of a large result a notebook output or report shows. Process-wide, like pandas' display options:
/// set them in a notebook cell before displaying results.
/// </summary>
public static class NotebookDisplayOptions
{
    private static int _maxTableRows = 500;
    private static int _maxPlainTextRows = 40;

    /// <summary>Rows an HTML table shows before it says how many more there are (default 500).</summary>
    public static int MaxTableRows
    {
        get => _maxTableRows;
        set => _maxTableRows = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive.");
    }

    /// <summary>Rows a plain-text table shows (default 40).</summary>
    public static int MaxPlainTextRows
    {
        get => _maxPlainTextRows;
        set => _maxPlainTextRows = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive.");
    }
}
