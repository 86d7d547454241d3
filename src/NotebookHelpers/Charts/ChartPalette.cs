namespace NotebookHelpers.Charts;

/// <summary>
/// Colours shared by every chart so the same meaning has the same colour across notebooks and reports.
/// The series palette is Okabe–Ito, distinguishable with the common colour-vision deficiencies.
/// </summary>
public static class ChartPalette
{
    /// <summary>Successful calls.</summary>
    public const string Success = "#0072B2";

    /// <summary>Failed calls (any errorCode).</summary>
    public const string Error = "#D55E00";

    /// <summary>Background, benign or "other" series.</summary>
    public const string Neutral = "#999999";

    /// <summary>Markers such as containment time.</summary>
    public const string Marker = "#222222";

    /// <summary>Colours for categorical series, in order.</summary>
    public static IReadOnlyList<string> Series { get; } =
        ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    /// <summary>The series colour for the <paramref name="index"/>-th category, cycling.</summary>
    public static string ForSeries(int index) => Series[((index % Series.Count) + Series.Count) % Series.Count];
}
