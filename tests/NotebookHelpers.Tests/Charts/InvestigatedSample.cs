using System.Text.Json;
using NotebookHelpers.Charts;
using NotebookHelpers.Evidence;
using NotebookHelpers.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Charts;

/// <summary>
/// The sample incident read once and investigated from its leaked key, with its answer key; and a real third-party
/// recording (Invictus IR's Stratus simulation) investigated from its attacker key. Shared by chart and write-up tests.
/// </summary>
public sealed class InvestigatedSample
{
    public const string LeakedKey = "AKIA3NWPX4QHZRT7K2MD";
    public const string BackdoorKey = "AKIA3NWPX4QH6YBVJ5WE";
    public const string AttackerSession = "ASIAWQ7HZKD3M5TXRB2N";
    public const string RecordingKey = "AKIATFQR7NSC8Q4X20BJ";

    private readonly Lazy<(Investigator Investigator, KeyInvestigation Investigation)> _recording = new(() =>
    {
        var (events, _) = EvidenceReader.ReadAll([RecordingPath]);
        var investigator = new Investigator(events);
        return (investigator, investigator.Investigate(RecordingKey));
    });

    public InvestigatedSample()
    {
        var (events, _) = EvidenceReader.ReadAll([TrailPath]);
        Investigator = new Investigator(events);
        Investigation = Investigator.Investigate(LeakedKey);
        Activity = KeyActivity.From(Investigator, Investigation);
        Key = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "answer-key.json"))).RootElement;
    }

    public static string TrailPath => Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "trail-s3");

    public static string EventHistoryPath => Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "event-history");

    public static string RecordingPath => RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail");

    public Investigator Investigator { get; }

    public KeyInvestigation Investigation { get; }

    public KeyActivity Activity { get; }

    public JsonElement Key { get; }

    public Investigator RecordingInvestigator => _recording.Value.Investigator;

    public KeyInvestigation RecordingInvestigation => _recording.Value.Investigation;

    public KeyActivity RecordingActivity => KeyActivity.From(RecordingInvestigator, RecordingInvestigation);

    public IReadOnlyList<string> AttackerIps => [.. Key.GetProperty("attackerIps").EnumerateArray().Select(i => i.GetProperty("ip").GetString()!)];

    public IReadOnlyList<(string Region, string InstanceId)> RunningInstances =>
        [.. Key.GetProperty("endState").GetProperty("runningInstances").EnumerateArray().Select(i => (i.GetProperty("region").GetString()!, i.GetProperty("instanceId").GetString()!))];
}
