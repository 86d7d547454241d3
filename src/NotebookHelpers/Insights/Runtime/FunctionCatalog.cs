namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// The scalar functions the offline engine runs, by name (case-insensitive), and the documented functions it
/// recognises but does not run offline, so a query using one is rejected by name instead of failing obscurely.
/// Functions that need the query's context (<c>bin</c>, <c>datefloor</c>, <c>dateceil</c>, <c>now</c>,
/// <c>queryStartTime</c>…) are compiled specially and are listed in <see cref="ContextFunctions"/>.
/// </summary>
public static class FunctionCatalog
{
    private static readonly Dictionary<string, ScalarFunction> Functions = Build();

    /// <summary>Functions compiled specially because they read the event's time or the query's time range.</summary>
    public static IReadOnlySet<string> ContextFunctions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "datefloor", "dateceil", "now", "queryStartTime", "queryEndTime", "queryTimeRange",
    };

    /// <summary>
    /// Functions compiled specially because an argument is a pattern built once (<c>regexReplace</c>, <c>parseDate</c>,
    /// <c>formatDate</c>/<c>strftime</c>) or because they evaluate their arguments lazily (<c>case</c>).
    /// </summary>
    public static IReadOnlySet<string> CompiledFunctions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "case", "regexReplace", "parseDate", "formatDate", "strftime",
    };

    /// <summary>
    /// Documented functions that the offline engine does not implement: <c>unmask</c> reveals what CloudWatch Logs data
    /// protection masked, and offline evidence is never masked by the service.
    /// </summary>
    public static IReadOnlySet<string> Unsupported { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "unmask",
    };

    /// <summary>Finds a scalar function by name.</summary>
    public static bool TryGet(string name, out ScalarFunction function) => Functions.TryGetValue(name, out function!);

    /// <summary>Every scalar function name the engine runs (documentation and tests).</summary>
    public static IEnumerable<string> Names => Functions.Values.Select(f => f.Name).Concat(ContextFunctions).Concat(CompiledFunctions);

    private static Dictionary<string, ScalarFunction> Build()
    {
        var list = new List<ScalarFunction>
        {
            One("ispresent", RuntimeFunctions.IsPresent),
            One("isempty", RuntimeFunctions.IsEmpty),
            One("isblank", RuntimeFunctions.IsBlank),
            Many("coalesce", 1, RuntimeFunctions.Coalesce),
            Many("greatest", 1, RuntimeFunctions.Greatest),
            Many("least", 1, RuntimeFunctions.Least),
            new("if", 3, 3, a => RuntimeFunctions.If(a[0], a[1], a[2])),
            One("isNumeric", RuntimeFunctions.IsNumeric),
            One("abs", RuntimeFunctions.Abs),
            One("ceil", RuntimeFunctions.Ceil),
            One("floor", RuntimeFunctions.Floor),
            One("log", RuntimeFunctions.Log),
            One("sqrt", RuntimeFunctions.Sqrt),
            new("round", 1, 2, a => RuntimeFunctions.Round(a[0], Arg(a, 1))),
            One("toNumber", RuntimeFunctions.ToNumber),
            One("toInt", RuntimeFunctions.ToInt),
            One("toLong", RuntimeFunctions.ToLong),
            One("toDouble", RuntimeFunctions.ToDouble),
            One("toString", RuntimeFunctions.ToStringValue),
            One("fromMillis", RuntimeFunctions.FromMillis),
            One("toMillis", RuntimeFunctions.ToMillis),
            Many("concat", 1, RuntimeFunctions.Concat),
            One("strlen", RuntimeFunctions.StrLen),
            One("toupper", RuntimeFunctions.ToUpper),
            One("tolower", RuntimeFunctions.ToLower),
            new("trim", 1, 2, a => RuntimeFunctions.Trim(a[0], Arg(a, 1))),
            new("ltrim", 1, 2, a => RuntimeFunctions.LTrim(a[0], Arg(a, 1))),
            new("rtrim", 1, 2, a => RuntimeFunctions.RTrim(a[0], Arg(a, 1))),
            new("substr", 2, 3, a => RuntimeFunctions.Substr(a[0], a[1], Arg(a, 2))),
            new("replace", 3, 3, a => RuntimeFunctions.Replace(a[0], a[1], a[2])),
            new("strcontains", 2, 3, a => RuntimeFunctions.StrContains(a[0], a[1], Arg(a, 2))),
            new("startsWith", 2, 2, a => RuntimeFunctions.StartsWith(a[0], a[1])),
            new("endsWith", 2, 2, a => RuntimeFunctions.EndsWith(a[0], a[1])),
            One("urlencode", RuntimeFunctions.UrlEncode),
            One("urldecode", RuntimeFunctions.UrlDecode),
            One("base64encode", RuntimeFunctions.Base64Encode),
            One("base64decode", RuntimeFunctions.Base64Decode),
            One("isValidIp", RuntimeFunctions.IsValidIp),
            One("isValidIpV4", RuntimeFunctions.IsValidIpV4),
            One("isValidIpV6", RuntimeFunctions.IsValidIpV6),
            new("isIpInSubnet", 2, 2, a => RuntimeFunctions.IsIpInSubnet(a[0], a[1])),
            new("isIpv4InSubnet", 2, 2, a => RuntimeFunctions.IsIpv4InSubnet(a[0], a[1])),
            new("isIpv6InSubnet", 2, 2, a => RuntimeFunctions.IsIpv6InSubnet(a[0], a[1])),
            One("ipv4ToNumber", IpClassification.Ipv4ToNumber),
            One("isPrivateIP", IpClassification.IsPrivate),
            One("isPublicIP", IpClassification.IsPublic),
            One("isReservedIP", IpClassification.IsReserved),
            new("split", 2, 2, a => RuntimeFunctions.Split(a[0], a[1])),
            One("md5", EncodingFunctions.Md5),
            One("sha256", EncodingFunctions.Sha256),
            One("hexToAscii", EncodingFunctions.HexToAscii),
            One("hexToDec", EncodingFunctions.HexToDec),
            One("decToHex", EncodingFunctions.DecToHex),
            One("messageSize", EncodingFunctions.MessageSize),
            new("haversine", 4, 4, a => GeoFunctions.Haversine(a[0], a[1], a[2], a[3])),
            One("jsonParse", JsonFunctions.Parse),
            One("jsonStringify", JsonFunctions.Stringify),
            One("jsonArraySize", JsonFunctions.ArraySize),
            new("jsonArrayContains", 2, 2, a => JsonFunctions.ArrayContains(a[0], a[1])),
        };
        return list.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    private static ScalarFunction One(string name, Func<Value, Value> f) => new(name, 1, 1, a => f(a[0]));

    private static ScalarFunction Many(string name, int min, Func<Value[], Value> f) => new(name, min, int.MaxValue, f);

    private static Value Arg(Value[] args, int i) => i < args.Length ? args[i] : Value.Missing;
}
