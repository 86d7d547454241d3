using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Notebooks.Parameters;
using NotebookHelpers.Sources;
using NotebookHelpers.Tests.Notebooks;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>
/// An access key id pasted with a trailing space or newline finds the key's activity, in the library and in notebook
/// 01; a value that is not an access key id (a user id, an ARN, a secret key) is a clear error that does not echo a
/// secret.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class AccessKeyIdParameterTests
{
    private const string Key = "AKIA3NWPX4QHZRT7K2MD";

    [Theory]
    [InlineData(Key + " ")]
    [InlineData(Key + "\n")]
    [InlineData("\t" + Key + "\r\n")]
    [InlineData("\u200B" + Key + "\uFEFF")]
    [InlineData("\"" + Key + "\"")]
    public void APastedKeyIsTrimmed(string pasted)
    {
        Assert.Equal(Key, AccessKeyIdParameter.Check(pasted));
    }

    [Fact]
    public void AnEmptyValueStaysEmpty()
    {
        Assert.Equal("", AccessKeyIdParameter.Check(" \n"));
        Assert.Null(AccessKeyIdParameter.CheckOrNull(null));
    }

    [Theory]
    [InlineData("AIDA3NWPX4QHZRT7K2MD", "(AIDA…: IAM user id, not an access key)")]
    [InlineData("AKIA3NWPX4", "'AKIA3NWPX4' is not an access key id")]
    [InlineData("AKIA3NWPX4QHZRT7K2MD AKIA3NWPX4QHZRT7K2ME", "is not an access key id")]
    [InlineData("arn:aws:iam::111122223333:user/victim", "is an ARN, not an access key id")]
    public void AValueThatIsNoKeyIdIsAClearError(string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => AccessKeyIdParameter.Check(value));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("starting AKIA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretAccessKeyIsNotEchoed()
    {
        const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

        var error = Assert.Throws<ArgumentException>(() => AccessKeyIdParameter.Check(Secret));

        Assert.DoesNotContain("wJalr", error.Message, StringComparison.Ordinal);
        Assert.Contains("secret access key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLibraryFindsAKeyWithATrailingNewline()
    {
        var evidence = await EvidenceSession.OpenAsync("sample", accessKeyId: Key + "\n");

        var check = await evidence.RequireKeyAsync(Key + "\n");

        Assert.NotNull(check);
    }

    [Fact]
    public async Task Notebook01FindsTheActivityOfAKeyPastedWithATrailingSpace()
    {
        var document = await NotebookReader.ReadAsync(Path.Combine(RepositoryPaths.Notebooks, "01-access-key-activity.ipynb"));

        var result = await new NotebookRunner(new NotebookRunOptions { Parameters = [new NotebookParameter("AccessKeyId", Key + " ")] }).RunAsync(document);

        Assert.Empty(result.Failures.Select(f => $"{f.Where}: {f.ErrorName}: {f.Message}"));
        var activity = result.Document.Cells.First(c => c.Source.Contains("ActivityByAccessKey(AccessKeyId)", StringComparison.Ordinal));
        Assert.Matches(@"\d+ rows", NotebookFixture.Text(activity, "text/html"));
    }
}
