using System.Diagnostics.CodeAnalysis;

namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// The aggregate functions of <c>stats</c>. Numeric aggregates (<c>sum</c>, <c>avg</c>, <c>stddev</c>, <c>pct</c>)
/// ignore values that are not numbers; every aggregate ignores missing values (so <c>count(f)</c> counts events that
/// have <c>f</c>); an aggregate over no values is missing, except the counts, which are 0.
/// </summary>
public static class Aggregators
{
    /// <summary>The aggregate function names, as documented.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["avg", "count", "count_distinct", "max", "min", "pct", "stddev", "sum", "earliest", "latest", "sortsFirst", "sortsLast"];

    /// <summary>True when <paramref name="name"/> is an aggregate function (case-insensitive).</summary>
    public static bool IsAggregate(string name) => Names.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical spelling of an aggregate function name.</summary>
    public static string Canonical(string name) => Names.First(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Creates a fresh aggregator for <paramref name="name"/>; <paramref name="percentile"/> is pct's second argument.</summary>
    [SuppressMessage("Globalization", "CA1308", Justification = "function names are ASCII identifiers")]
    public static Aggregator Create(string name, double percentile = 0) => name.ToLowerInvariant() switch
    {
        "count" => new CountAggregator(),
        "count_distinct" => new CountDistinctAggregator(),
        "sum" => new MomentsAggregator(MomentsAggregator.Kind.Sum),
        "avg" => new MomentsAggregator(MomentsAggregator.Kind.Average),
        "stddev" => new MomentsAggregator(MomentsAggregator.Kind.StandardDeviation),
        "min" or "sortsfirst" => new ExtremeAggregator(-1),
        "max" or "sortslast" => new ExtremeAggregator(1),
        "pct" => new PercentileAggregator(percentile),
        "earliest" => new TimeExtremeAggregator(-1),
        "latest" => new TimeExtremeAggregator(1),
        _ => throw new ArgumentException($"'{name}' is not an aggregate function.", nameof(name)),
    };

    private sealed class CountAggregator : Aggregator
    {
        private long _count;

        public override void Add(Value value, double timestampMs)
        {
            if (!value.IsMissing)
            {
                _count++;
            }
        }

        public override void Merge(Aggregator other) => _count += ((CountAggregator)other)._count;

        public override Value Result() => Value.FromNumber(_count);
    }

    private sealed class CountDistinctAggregator : Aggregator
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public override void Add(Value value, double timestampMs)
        {
            if (Coerce.ToText(value) is { } text)
            {
                _seen.Add(text);
            }
        }

        public override void Merge(Aggregator other) => _seen.UnionWith(((CountDistinctAggregator)other)._seen);

        public override Value Result() => Value.FromNumber(_seen.Count);
    }

    private sealed class MomentsAggregator(MomentsAggregator.Kind kind) : Aggregator
    {
        private long _n;
        private double _sum;
        private double _mean;
        private double _m2;

        public enum Kind
        {
            Sum,
            Average,
            StandardDeviation,
        }

        public override void Add(Value value, double timestampMs)
        {
            if (!Coerce.TryNumber(value, out var x) || value.Kind == ValueKind.Timestamp)
            {
                return;
            }

            _n++;
            _sum += x;
            var delta = x - _mean;
            _mean += delta / _n;
            _m2 += delta * (x - _mean);
        }

        public override void Merge(Aggregator other)
        {
            var o = (MomentsAggregator)other;
            if (o._n == 0)
            {
                return;
            }

            var n = _n + o._n;
            var delta = o._mean - _mean;
            _m2 += o._m2 + (delta * delta * _n * o._n / n);
            _mean += delta * o._n / n;
            _sum += o._sum;
            _n = n;
        }

        public override Value Result() => _n == 0
            ? Value.Missing
            : kind switch
            {
                Kind.Sum => Value.FromNumber(_sum),
                Kind.Average => Value.FromNumber(_sum / _n),
                _ => Value.FromNumber(_n < 2 ? 0 : Math.Sqrt(_m2 / (_n - 1))),
            };
    }

    private sealed class ExtremeAggregator(int sign) : Aggregator
    {
        private Value _best;

        public override void Add(Value value, double timestampMs)
        {
            if (value.IsMissing)
            {
                return;
            }

            if (_best.IsMissing || (sign * ValueOrder.Compare(value, _best)) > 0)
            {
                _best = value;
            }
        }

        public override void Merge(Aggregator other) => Add(((ExtremeAggregator)other)._best, double.NaN);

        public override Value Result() => _best;
    }

    private sealed class TimeExtremeAggregator(int sign) : Aggregator
    {
        private Value _value;
        private double _time = double.NaN;
        private long _order = long.MaxValue;

        // Without an order, ties keep the value seen first.
        public override void Add(Value value, double timestampMs) => Add(value, timestampMs, long.MaxValue);

        public override void Add(Value value, double timestampMs, long order)
        {
            if (value.IsMissing || double.IsNaN(timestampMs))
            {
                return;
            }

            // Ties go to the earlier event in input order. Workers take batches from one queue in any interleaving,
            // so "seen first" in a merge is not input order: the order is compared, not the arrival.
            var c = double.IsNaN(_time) ? 1 : sign * timestampMs.CompareTo(_time);
            if (c > 0 || (c == 0 && order < _order))
            {
                _value = value;
                _time = timestampMs;
                _order = order;
            }
        }

        public override void Merge(Aggregator other)
        {
            var o = (TimeExtremeAggregator)other;
            Add(o._value, o._time, o._order);
        }

        public override Value Result() => _value;
    }

    private sealed class PercentileAggregator(double percentile) : Aggregator
    {
        private readonly List<double> _values = [];

        public override void Add(Value value, double timestampMs)
        {
            if (Coerce.TryNumber(value, out var x) && value.Kind != ValueKind.Timestamp)
            {
                _values.Add(x);
            }
        }

        public override void Merge(Aggregator other) => _values.AddRange(((PercentileAggregator)other)._values);

        // Nearest-rank: the smallest value such that at least p% of the values are ≤ it.
        public override Value Result()
        {
            if (_values.Count == 0)
            {
                return Value.Missing;
            }

            _values.Sort();
            var rank = (int)Math.Ceiling(percentile / 100.0 * _values.Count);
            return Value.FromNumber(_values[Math.Clamp(rank - 1, 0, _values.Count - 1)]);
        }
    }
}
