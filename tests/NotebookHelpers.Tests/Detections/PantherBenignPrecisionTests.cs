using NotebookHelpers.Detections;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Support;
using Xunit.Abstractions;

namespace NotebookHelpers.Tests.Detections;

/// <summary>
/// The whole catalogue, not one mapped rule, on every event Panther labels benign (<c>ExpectedResult: false</c>):
/// none may raise a finding above Info. Each event is judged alone, as Panther's harness does. The figures written in
/// docs/detections.md ("Precision on Panther's labelled events") are the ones this test measures.
/// </summary>
public sealed class PantherBenignPrecisionTests(ITestOutputHelper output)
{
    /// <summary>
    /// Benign for the rule whose file holds them, malicious for another Panther rule: Panther labels each event for one
    /// rule only. Each entry names the Panther rule that alerts on the same kind of event.
    /// </summary>
    private static readonly Dictionary<(string File, string Test), string> MaliciousForAnotherPantherRule = new()
    {
        [("aws_console_root_login_failed.yml", "Successful Login")] =
            "a successful root console sign-in, which AWS.Console.RootLogin (and AWS.Console.LoginWithoutMFA for no MFA) alert on",
        [("aws_iam_create_user.yml", "IAM User Not Created")] =
            "AttachUserPolicy of AdministratorAccess, which AWS.IAM.AttachAdminUserPolicy alerts on",
        [("aws_root_access_key_created.yml", "Root Created Access Key For User")] =
            "an access key created for another user, which AWS.IAM.Backdoor.User.Keys alerts on",
    };

    [SharedDataFact]
    public void NoBenignPantherEventRaisesAFindingAboveInfo()
    {
        var (benign, raised) = Measure(expected: false);
        foreach (var line in raised)
        {
            output.WriteLine(line.Line);
        }

        Assert.Equal(54, benign);
        var falsePositives = raised.Where(r => !MaliciousForAnotherPantherRule.ContainsKey(r.Key)).Select(r => r.Line).ToList();
        Assert.True(falsePositives.Count == 0, $"{falsePositives.Count} of {benign} benign events raised a finding above Info:\n" + string.Join("\n", falsePositives));
        Assert.All(MaliciousForAnotherPantherRule.Keys, key => Assert.Contains(raised, r => r.Key == key));
    }

    [SharedDataFact]
    public void PrecisionFiguresInTheDetectionsDocumentAreTheMeasuredOnes()
    {
        var (benign, falsePositives) = Measure(expected: false);
        var (malicious, truePositives) = Measure(expected: true);
        var document = File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "detections.md"));

        var counted = falsePositives.Count(r => !MaliciousForAnotherPantherRule.ContainsKey(r.Key));
        var expected = DetectionCatalogDocument.PrecisionLine(malicious, truePositives.Count, benign, counted, MaliciousForAnotherPantherRule.Count);
        Assert.True(document.Contains(expected, StringComparison.Ordinal),
            $"docs/detections.md should say: {expected}\n(update DetectionCatalogDocument.MeasuredPrecision and regenerate)");
    }

    /// <summary>The labelled events with <paramref name="expected"/>, and a line for each that raised a finding above Info.</summary>
    private static (int Count, List<((string File, string Test) Key, string Line)> Raised) Measure(bool expected)
    {
        var count = 0;
        var raised = new List<((string, string), string)>();
        foreach (var file in PantherTestFile.LoadAll())
        {
            foreach (var test in file.Tests.Where(t => t.ExpectedResult == expected))
            {
                count++;
                var ev = CloudTrailEvent.Parse(test.Json, new EvidenceLocation(file.FileName));
                var findings = DetectionRunner.Run([ev]).Findings.Where(f => f.Severity > Severity.Info).ToList();
                if (findings.Count > 0)
                {
                    raised.Add(((file.FileName, test.Name), $"{file.FileName} '{test.Name}': " + string.Join("; ", findings.Select(f => $"{f.RuleId} {f.Severity}: {f.Summary}"))));
                }
            }
        }

        return (count, raised);
    }
}
