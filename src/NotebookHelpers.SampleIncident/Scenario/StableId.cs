using System.Text;

namespace NotebookHelpers.SampleIncident.Scenario;

/// <summary>Identifiers derived from a name, so fixed cast members (roles, instances) need no hand-typed IDs.</summary>
internal static class StableId
{
    public static string Hex(string name, int length) => Derive(name, length, "0123456789abcdef");

    public static string Upper(string name, int length) => Derive(name, length, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");

    private static string Derive(string name, int length, string alphabet)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            hash ^= hash >> 29;
            hash *= 0xBF58476D1CE4E5B9UL;
            hash ^= hash >> 32;
            sb.Append(alphabet[(int)(hash % (ulong)alphabet.Length)]);
        }

        return sb.ToString();
    }
}
