using System.Globalization;
using System.Xml.Linq;

namespace NotebookHelpers.Aws.Iam;

/// <summary>Reading Query-protocol XML answers by local name (namespace-agnostic, as every Query service differs).</summary>
internal static class QueryXml
{
    /// <summary>The <c>{Action}Result</c> element, or the root when absent (empty answers).</summary>
    public static XElement Result(XDocument document, string action) =>
        document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result") ?? document.Root ?? new XElement("empty");

    public static XElement? Child(XElement? element, string name) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? Text(XElement? element, string name) => Child(element, name)?.Value;

    public static IEnumerable<XElement> Members(XElement? element, string listName) =>
        Child(element, listName)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    public static DateTimeOffset? Time(XElement? element, string name) =>
        Text(element, name) is { Length: > 0 } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    public static bool Flag(XElement? element, string name) =>
        string.Equals(Text(element, name), "true", StringComparison.OrdinalIgnoreCase);
}
