namespace NotebookHelpers.Sources;

/// <summary>
/// Turns the one source parameter of a notebook or <c>nbh investigate</c> into an <see cref="IEvidenceSource"/>:
/// <list type="bullet">
/// <item><c>sample</c>: the recorded sample incident's trail files (data-samples/sample-incident/trail-s3);</item>
/// <item><c>sample:event-history</c>, <c>sample:cloudwatch-logs</c>: its other copies;</item>
/// <item>a path: files, folders, archives, or an evidence folder written by nbh;</item>
/// <item><c>cwl:[REGION:]GROUP[,GROUP…]</c>: CloudWatch Logs Insights on the trail's log group(s);</item>
/// <item><c>lookup:</c>, <c>lookup:AKIA…</c>, <c>lookup:Username=NAME</c>: an Event History sweep into the evidence folder;</item>
/// <item><c>s3://BUCKET[/PREFIX]</c>: the trail bucket's files for the range, fetched into the evidence folder;</item>
/// <item><c>athena:DATABASE.TABLE[?workgroup=W&amp;output=s3://…]</c>: the files Athena finds the key's events in, fetched
/// into the evidence folder (<see cref="AthenaEvidenceSource"/>).</item>
/// </list>
/// <code>
/// var source = EvidenceSources.Parse(Source, new EvidenceSourceOptions { Range = TimeRange.Parse(Start, End), EvidenceFolder = "evidence" });
/// var runner = await source.OpenQueryRunnerAsync();
/// </code>
/// </summary>
public static class EvidenceSources
{
    /// <summary>Parses a source parameter.</summary>
    /// <exception cref="ArgumentException">The parameter names nothing usable; the message says what is expected.</exception>
    public static IEvidenceSource Parse(string parameter, EvidenceSourceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameter);
        options ??= new EvidenceSourceOptions();
        var text = parameter.Trim();
        if (SampleIncidentLocator.TryParseSourceName(text, out var copy))
        {
            var path = SampleIncidentLocator.Find(copy, options.RepositoryRoot);
            return new LocalEvidenceSource(text, [path], options, $"sample incident ({copy})");
        }

        if (CloudWatchLogsSourceName.IsMatch(text))
        {
            return new CloudWatchLogsEvidenceSource(text, options);
        }

        if (text.StartsWith(EventHistoryEvidenceSource.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return new EventHistoryEvidenceSource(text, options);
        }

        if (AthenaSourceName.IsMatch(text))
        {
            return new AthenaEvidenceSource(text, options);
        }

        if (text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return new S3TrailEvidenceSource(text, options);
        }

        if (File.Exists(text) || Directory.Exists(text))
        {
            return new LocalEvidenceSource(text, [text], options);
        }

        throw new ArgumentException(
            $"'{parameter}' is neither an existing path nor a source (sample, cwl:GROUP, lookup:[KEY=]VALUE, s3://BUCKET[/PREFIX], athena:DATABASE.TABLE).", nameof(parameter));
    }
}
