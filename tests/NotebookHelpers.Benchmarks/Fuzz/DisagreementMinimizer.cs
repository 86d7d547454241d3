namespace NotebookHelpers.Benchmarks.Fuzz;

/// <summary>
/// Shrinks an input on which the scanner and the reference disagree (delta debugging over byte ranges, then single
/// bytes replaced by <c>x</c> where that keeps the disagreement), so a regression case is short enough to read.
/// The value start moves with the bytes removed before it.
/// </summary>
internal static class DisagreementMinimizer
{
    public static (byte[] Json, int Pos) Minimize(byte[] json, int pos)
    {
        var progress = true;
        while (progress)
        {
            progress = false;
            for (var chunk = Math.Max(1, json.Length / 2); chunk >= 1; chunk /= 2)
            {
                for (var at = 0; at + chunk <= json.Length;)
                {
                    byte[] candidate = [.. json.AsSpan(0, at), .. json.AsSpan(at + chunk)];
                    var candidatePos = at + chunk <= pos ? pos - chunk : at <= pos ? Math.Min(pos, at) : pos;
                    if (candidatePos <= candidate.Length && ScannerComparison.Run(candidate, candidatePos).Disagrees)
                    {
                        json = candidate;
                        pos = candidatePos;
                        progress = true;
                    }
                    else
                    {
                        at += chunk;
                    }
                }

                if (chunk == 1)
                {
                    break;
                }
            }
        }

        // Filler bytes that do not matter read as 'x', so what does matter stands out.
        for (var at = 0; at < json.Length; at++)
        {
            if (json[at] == (byte)'x')
            {
                continue;
            }

            var original = json[at];
            json[at] = (byte)'x';
            if (!ScannerComparison.Run(json, pos).Disagrees)
            {
                json[at] = original;
            }
        }

        return (json, pos);
    }
}
