namespace NotebookHelpers.Detections;

/// <summary>Builds the Logs Insights text of the rules in one shape, so every query reads the same way.</summary>
internal static class RuleQuery
{
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
