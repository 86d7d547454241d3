using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Background;

/// <summary>
/// Staging deployments from GitHub Actions through OIDC: <c>AssumeRoleWithWebIdentity</c> (caller type
/// WebIdentityUser) and the resulting role session, no long-term key at all.
/// </summary>
internal sealed class StagingCiActivity : IBackgroundActivity
{
    private const string Subject = "repo:northwind/orders-api:ref:refs/heads/main";

    private readonly RecordFactory _f;
    private readonly int _scale;
    private int _revision = 1280;

    public StagingCiActivity(long seed, int scale)
    {
        _f = new RecordFactory(DeterministicRandom.Create(seed, "staging-ci"));
        _scale = scale;
    }

    public void Generate(DateTimeOffset hourStart, IEventCollector collector)
    {
        var rate = ActivityRate.IsWeekend(hourStart) ? 0.03 : hourStart.Hour is >= 7 and < 19 ? 0.6 : 0.05;
        for (var i = 0; i < _scale; i++)
        {
            if (_f.Random.Chance(rate))
            {
                Run(hourStart.AddSeconds(_f.Random.Between(0, 3000)), collector);
            }
        }
    }

    private void Run(DateTimeOffset start, IEventCollector collector)
    {
        var ip = _f.Random.Pick(Cast.CiRunnerIps);
        var keyId = _f.SessionKeyId();
        var caller = new WebIdentityUserIdentity(Cast.GithubOidcProvider, "sts.amazonaws.com", Subject);
        var role = Cast.GithubDeployRole;
        var expiration = start.AddHours(1);
        collector.Add(_f.Call(start, caller, "sts", "AssumeRoleWithWebIdentity", Regions.EuWest1, ip, UserAgents.GithubActions, true,
            new JsonMap { { "roleArn", role.Arn }, { "roleSessionName", "GitHubActions" }, { "durationSeconds", 3600 } },
            new JsonMap
            {
                { "credentials", new JsonMap { { "accessKeyId", keyId }, { "sessionToken", _f.SessionToken() }, { "expiration", Timestamps.StsDate(expiration) } } },
                { "subjectFromWebIdentityToken", Subject },
                { "assumedRoleUser", new JsonMap { { "assumedRoleId", role.RoleId + ":GitHubActions" }, { "arn", $"arn:aws:sts::{role.AccountId}:assumed-role/{role.Name}/GitHubActions" } } },
                { "provider", Cast.GithubOidcProvider },
                { "audience", "sts.amazonaws.com" },
            },
            recipientAccount: Accounts.Staging,
            resources: [new JsonMap { { "accountId", role.AccountId }, { "type", "AWS::IAM::Role" }, { "ARN", role.Arn } }]));
        var session = new AssumedRoleIdentity(role, "GitHubActions", keyId, start, webIdFederationData: new JsonMap
        {
            { "federatedProvider", Cast.GithubOidcProvider },
            { "attributes", new JsonMap() },
        });
        DeploySteps.Deploy(_f, session, start.AddSeconds(2), Accounts.Staging, ip, UserAgents.CiCli, _revision++, collector);
    }
}
