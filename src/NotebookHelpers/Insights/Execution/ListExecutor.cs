using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Execution;

/// <summary>Runs the stages after the first blocking command over the (small) list of rows that reached it.</summary>
internal static class ListExecutor
{
    public static List<Row> Run(List<Row> rows, IReadOnlyList<Stage> stages, int slotCount)
    {
        foreach (var stage in stages)
        {
            switch (stage)
            {
                case FilterStage f:
                    rows = rows.Where(r => Coerce.IsTrue(f.Condition(r))).ToList();
                    break;
                case AssignStage or ParseStage:
                    foreach (var row in rows)
                    {
                        StageRunner.Apply(stage, row);
                    }

                    break;
                case SortStage s:
                    rows = Sort(rows, s);
                    break;
                case LimitStage l:
                    if (rows.Count > l.Count)
                    {
                        rows = rows.GetRange(0, l.Count);
                    }

                    break;
                case DedupStage d:
                    rows = DedupCollector.Apply(rows, d.Slots);
                    break;
                case StatsStage st:
                    {
                        var collector = new StatsCollector(st.Plan, slotCount);
                        foreach (var row in rows)
                        {
                            collector.Add(row);
                        }

                        rows = collector.Finish();
                        break;
                    }
            }
        }

        return rows;
    }

    private static List<Row> Sort(List<Row> rows, SortStage s)
    {
        var keyed = rows.Select((row, index) => (Row: row, Index: index, Keys: s.Keys.Select(k => k(row)).ToArray())).ToList();
        var descending = s.Descending;
        keyed.Sort((a, b) =>
        {
            for (var i = 0; i < a.Keys.Length; i++)
            {
                var c = ValueOrder.CompareForSort(a.Keys[i], b.Keys[i], descending[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.Index.CompareTo(b.Index);
        });
        return keyed.Select(k => k.Row).ToList();
    }
}
