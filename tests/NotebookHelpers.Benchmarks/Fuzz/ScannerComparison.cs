using System.Text;
using NotebookHelpers.Json;
using NotebookHelpers.Tests.Json;

namespace NotebookHelpers.Benchmarks.Fuzz;

/// <summary>
/// One input run through <see cref="JsonScanner.SkipValue(ReadOnlySpan{byte}, int, out int, out int, out JsonTokenKind, out JsonScanError, ref bool)"/>
/// and through the byte-by-byte <see cref="ReferenceJsonScanner"/> it replaced: everything either returns must agree.
/// </summary>
internal readonly record struct ScannerComparison(ScanOutcome Expected, ScanOutcome Actual)
{
    /// <summary>True when the scanner and the reference disagree on anything.</summary>
    public bool Disagrees => Expected != Actual;

    /// <summary>Runs both scanners on <paramref name="json"/> from <paramref name="pos"/>.</summary>
    public static ScannerComparison Run(ReadOnlySpan<byte> json, int pos)
    {
        var expectedWhitespace = false;
        var expected = ReferenceJsonScanner.SkipValue(json, pos, out var expectedStart, out var expectedEnd, out var expectedKind, out var expectedError, ref expectedWhitespace);
        var actualWhitespace = false;
        var actual = JsonScanner.SkipValue(json, pos, out var actualStart, out var actualEnd, out var actualKind, out var actualError, ref actualWhitespace);
        return new ScannerComparison(
            new ScanOutcome(expected, expectedStart, expectedEnd, expectedKind, expectedError, expectedWhitespace),
            new ScanOutcome(actual, actualStart, actualEnd, actualKind, actualError, actualWhitespace));
    }

    /// <summary>The disagreement in one paragraph, with the input as a C# string literal ready for a regression test.</summary>
    public static string Describe(byte[] json, int pos, ScannerComparison comparison) =>
        $"input ({json.Length} bytes, value from byte {pos}): {CSharpLiteral(json)}\n" +
        $"  reference: {comparison.Expected}\n" +
        $"  scanner:   {comparison.Actual}";

    /// <summary>The bytes as a C# UTF-8 string literal with every non-printable or non-ASCII byte escaped.</summary>
    public static string CSharpLiteral(ReadOnlySpan<byte> json)
    {
        var text = new StringBuilder("\"");
        foreach (var b in json)
        {
            text.Append(b switch
            {
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\x{b:X2}\" + \"",
            });
        }

        return text.Append("\"u8").ToString();
    }
}

/// <summary>Everything one <c>SkipValue</c> call reports.</summary>
internal readonly record struct ScanOutcome(JsonScanStatus Status, int Start, int End, JsonTokenKind Kind, JsonScanError Error, bool SawWhitespace);
