using System.Globalization;
using NotebookHelpers.Aws.Athena;
using NotebookHelpers.Aws.Credentials;

namespace NotebookHelpers.Sources;

/// <summary>
/// An <c>athena:DATABASE.TABLE</c> source parameter, with optional settings after a <c>?</c>, joined by <c>&amp;</c>:
/// <c>workgroup=W</c>, <c>output=s3://BUCKET/PREFIX/</c>, <c>catalog=C</c>, <c>max-scan-gb=N</c>,
/// <c>price-per-tb=USD</c>, <c>accounts=A1,A2</c>, <c>regions=R1,R2</c>. Everything lives in the one parameter, so a
/// notebook switches to Athena by changing its <c>Source</c> alone.
/// </summary>
/// <param name="Database">The Glue database.</param>
/// <param name="Table">The CloudTrail table (as <c>nbh athena-table</c> creates it).</param>
/// <param name="Options">Workgroup, output location, catalog, scan bound and price.</param>
/// <param name="Accounts">Accounts to limit the partitions to; empty for every projected one.</param>
/// <param name="Regions">Regions to limit the partitions to; empty for every projected one.</param>
public sealed record AthenaSourceName(string Database, string Table, AthenaQueryOptions Options, IReadOnlyList<string> Accounts, IReadOnlyList<string> Regions)
{
    /// <summary>The scheme.</summary>
    public const string Scheme = "athena:";

    /// <summary>True when <paramref name="text"/> is an <c>athena:</c> parameter.</summary>
    public static bool IsMatch(string text) => text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses the parameter.</summary>
    /// <exception cref="ArgumentException">It names no database and table, or a setting is unknown or not valid.</exception>
    public static AthenaSourceName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text[Scheme.Length..];
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var name = question < 0 ? rest : rest[..question];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == name.Length - 1 || !IsGlueName(name[..dot]) || !IsGlueName(name[(dot + 1)..]))
        {
            throw new ArgumentException($"'{text}': expected athena:DATABASE.TABLE (lowercase letters, digits and underscores), e.g. athena:security.cloudtrail_logs.");
        }

        var options = new AthenaQueryOptions { Database = name[..dot] };
        IReadOnlyList<string> accounts = [];
        IReadOnlyList<string> regions = [];
        foreach (var pair in (question < 0 ? "" : rest[(question + 1)..]).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            switch (key)
            {
                case "workgroup":
                    options = options with { WorkGroup = value };
                    break;
                case "output" when value.StartsWith("s3://", StringComparison.Ordinal):
                    options = options with { OutputLocation = value.TrimEnd('/') + "/" };
                    break;
                case "catalog":
                    options = options with { Catalog = value };
                    break;
                case "max-scan-gb" when Positive(value) is { } gb:
                    options = options with { MaxScanBytes = (long)(gb * (1L << 30)) };
                    break;
                case "price-per-tb" when Positive(value) is { } price:
                    options = options with { PricePerTerabyte = price };
                    break;
                case "accounts":
                    accounts = List(value);
                    break;
                case "regions" when List(value).All(AwsRegionName.IsValid):
                    regions = List(value);
                    break;
                default:
                    throw new ArgumentException(
                        $"'{text}': '{pair}' is not a setting of an athena: source (workgroup=, output=s3://…, catalog=, max-scan-gb=, price-per-tb=, accounts=, regions=).");
            }
        }

        return new AthenaSourceName(name[..dot], name[(dot + 1)..], options, accounts, regions);
    }

    /// <inheritdoc />
    public override string ToString() => $"Athena table {Database}.{Table}";

    private static bool IsGlueName(string name) => name.Length <= 255 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    private static decimal? Positive(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;

    private static List<string> List(string value) => [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
