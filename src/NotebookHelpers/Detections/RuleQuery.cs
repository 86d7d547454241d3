namespace NotebookHelpers.Detections;

/// <summary>Builds the Logs Insights text of the rules in one shape, so every query reads the same way.</summary>
internal static class RuleQuery
{
    /// <summary>The call succeeded: no <c>errorCode</c>, or an empty one (a few exports write <c>""</c>).</summary>
    public const string Succeeded = "isempty(errorCode)";

    /// <summary>The call failed: it has a non-empty <c>errorCode</c>.</summary>
    public const string Failed = "not isempty(errorCode)";

    /// <summary>
    /// An authorisation failure: an <c>errorCode</c> with Denied, Unauthorized, Forbidden or NotAuthorized in any case
    /// (AccessDenied, Client.UnauthorizedOperation, …).
    /// </summary>
    public const string AccessDenied = "errorCode like /(?i)Denied|Unauthorized|Forbidden|NotAuthorized/";

    /// <summary>
    /// <c>sourceIPAddress</c> is no client address: blank, "AWS Internal" or a service host name (anything with a letter
    /// and no colon, which IPv6 addresses have).
    /// </summary>
    public const string AwsSource = "(isblank(sourceIPAddress) or (sourceIPAddress like /[A-Za-z]/ and sourceIPAddress not like /:/))";

    /// <summary>
    /// The call was made by AWS, not by a client: a service event, an AWS service principal, a call a service made on
    /// the principal's behalf (<c>invokedBy</c>), or a <c>sourceIPAddress</c> that is no client address (<see cref="AwsSource"/>).
    /// </summary>
    public const string MadeByAws = "(eventType = \"AwsServiceEvent\" or userIdentity.type = \"AWSService\" or ispresent(userIdentity.invokedBy) or " + AwsSource + ")";

    /// <summary>
    /// A console session: the <c>sessionCredentialFromConsole</c> flag, or a user agent of the console (aws-internal,
    /// ConsoleFrontend, S3Console, console host names, the sign-in service, a browser).
    /// </summary>
    public const string ConsoleSession = "(sessionCredentialFromConsole = \"true\" or userAgent like /(?i)aws-internal\\/|^aws-internal|console\\.amazonaws\\.com|^console\\.|console\\.aws\\.amazon\\.com|^signin\\.amazonaws\\.com$/ or userAgent like /ConsoleFrontend|S3Console|^Mozilla\\//)";

    /// <summary>The complement of <see cref="MadeByAws"/>.</summary>
    public const string NotMadeByAws = "not " + MadeByAws;

    private const string CommonFields = "@timestamp, eventID, eventSource, eventName, errorCode, userIdentity.arn, userIdentity.accessKeyId, sourceIPAddress, awsRegion";

    /// <summary><c>fields … | filter FILTER | sort @timestamp asc</c>, with <paramref name="extraFields"/> after the common ones.</summary>
    public static string Select(string filter, params string[] extraFields)
    {
        var fields = extraFields.Length == 0 ? CommonFields : CommonFields + ", " + string.Join(", ", extraFields);
        return $"fields {fields}\n| filter {filter}\n| sort @timestamp asc";
    }

    /// <summary>A quoted list for <c>in [...]</c>.</summary>
    public static string List(params string[] values) => "[" + string.Join(", ", values.Select(v => "\"" + v + "\"")) + "]";
}
