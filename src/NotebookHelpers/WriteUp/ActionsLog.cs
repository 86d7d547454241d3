using System.Text.Json;
using NotebookHelpers.Aws.Containment;
using NotebookHelpers.Aws.EvidenceFolder;

namespace NotebookHelpers.WriteUp;

/// <summary>
/// The containment actions executed through nbh (<c>nbh contain --confirm</c>, or notebook 02 with
/// <c>Execute = true</c>), read back from an evidence folder's <c>actions.jsonl</c>. A line that cannot be read is
/// reported with the file and line number; every other line is kept.
/// </summary>
public sealed class ActionsLog
{
    private ActionsLog(string? path, IReadOnlyList<ContainmentRecord> records, IReadOnlyList<string> problems)
    {
        Path = path;
        Records = records;
        Problems = problems;
    }

    /// <summary>The file read, or null when the folder has no actions log.</summary>
    public string? Path { get; }

    /// <summary>The executed actions, in file order (which is execution order).</summary>
    public IReadOnlyList<ContainmentRecord> Records { get; }

    /// <summary>Lines that could not be read, each naming the file and line.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>No actions log.</summary>
    public static ActionsLog None { get; } = new(null, [], []);

    /// <summary>Reads <c>actions.jsonl</c> of <paramref name="evidenceFolder"/>; <see cref="None"/> when there is none.</summary>
    public static ActionsLog Read(string? evidenceFolder)
    {
        if (string.IsNullOrWhiteSpace(evidenceFolder))
        {
            return None;
        }

        var path = System.IO.Path.Combine(evidenceFolder, EvidenceDirectory.ActionsFileName);
        if (!File.Exists(path))
        {
            return None;
        }

        var records = new List<ContainmentRecord>();
        var problems = new List<string>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var record = JsonSerializer.Deserialize<ContainmentRecord>(line);
                if (record is null || string.IsNullOrEmpty(record.Operation) || record.Parameters is null || record.CliCommand is null || record.Outcome is null)
                {
                    throw new JsonException("time, operation, parameters, cli or outcome missing");
                }

                records.Add(record);
            }
            catch (JsonException e)
            {
                problems.Add($"{path}:line {number}: not an action record ({e.Message})");
            }
        }

        return new ActionsLog(path, records, problems);
    }
}
