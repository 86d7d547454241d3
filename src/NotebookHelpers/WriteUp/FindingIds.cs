using System.Globalization;
using System.Runtime.CompilerServices;
using NotebookHelpers.Detections;

namespace NotebookHelpers.WriteUp;

/// <summary>Numbers findings <c>F001</c>, <c>F002</c>… in the detection result's order, which is deterministic.</summary>
internal static class FindingIds
{
    private static readonly ConditionalWeakTable<DetectionResult, Dictionary<Finding, int>> Numbers = new();

    public static string Of(DetectionResult result, Finding finding)
    {
        var numbers = Numbers.GetValue(result, r => r.Findings.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i + 1));
        return numbers.TryGetValue(finding, out var n)
            ? "F" + n.ToString(n < 1000 ? "000" : "0", CultureInfo.InvariantCulture)
            : "F?";
    }
}
