namespace NotebookHelpers.Charts;

/// <summary>
/// The colours of every chart, defined once so that one meaning has one colour in every notebook and report:
/// <list type="bullet">
/// <item>a call that succeeded is <see cref="Success"/> (blue), and nothing else is;</item>
/// <item>a failed call is coloured by its error code (<see cref="ForErrorCode"/>): <c>AccessDenied</c> is always
/// <see cref="Error"/> (vermillion), the other common codes have fixed colours, and any other code the same colour
/// wherever it appears; no error colour is the success colour;</item>
/// <item>categories without an outcome (services, principals) take <see cref="Series"/>, twelve colours that are
/// neither the success nor the <c>AccessDenied</c> colour;</item>
/// <item>in a chart whose series are principals × outcomes, the outcome keeps its colour and the principal gets a
/// fill pattern (<see cref="PatternFor"/>).</item>
/// </list>
/// The colours are Okabe–Ito's and Paul Tol's muted set, told apart with the common colour-vision deficiencies.
/// </summary>
public static class ChartPalette
{
    /// <summary>Successful calls.</summary>
    public const string Success = "#0072B2";

    /// <summary>Failed calls taken together, and <c>AccessDenied</c>, the most common failure.</summary>
    public const string Error = "#D55E00";

    /// <summary>Background, benign or "other" series.</summary>
    public const string Neutral = "#999999";

    /// <summary>Markers such as containment time.</summary>
    public const string Marker = "#222222";

    /// <summary>Colours for categorical series, in order: twelve, none of them <see cref="Success"/> or <see cref="Error"/>.</summary>
    public static IReadOnlyList<string> Series { get; } =
        ["#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#332288", "#F0E442", "#882255", "#44AA99", "#000000", "#999933", "#AA4499", "#DDCC77"];

    /// <summary>Error codes with a colour of their own, the same in every chart.</summary>
    public static IReadOnlyDictionary<string, string> ErrorCodes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AccessDenied"] = Error,
        ["Client.UnauthorizedOperation"] = "#CC79A7",
        ["UnauthorizedOperation"] = "#AA4499",
        ["AccessDeniedException"] = "#882255",
        ["Client.DryRunOperation"] = "#E69F00",
        ["NoSuchEntityException"] = "#999933",
        ["NoSuchEntity"] = "#999933",
        ["ThrottlingException"] = "#332288",
        ["InvalidClientTokenId"] = "#000000",
    };

    /// <summary>Bar fill patterns (plotly.js <c>marker.pattern.shape</c>) for principals, the first one plain.</summary>
    public static IReadOnlyList<string> Patterns { get; } = ["", "/", "x", ".", "\\", "+", "-", "|"];

    /// <summary>The series colour for the <paramref name="index"/>-th category, cycling after twelve.</summary>
    public static string ForSeries(int index) => Series[((index % Series.Count) + Series.Count) % Series.Count];

    /// <summary>
    /// The colour of calls that failed with <paramref name="errorCode"/>, or of successful calls when it is null:
    /// <see cref="ErrorCodes"/> for the common codes, else a colour picked from the code's name (so a code keeps its
    /// colour across charts) among the series colours that are no error code's fixed colour.
    /// </summary>
    public static string ForErrorCode(string? errorCode)
    {
        if (errorCode is null)
        {
            return Success;
        }

        if (ErrorCodes.TryGetValue(errorCode, out var fixedColour))
        {
            return fixedColour;
        }

        var free = Series.Where(c => !ErrorCodes.Values.Contains(c, StringComparer.Ordinal)).ToList();
        return free[(int)(StableHash(errorCode) % (uint)free.Count)];
    }

    /// <summary>The fill pattern of the <paramref name="index"/>-th principal in a chart, cycling.</summary>
    public static string PatternFor(int index) => Patterns[((index % Patterns.Count) + Patterns.Count) % Patterns.Count];

    // FNV-1a over the UTF-16 code units: string.GetHashCode is randomised per process, and charts must come out the
    // same on every run.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
