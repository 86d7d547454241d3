namespace NotebookHelpers.Display;

/// <summary>A value shown in a notebook output that can be replaced in place.</summary>
public sealed class DisplayHandle
{
    private readonly NotebookDisplay.KernelApi _api;
    private readonly object _context;

    internal DisplayHandle(NotebookDisplay.KernelApi api, object context, string id)
    {
        _api = api;
        _context = context;
        Id = id;
    }

    /// <summary>The display id the notebook front end knows the output by.</summary>
    public string Id { get; }

    /// <summary>Replaces the displayed value with <paramref name="value"/>. Returns false when the cell has finished.</summary>
    public bool Update(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _api.TryPublish(_context, value, Id, update: true);
    }
}
