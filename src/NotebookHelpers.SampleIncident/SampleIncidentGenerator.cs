using System.IO.Compression;
using NotebookHelpers.SampleIncident.Background;
using NotebookHelpers.SampleIncident.Output;
using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident;

/// <summary>
/// Generates the recorded sample incident: a leaked IAM user key abused inside five days of an organization's
/// everyday CloudTrail activity (the abuse is the options' <see cref="SampleIncidentOptions.Scenario"/>), written as the trail's S3 objects, a CloudWatch Logs export, the leaked key's
/// Event History pages and a machine-readable answer key. Deterministic: the same options give byte-identical
/// files. Streaming: records are generated hour by hour and written as soon as their files are complete, so memory
/// stays flat at any scale.
/// </summary>
public static class SampleIncidentGenerator
{
    /// <summary>The folder names inside the output directory.</summary>
    public const string TrailFolder = "trail-s3";

    /// <summary>The CloudWatch Logs export folder.</summary>
    public const string CloudWatchFolder = "cloudwatch-logs";

    /// <summary>The LookupEvents pages folder.</summary>
    public const string EventHistoryFolder = "event-history";

    /// <summary>The answer key's file name.</summary>
    public const string AnswerKeyFile = "answer-key.json";

    /// <summary>The public key of the sample's digest signing key pair, in ListPublicKeys shape.</summary>
    public const string PublicKeysFile = NotebookHelpers.Sources.SampleIncidentLocator.PublicKeysFileName;

    /// <summary>Writes the sample into <see cref="SampleIncidentOptions.OutputDirectory"/>, replacing an earlier run's files there.</summary>
    public static SampleIncidentSummary Generate(SampleIncidentOptions options, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Scale, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, SampleIncidentOptions.DefaultDays);
        var story = SampleScenarios.Story(options.Scenario);
        var start = Timeline.End.AddDays(-options.Days);
        var root = Path.GetFullPath(options.OutputDirectory);
        ClearPreviousOutput(root);
        Directory.CreateDirectory(root);

        // Small committed files compress as well as they can; the scaled benchmark variant favours speed.
        var level = options.Scale == 1 && options.Days == SampleIncidentOptions.DefaultDays ? CompressionLevel.SmallestSize : CompressionLevel.Fastest;
        var seed = options.Seed;
        using var writer = new BackgroundWriter();
        using var signer = new DigestSigner(seed);
        var digests = new DigestWriter(Path.Combine(root, TrailFolder), signer, level);
        var trail = new TrailDeliveryWriter(Path.Combine(root, TrailFolder), seed, level, writer, digests.Add);
        var exportTaskId = DeterministicRandom.Create(seed, "export-task").Uuid();
        var cloudWatch = new CloudWatchExportWriter(Path.Combine(root, CloudWatchFolder), exportTaskId, level, writer);
        var history = new EventHistoryWriter(Path.Combine(root, EventHistoryFolder), Accounts.Production, Cast.LeakedAccessKeyId, Timeline.End, seed);
        IRecordSink[] sinks = [trail, cloudWatch, history];

        var attack = story.Build(seed);
        var queue = new EventQueue(Timeline.End);
        foreach (var record in attack.AllRecords)
        {
            queue.Add(record);
        }

        var activities = BackgroundCatalog.Create(seed, options.Scale);
        var serializer = new TrailEventSerializer();
        long events = 0, management = 0;
        for (var hour = start; hour < Timeline.End; hour = hour.AddHours(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var activity in activities)
            {
                activity.Generate(hour, queue);
            }

            var next = hour.AddHours(1);
            foreach (var record in queue.DrainBefore(next))
            {
                var serialized = new SerializedEvent(record, serializer.Serialize(record));
                foreach (var sink in sinks)
                {
                    sink.Accept(serialized);
                }

                events++;
                if (record.ManagementEvent)
                {
                    management++;
                }
            }

            foreach (var sink in sinks)
            {
                sink.Advance(next);
            }

            if (hour.Hour == 23)
            {
                progress?.Report($"{hour:yyyy-MM-dd}: {events:N0} events");
            }
        }

        foreach (var sink in sinks)
        {
            sink.Complete();
        }

        writer.Complete();
        digests.Complete();
        signer.WritePublicKeys(Path.Combine(root, PublicKeysFile));
        var deleted = LogObjectRemover.Apply(Path.Combine(root, TrailFolder), attack.Deletions, digests);
        var summary = new SampleIncidentSummary(seed, options.Scale, options.Days, start, events, management, events - management,
            trail.FilesWritten - deleted.Count, digests.FilesWritten, cloudWatch.EventsWritten, cloudWatch.EventsDropped, cloudWatch.FilesWritten,
            history.EventsWritten, history.PagesWritten, trail.BytesWritten, deleted.Count, deleted.Sum(d => d.Records.Count));
        story.WriteAnswerKey(Path.Combine(root, AnswerKeyFile), attack, summary, exportTaskId, deleted, signer.Fingerprint);
        return summary;
    }

    private static void ClearPreviousOutput(string root)
    {
        foreach (var folder in new[] { TrailFolder, CloudWatchFolder, EventHistoryFolder })
        {
            var path = Path.Combine(root, folder);
            if (Directory.Exists(path))
            {
                // An evidence folder's files are read-only (write-once); Windows refuses to delete those.
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(file, FileAttributes.Normal);
                }

                Directory.Delete(path, recursive: true);
            }
        }

        foreach (var file in new[] { AnswerKeyFile, PublicKeysFile })
        {
            var path = Path.Combine(root, file);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
