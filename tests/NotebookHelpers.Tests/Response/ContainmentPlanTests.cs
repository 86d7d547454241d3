using NotebookHelpers.Aws.Containment;
using NotebookHelpers.Response;
using NotebookHelpers.Tests.Charts;

namespace NotebookHelpers.Tests.Response;

/// <summary>The containment plan chosen by the kind of credential, offline on the sample incident: what it calls, what it skips, and that a dry run sends nothing.</summary>
public sealed class ContainmentPlanTests(InvestigatedSample sample) : IClassFixture<InvestigatedSample>
{
    private static readonly DateTimeOffset EndOfEvidence = new(2025, 3, 11, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public void LeakedKeyPlanShowsTheDeactivationAndDenyAllTheDefendersAlreadyRecorded()
    {
        var plan = Plan(InvestigatedSample.LeakedKey);

        Assert.Equal(["UpdateAccessKey", "PutUserPolicy"], plan.Steps.Select(s => s.Action.Operation));
        Assert.All(plan.Steps, s => Assert.NotNull(s.AlreadyDone));
        Assert.Equal("aws iam update-access-key --access-key-id AKIA3NWPX4QHZRT7K2MD --status Inactive --user-name svc-reporting", plan.Steps[0].Action.CliCommand);
        Assert.Contains("--user-name svc-reporting", plan.Steps[1].Action.CliCommand, StringComparison.Ordinal);
        Assert.Contains(plan.Notes, n => n.Contains("blast radius", StringComparison.Ordinal));
    }

    [Fact]
    public void BackdoorKeyPlanDeactivatesTheKeyDeniesTheUserAndDeletesItsConsolePassword()
    {
        var plan = Plan(InvestigatedSample.BackdoorKey);

        Assert.Equal(["UpdateAccessKey", "PutUserPolicy", "DeleteLoginProfile"], plan.Steps.Select(s => s.Action.Operation));
        Assert.All(plan.Steps, s => Assert.Null(s.AlreadyDone));
        Assert.Equal("aws iam delete-login-profile --user-name svc-backup-sync", plan.Steps[2].Action.CliCommand);
        Assert.DoesNotContain(plan.Steps, s => s.Action.Operation == "DeleteAccessKey");
    }

    [Fact]
    public void DeletingTheKeyIsAddedOnlyWhenAskedAndMarkedIrreversible()
    {
        var credential = Assess(InvestigatedSample.BackdoorKey);
        var plan = ContainmentPlan.For(credential, sample.Investigator.Investigate(InvestigatedSample.BackdoorKey), EndOfEvidence, deleteKey: true);

        var delete = Assert.Single(plan.Steps, s => s.Action.Operation == "DeleteAccessKey");
        Assert.True(delete.Action.IsIrreversible);
        Assert.Equal(plan.Steps[^1], delete);
    }

    [Fact]
    public void RoleSessionPlanRevokesTheRolesSessionsIssuedBeforeTheGivenTime()
    {
        var plan = Plan(InvestigatedSample.AttackerSession);

        var step = Assert.Single(plan.Steps);
        Assert.Equal("PutRolePolicy", step.Action.Operation);
        Assert.Contains(step.Action.Parameters, p => p.Key == "RoleName" && p.Value == "analytics-readonly-xacct");
        Assert.Contains(step.Action.Parameters, p => p.Key == "PolicyName" && p.Value == ContainmentPolicies.RevokeOlderSessionsName);
        Assert.Contains("2025-03-11T23:59:00Z", step.Action.CliCommand, StringComparison.Ordinal);
        Assert.Contains(plan.Notes, n => n.Contains("who assumed the role", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownKeyGetsNoCallOnlyTheAdviceToLookItUpLive()
    {
        var plan = Plan("AKIAIOSFODNN7EXAMPLE");

        Assert.Empty(plan.Steps);
        Assert.Contains(plan.Notes, n => n.Contains("Live = true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DryRunSendsNothingAndSaysHowManyCallsExecutingWouldMake()
    {
        var run = await Plan(InvestigatedSample.BackdoorKey).RunAsync(execute: false, live: false, evidenceFolder: null);

        Assert.False(run.Executed);
        Assert.Empty(run.Records);
        Assert.Null(run.ActionsLog);
        Assert.StartsWith("DRY RUN: nothing was sent. Executing would make 3 calls", run.Headline, StringComparison.Ordinal);
        using var html = new StringWriter();
        run.WriteHtml(html);
        Assert.Contains("aws iam delete-login-profile --user-name svc-backup-sync", html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteWithoutLiveSendsNothingAndSaysWhy()
    {
        var run = await Plan(InvestigatedSample.BackdoorKey).RunAsync(execute: true, live: false, evidenceFolder: null);

        Assert.False(run.Executed);
        Assert.StartsWith("Execute = true needs Live = true", run.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanTableListsEachCallWithItsCliEquivalentAndWhatTheEvidenceShowsDone()
    {
        var table = Plan(InvestigatedSample.LeakedKey).ToHtmlTable();

        Assert.Equal(["step", "call", "why", "AWS CLI equivalent", "reversible", "already done (evidence)"], table.Columns);
        Assert.Equal(2, table.Rows.Count);
        Assert.Contains("IAM user access key", table.Title, StringComparison.Ordinal);
    }

    private CredentialAssessment Assess(string key) => CredentialAssessment.From(sample.Investigator, sample.Investigator.Investigate(key));

    private ContainmentPlan Plan(string key) => ContainmentPlan.For(Assess(key), sample.Investigator.Investigate(key), EndOfEvidence);
}
