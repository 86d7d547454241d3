using NotebookHelpers.Notebooks.Documents;

namespace NotebookHelpers.Notebooks.Execution;

/// <summary>
/// Places updates of displayed values (<c>DisplayedValue.Update</c>, progress displays) over the output they update.
/// In Microsoft.DotNet.Interactive 1.0.0-beta.26120.1 the first update of a value carries a different id from the
/// display it updates (the event and the returned <c>DisplayedValue</c> draw separate GUIDs), so an update whose id
/// is unknown is matched to the display of the same object, and the output then takes the update's id.
/// </summary>
internal sealed class DisplayTracker
{
    // One tracker per run, across cells: a value displayed in one cell may be updated from a later one.
    private readonly List<Entry> _entries = [];

    public void Add(NotebookCell cell, string? id, object? value, IReadOnlyDictionary<string, string> data)
    {
        var output = new DisplayDataOutput(data, id);
        cell.Outputs.Add(output);
        _entries.Add(new Entry(cell, output, id, value));
    }

    public void Update(NotebookCell current, string? id, object? value, IReadOnlyDictionary<string, string> data)
    {
        var entry = _entries.FindLast(e => id is not null && e.Id == id)
            ?? _entries.FindLast(e => value is not null && ReferenceEquals(e.Value, value));
        if (entry is null)
        {
            Add(current, id, value, data);
            return;
        }

        var index = entry.Cell.Outputs.IndexOf(entry.Output);
        var replacement = new DisplayDataOutput(data, id);
        if (index >= 0)
        {
            entry.Cell.Outputs[index] = replacement;
        }
        else
        {
            entry.Cell.Outputs.Add(replacement);
        }

        entry.Output = replacement;
        entry.Id = id;
        entry.Value = value;
    }

    private sealed class Entry(NotebookCell cell, DisplayDataOutput output, string? id, object? value)
    {
        public NotebookCell Cell { get; } = cell;

        public DisplayDataOutput Output { get; set; } = output;

        public string? Id { get; set; } = id;

        public object? Value { get; set; } = value;
    }
}
