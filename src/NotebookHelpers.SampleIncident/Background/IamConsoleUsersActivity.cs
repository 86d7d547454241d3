using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Background;

/// <summary>
/// Production's two IAM console users, both with MFA: the platform lead in the mornings and the security engineer
/// in the afternoons, from the office or the VPN. Two deliberately tricky but benign moments: the platform lead
/// mistypes her password on Monday before signing in with MFA, and the security engineer signs in on Saturday from
/// a hotel address never seen before (with MFA, same browser, read-only).
/// </summary>
internal sealed class IamConsoleUsersActivity : IBackgroundActivity
{
    public static readonly DateTimeOffset FailedLogin = new(2025, 3, 10, 8, 41, 7, TimeSpan.Zero);
    public static readonly DateTimeOffset HotelLogin = new(2025, 3, 8, 10, 14, 22, TimeSpan.Zero);

    private readonly RecordFactory _f;
    private readonly int _scale;

    public IamConsoleUsersActivity(long seed, int scale)
    {
        _f = new RecordFactory(DeterministicRandom.Create(seed, "iam-console-users"));
        _scale = scale;
    }

    public void Generate(DateTimeOffset hourStart, IEventCollector collector)
    {
        if (hourStart == new DateTimeOffset(FailedLogin.Year, FailedLogin.Month, FailedLogin.Day, FailedLogin.Hour, 0, 0, TimeSpan.Zero))
        {
            collector.Add(ConsoleRecords.IamUserLogin(_f, FailedLogin, Accounts.Production, Cast.PlatformLead, Cast.PlatformLeadId,
                Cast.OfficeIp, UserAgents.ChromeMac, mfa: false, success: false));
            Session(FailedLogin.AddSeconds(45), Cast.PlatformLead, Cast.PlatformLeadId, Cast.OfficeIp, UserAgents.ChromeMac, 30, collector);
            return;
        }

        if (hourStart == new DateTimeOffset(HotelLogin.Year, HotelLogin.Month, HotelLogin.Day, HotelLogin.Hour, 0, 0, TimeSpan.Zero))
        {
            Session(HotelLogin, Cast.Defender, Cast.DefenderId, Cast.HotelIp, UserAgents.FirefoxLinux, 12, collector);
            return;
        }

        if (ActivityRate.IsWeekend(hourStart))
        {
            return;
        }

        for (var i = 0; i < _scale; i++)
        {
            if (hourStart.Hour is 8 or 9 && _f.Random.Chance(0.55))
            {
                Session(hourStart.AddSeconds(_f.Random.Between(0, 3000)), Cast.PlatformLead, Cast.PlatformLeadId,
                    _f.Random.Chance(0.8) ? Cast.OfficeIp : Cast.VpnIp, UserAgents.ChromeMac, _f.Random.Between(15, 45), collector);
            }

            if (hourStart.Hour is 13 or 14 && _f.Random.Chance(0.5))
            {
                Session(hourStart.AddSeconds(_f.Random.Between(0, 3000)), Cast.Defender, Cast.DefenderId,
                    _f.Random.Chance(0.7) ? Cast.OfficeIp : Cast.VpnIp, UserAgents.FirefoxLinux, _f.Random.Between(10, 35), collector);
            }
        }
    }

    private void Session(DateTimeOffset start, string user, string userId, string ip, string browser, int calls, IEventCollector collector)
    {
        collector.Add(ConsoleRecords.IamUserLogin(_f, start, Accounts.Production, user, userId, ip, browser, mfa: true));
        var session = new IamUserIdentity(Accounts.Production, user, userId, null).WithConsoleSession(_f.SessionKeyId(), start.AddSeconds(1), mfa: true);
        var last = ConsoleBrowsing.Browse(_f, session, start.AddSeconds(2), calls, ip, browser, collector);
        if (user == Cast.PlatformLead && _f.Random.Chance(0.3))
        {
            // Scaling the orders service by hand: a benign write.
            var desired = _f.Random.Between(3, 6);
            collector.Add(_f.Call(last.AddSeconds(_f.Random.Between(5, 60)), session, "ecs", "UpdateService", Regions.EuWest1, ip, browser, false,
                new JsonMap { { "cluster", "orders" }, { "service", "orders-api" }, { "desiredCount", desired } },
                new JsonMap { { "service", new JsonMap { { "serviceName", "orders-api" }, { "desiredCount", desired }, { "status", "ACTIVE" } } } },
                fromConsole: true));
        }
    }
}
