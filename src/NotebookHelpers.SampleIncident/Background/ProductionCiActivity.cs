using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Background;

/// <summary>
/// Production deployments by the legacy CI user <c>ci-deployer</c> (a long-term key kept in the CI system) from
/// the self-hosted production runner's single egress address, a few times per working day. One deployment on Monday hits an AccessDenied on
/// <c>ecs:TagResource</c>, a benign misconfiguration.
/// </summary>
internal sealed class ProductionCiActivity : IBackgroundActivity
{
    public static readonly DateTimeOffset TagDeniedHour = new(2025, 3, 10, 14, 0, 0, TimeSpan.Zero);

    private readonly RecordFactory _f;
    private readonly int _scale;
    private int _revision = 412;

    public ProductionCiActivity(long seed, int scale)
    {
        _f = new RecordFactory(DeterministicRandom.Create(seed, "production-ci"));
        _scale = scale;
    }

    public static IamUserIdentity Identity { get; } = new(Accounts.Production, Cast.CiUser, Cast.CiUserId, Cast.CiAccessKeyId);

    public void Generate(DateTimeOffset hourStart, IEventCollector collector)
    {
        var forced = hourStart == TagDeniedHour;
        if (!forced && (ActivityRate.IsWeekend(hourStart) || hourStart.Hour is < 8 or >= 17))
        {
            return;
        }

        for (var i = 0; i < _scale; i++)
        {
            if (forced && i == 0 || _f.Random.Chance(0.35))
            {
                DeploySteps.Deploy(_f, Identity, hourStart.AddSeconds(_f.Random.Between(0, 3000)), Accounts.Production, Cast.ProductionRunnerIp,
                    UserAgents.CiCli, _revision++, collector, tagDenied: forced && i == 0);
            }
        }
    }
}
