namespace NotebookHelpers.Insights;

/// <summary>
/// The Logs Insights queries of the exposed-credentials investigation (the Well-Architected incident-response labs
/// the article points to), with the labs' defects fixed: users match exactly (<c>=</c>, not <c>like</c>, which also
/// matched every name containing the text); a key's creation is searched under both
/// <c>responseElements.accessKey.accessKeyId</c> (IAM CreateAccessKey) and
/// <c>responseElements.credentials.accessKeyId</c> (STS temporary credentials); values are bound as parameters,
/// never pasted into the text; and results come oldest first, so the story reads in order.
/// Every query runs offline and on CloudWatch Logs unchanged (<see cref="InsightsQuery.ToString"/> gives the text).
/// </summary>
public static class InvestigationQueries
{
    private const string ActivityFields = "@timestamp, awsRegion, eventSource, eventName, userIdentity.arn, sourceIPAddress, userAgent, errorCode";

    /// <summary>
    /// Whether a key appears in the evidence at all: the calls signed with it, the calls that name it (its creation by
    /// IAM or STS, its deactivation or deletion, a lookup of its owner) and any other event whose text holds it; how
    /// many it signed; the first and the last. The fields are compared decoded, so a record that escapes characters
    /// of the key still matches.
    /// </summary>
    public static InsightsQuery KeyAppearances(string accessKeyId) =>
        Parse("filter userIdentity.accessKeyId = $key or requestParameters.accessKeyId = $key or responseElements.accessKey.accessKeyId = $key " +
              "or responseElements.credentials.accessKeyId = $key or @message like $key " +
              "| stats count(*) as events, sum(userIdentity.accessKeyId = $key) as calls, min(@timestamp) as first, max(@timestamp) as last")
            .Bind("key", accessKeyId);

    /// <summary>The access keys that signed calls in the evidence, with their number of calls.</summary>
    public static InsightsQuery KeysUsed() =>
        Parse("filter ispresent(userIdentity.accessKeyId) | stats count(*) as calls by userIdentity.accessKeyId");

    /// <summary>Everything done with an access key (AKIA… or ASIA…).</summary>
    public static InsightsQuery ActivityByAccessKey(string accessKeyId) =>
        Parse($"filter userIdentity.accessKeyId = $key | fields {ActivityFields} | sort @timestamp asc").Bind("key", accessKeyId);

    /// <summary>Everything done from a source IP address.</summary>
    public static InsightsQuery ActivityByIp(string ipAddress) =>
        Parse($"filter sourceIPAddress = $ip | fields {ActivityFields}, userIdentity.accessKeyId | sort @timestamp asc").Bind("ip", ipAddress);

    /// <summary>Everything done by an IAM user, matched exactly.</summary>
    public static InsightsQuery ActivityByUser(string userName) =>
        Parse($"filter userIdentity.userName = $user | fields {ActivityFields}, userIdentity.accessKeyId, errorMessage | sort @timestamp asc").Bind("user", userName);

    /// <summary>Everything done through sessions of an IAM role, matched exactly on the role name.</summary>
    public static InsightsQuery ActivityByRole(string roleName) =>
        Parse($"filter userIdentity.sessionContext.sessionIssuer.userName = $role | fields {ActivityFields}, userIdentity.accessKeyId | sort @timestamp asc").Bind("role", roleName);

    /// <summary>Calls refused for lack of permission (AccessDenied, Client.UnauthorizedOperation, Forbidden…).</summary>
    public static InsightsQuery AccessDenied() =>
        Parse($"filter errorCode like /Unauthorized|Denied|Forbidden/ | fields {ActivityFields}, errorMessage | sort @timestamp asc");

    /// <summary>
    /// The event that created or issued an access key: IAM <c>CreateAccessKey</c> (<c>responseElements.accessKey.accessKeyId</c>)
    /// or STS credentials (<c>responseElements.credentials.accessKeyId</c>, from AssumeRole, GetSessionToken, GetFederationToken…).
    /// </summary>
    public static InsightsQuery KeyCreation(string accessKeyId) =>
        Parse("filter responseElements.accessKey.accessKeyId = $key or responseElements.credentials.accessKeyId = $key " +
              "| fields @timestamp, eventSource, eventName, userIdentity.arn, userIdentity.accessKeyId, requestParameters.userName, sourceIPAddress, userAgent " +
              "| sort @timestamp asc").Bind("key", accessKeyId);

    /// <summary>Every IAM access key created, with who created it for whom.</summary>
    public static InsightsQuery AccessKeysCreated() =>
        Parse("filter eventSource = \"iam.amazonaws.com\" and eventName = \"CreateAccessKey\" " +
              "| fields @timestamp, userIdentity.arn, userIdentity.accessKeyId, requestParameters.userName, responseElements.accessKey.accessKeyId, sourceIPAddress, userAgent, errorCode " +
              "| sort @timestamp asc");

    /// <summary>IAM users and roles created (a persistence step).</summary>
    public static InsightsQuery UsersAndRolesCreated() =>
        Parse("filter eventSource = \"iam.amazonaws.com\" and eventName in [\"CreateUser\", \"CreateRole\"] " +
              "| fields @timestamp, eventName, requestParameters.userName, requestParameters.roleName, responseElements.user.arn, responseElements.role.arn, userIdentity.arn, sourceIPAddress, errorCode " +
              "| sort @timestamp asc");

    /// <summary>S3 ListBuckets calls: the reconnaissance a stolen key usually starts with.</summary>
    public static InsightsQuery ListBucketsRecon() =>
        Parse($"filter eventName = \"ListBuckets\" | fields {ActivityFields}, userIdentity.accessKeyId | sort @timestamp asc");

    /// <summary>What an access key did, counted by service, action and outcome.</summary>
    public static InsightsQuery ActionsByAccessKey(string accessKeyId) =>
        Parse("filter userIdentity.accessKeyId = $key | stats count(*) as calls, min(@timestamp) as first, max(@timestamp) as last by eventSource, eventName, errorCode " +
              "| sort calls desc").Bind("key", accessKeyId);

    /// <summary>The catalogue: name, what it answers, and the query (parameters shown as <c>$name</c>).</summary>
    public static IReadOnlyList<(string Name, string Question, InsightsQuery Query)> All { get; } =
    [
        ("activity-by-access-key", "What did this access key do?", Parse($"filter userIdentity.accessKeyId = $key | fields {ActivityFields} | sort @timestamp asc")),
        ("activity-by-ip", "What was done from this IP address?", Parse($"filter sourceIPAddress = $ip | fields {ActivityFields}, userIdentity.accessKeyId | sort @timestamp asc")),
        ("activity-by-user", "What did this IAM user do?", Parse($"filter userIdentity.userName = $user | fields {ActivityFields}, userIdentity.accessKeyId, errorMessage | sort @timestamp asc")),
        ("access-denied", "Which calls were refused?", AccessDenied()),
        ("key-creation", "Which event created or issued this key?", Parse("filter responseElements.accessKey.accessKeyId = $key or responseElements.credentials.accessKeyId = $key | fields @timestamp, eventSource, eventName, userIdentity.arn, sourceIPAddress | sort @timestamp asc")),
        ("access-keys-created", "Which IAM access keys were created?", AccessKeysCreated()),
        ("users-and-roles-created", "Which IAM users and roles were created?", UsersAndRolesCreated()),
        ("list-buckets-recon", "Who listed the S3 buckets?", ListBucketsRecon()),
    ];

    private static InsightsQuery Parse(string text) => InsightsQuery.Parse(text);
}
