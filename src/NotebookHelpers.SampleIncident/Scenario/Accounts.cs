namespace NotebookHelpers.SampleIncident.Scenario;

/// <summary>The fictional organization "Northwind" and its four accounts; one organization trail records them all.</summary>
internal static class Accounts
{
    public const string OrganizationId = "o-7pq2xk4m9d";

    /// <summary>Management account: owns the organization trail, its bucket and its CloudWatch Logs group.</summary>
    public const string Management = "318204759611";

    /// <summary>Production: the account whose IAM user key leaks.</summary>
    public const string Production = "739154086213";

    /// <summary>Analytics: data lake; the attacker reaches it through a cross-account role.</summary>
    public const string Analytics = "562048731905";

    public const string Staging = "307816459282";

    public static readonly IReadOnlyList<string> All = [Management, Production, Analytics, Staging];

    public static string NameOf(string accountId) => accountId switch
    {
        Management => "northwind-management",
        Production => "northwind-prod",
        Analytics => "northwind-analytics",
        Staging => "northwind-staging",
        _ => accountId,
    };

    public const string TrailName = "org-trail";

    public const string TrailHomeRegion = "us-east-1";

    public const string TrailArn = "arn:aws:cloudtrail:us-east-1:318204759611:trail/org-trail";

    public const string TrailBucket = "northwind-org-cloudtrail-318204759611";

    public const string TrailLogGroup = "aws-cloudtrail-logs-o-7pq2xk4m9d";

    /// <summary>The only bucket whose object-level (data) events the trail records.</summary>
    public const string SensitiveBucket = "nw-prod-customer-exports";

    public const string SensitiveBucketRegion = "eu-west-1";
}
