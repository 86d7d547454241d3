namespace NotebookHelpers.Insights.Execution;

/// <summary>
/// Gives every field name a query touches a fixed index into <see cref="Row.Slots"/>, so evaluation reads an array
/// instead of looking names up. Names are case-sensitive, as Logs Insights field names are. Slot 0 is always
/// <c>@timestamp</c>.
/// </summary>
internal sealed class SlotTable
{
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public SlotTable()
    {
        GetOrAdd(SystemFields.Timestamp);
    }

    public int Count => _names.Count;

    public int GetOrAdd(string name)
    {
        if (!_byName.TryGetValue(name, out var index))
        {
            index = _names.Count;
            _names.Add(name);
            _byName[name] = index;
        }

        return index;
    }

    public bool TryGet(string name, out int index) => _byName.TryGetValue(name, out index);

    public string NameOf(int index) => _names[index];
}
