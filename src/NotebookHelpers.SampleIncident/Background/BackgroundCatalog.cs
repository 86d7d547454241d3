namespace NotebookHelpers.SampleIncident.Background;

/// <summary>Every background activity of the recording.</summary>
internal static class BackgroundCatalog
{
    public static IReadOnlyList<IBackgroundActivity> Create(long seed, int scale) =>
    [
        new SsmAgentActivity(seed, scale),
        new OrdersApiActivity(seed, scale),
        new NightlyExportActivity(seed, scale),
        new ReportingJobActivity(seed, scale),
        new GrafanaActivity(seed, scale),
        new AwsConfigActivity(seed, scale),
        new TrailToCloudWatchActivity(seed, scale),
        new IamConsoleUsersActivity(seed, scale),
        new SsoUsersActivity(seed, scale),
        new ProductionCiActivity(seed, scale),
        new StagingCiActivity(seed, scale),
    ];
}
