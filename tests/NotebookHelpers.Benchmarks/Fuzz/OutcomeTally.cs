using System.Globalization;
using NotebookHelpers.Json;

namespace NotebookHelpers.Benchmarks.Fuzz;

/// <summary>
/// How the random inputs came out under the reference: valid, incomplete, each error kind — and how many valid
/// containers the block validator decided itself, so a run shows it reached both verdicts and the fast path.
/// </summary>
internal sealed class OutcomeTally
{
    private readonly Dictionary<JsonScanErrorKind, long> _errors = [];
    private long _valid;
    private long _validContainers;
    private long _decidedByBlocks;

    public void Count(ScanOutcome expected, byte[] json)
    {
        if (expected.Status != JsonScanStatus.Ok)
        {
            _errors[expected.Error.Kind] = _errors.GetValueOrDefault(expected.Error.Kind) + 1;
            return;
        }

        _valid++;
        if (expected.Kind is JsonTokenKind.Object or JsonTokenKind.Array)
        {
            _validContainers++;
            if (JsonStructuralValidator.TryScanContainer(json, expected.Start, out var end, out _) && end == expected.End)
            {
                _decidedByBlocks++;
            }
        }
    }

    public override string ToString()
    {
        var errors = string.Join(", ", _errors.OrderBy(e => e.Key).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key} {e.Value:N0}")));
        if (_valid == 0 && errors.Length == 0)
        {
            return "no random inputs (the exhaustive part took all the time)";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"random outcomes: {_valid:N0} valid ({_validContainers:N0} containers, {_decidedByBlocks:N0} decided by the block validator), {errors}");
    }
}
