using System.Text.RegularExpressions;
using NotebookHelpers.Insights.Compilation;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Execution;

/// <summary>Applies one per-row stage to a row; returns false when a filter drops it.</summary>
internal static class StageRunner
{
    public static bool Apply(Stage stage, Row row)
    {
        switch (stage)
        {
            case FilterStage f:
                return Coerce.IsTrue(f.Condition(row));
            case AssignStage a:
                for (var i = 0; i < a.Slots.Length; i++)
                {
                    row.Slots[a.Slots[i]] = a.Values[i](row);
                }

                return true;
            case ParseStage p:
                Parse(p, row);
                return true;
            case SortStage s:
                for (var i = 0; i < s.Keys.Length; i++)
                {
                    row.SortKeys[s.Offset + i] = s.Keys[i](row);
                }

                return true;
            default:
                return true;
        }
    }

    private static void Parse(ParseStage p, Row row)
    {
        Match? match = null;
        if (Coerce.ToText(p.Source(row)) is { } text)
        {
            try
            {
                match = p.Pattern.Match(text);
            }
            catch (RegexMatchTimeoutException e)
            {
                throw InsightsRegex.TimedOut("the parse pattern", e);
            }
        }

        for (var i = 0; i < p.Slots.Length; i++)
        {
            var group = match is { Success: true } ? match.Groups[p.GroupNumbers[i]] : null;
            row.Slots[p.Slots[i]] = group is { Success: true } ? Value.FromString(group.Value) : Value.Missing;
        }
    }
}
