using System.IO.Compression;
using System.Text.Json;
using NotebookHelpers.SampleIncident.Attack;

namespace NotebookHelpers.SampleIncident.Output;

/// <summary>
/// Carries out the story's deletions once everything is delivered and digested: finds the log object that holds
/// each deletion's target record among the digested objects, notes what it held, and deletes it, so the copy looks
/// like the bucket after the attacker was there while the digests still list the object.
/// </summary>
internal static class LogObjectRemover
{
    public static IReadOnlyList<DeletedLogObject> Apply(string trailRoot, IEnumerable<LogObjectDeletion> deletions, DigestWriter digests)
    {
        var deleted = new List<DeletedLogObject>();
        foreach (var deletion in deletions)
        {
            var target = deletion.Target;
            var matches = digests.Listed
                .Where(f => f.AccountId == target.RecipientAccountId && f.Region == target.Region && f.OldestEventTime <= target.Time && f.NewestEventTime >= target.Time)
                .Select(f => (File: f, Records: Records(Path.Combine(trailRoot, f.ObjectKey.Replace('/', Path.DirectorySeparatorChar)))))
                .Where(m => m.Records.Any(r => r.EventId == target.EventId))
                .ToList();
            if (matches.Count != 1 || matches[0].File.DeliveredAt >= deletion.Time)
            {
                throw new InvalidOperationException(
                    $"the story deletes the object holding {target.EventName} {target.EventId}, but {matches.Count} digested objects delivered before {deletion.Time:O} hold it.");
            }

            var (file, records) = matches[0];
            File.Delete(Path.Combine(trailRoot, file.ObjectKey.Replace('/', Path.DirectorySeparatorChar)));
            deleted.Add(new DeletedLogObject(file, digests.DigestOf(file.ObjectKey), deletion, records));
        }

        return deleted;
    }

    private static List<DeletedRecord> Records(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var document = JsonDocument.Parse(gzip);
        return [.. document.RootElement.GetProperty("Records").EnumerateArray().Select(r => new DeletedRecord(
            r.GetProperty("eventID").GetString()!, r.GetProperty("eventName").GetString()!, r.GetProperty("eventTime").GetString()!,
            r.GetProperty("recipientAccountId").GetString()!))];
    }
}
