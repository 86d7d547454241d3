using NotebookHelpers.Aws.Athena;
using NotebookHelpers.Insights.Sql;

namespace NotebookHelpers.Tests.Aws.Athena;

/// <summary>The SQL renderer reads the table nbh athena-table creates: every column and struct path it may name is one.</summary>
public sealed class CloudTrailTableColumnsTests
{
    [Fact]
    public void EveryColumnAndStructPathTheRendererNamesIsDeclaredByTheTableStatement()
    {
        var declared = LeafPaths(CloudTrailTableDdl.Columns);

        Assert.All(CloudTrailTableSchema.StringColumns.Concat(CloudTrailTableSchema.JsonColumns), c => Assert.Contains(c, declared));
        Assert.All(CloudTrailTableSchema.StructColumns.SelectMany(s => s.Value.Select(p => s.Key + "." + p)), p => Assert.Contains(p, declared));
        Assert.All(CloudTrailTableSchema.ResourceFields, f => Assert.Contains(CloudTrailTableSchema.ResourcesColumn + "." + f, declared));
    }

    // Leaf paths of a Hive column list: "a STRING, b STRUCT<c: STRING, d: STRUCT<e: STRING>>, r ARRAY<STRUCT<x: STRING>>"
    // gives a, b.c, b.d.e, r.x (a map is a leaf).
    private static HashSet<string> LeafPaths(string columns)
    {
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var reader = new Reader(columns.Replace('\n', ' '));
        reader.Fields("", '\0', paths);
        return paths;
    }

    private sealed class Reader(string text)
    {
        private int _at;

        public void Fields(string prefix, char closing, HashSet<string> paths)
        {
            while (true)
            {
                Skip();
                if (_at >= text.Length || text[_at] == closing)
                {
                    _at++;
                    return;
                }

                var name = Word();
                Skip();
                if (text[_at] == ':')
                {
                    _at++;
                }

                Type(prefix + name, paths);
                Skip();
                if (_at < text.Length && text[_at] == ',')
                {
                    _at++;
                }
            }
        }

        private void Type(string path, HashSet<string> paths)
        {
            Skip();
            switch (Word().ToUpperInvariant())
            {
                case "STRUCT":
                    Expect('<');
                    Fields(path + ".", '>', paths);
                    break;
                case "ARRAY":
                    Expect('<');
                    Type(path, paths);
                    Skip();
                    Expect('>');
                    break;
                case "MAP":
                    _at = text.IndexOf('>', _at) + 1;
                    paths.Add(path);
                    break;
                default:
                    paths.Add(path);
                    break;
            }
        }

        private void Expect(char c)
        {
            Skip();
            Assert.Equal(c, text[_at]);
            _at++;
        }

        private string Word()
        {
            var start = _at;
            while (_at < text.Length && (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] == '_'))
            {
                _at++;
            }

            return text[start.._at];
        }

        private void Skip()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }
    }
}
