using System.Collections;

namespace NotebookHelpers.SampleIncident.Records;

/// <summary>
/// An ordered JSON object written exactly in insertion order, because AWS writes the members of
/// requestParameters and responseElements in a fixed order per API and the sample should look the same.
/// Values are strings, booleans, integers, nested maps, <c>object?[]</c> arrays or null.
/// </summary>
internal sealed class JsonMap : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _members = [];

    public int Count => _members.Count;

    public void Add(string name, object? value) => _members.Add(new(name, value));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
