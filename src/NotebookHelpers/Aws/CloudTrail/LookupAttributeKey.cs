namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>What LookupEvents can filter on (one attribute per call), with the API's names.</summary>
public enum LookupAttributeKey
{
    /// <summary>The access key id that signed the request.</summary>
    AccessKeyId,

    /// <summary>The user or role name of the caller.</summary>
    Username,

    /// <summary>The API call (<c>RunInstances</c>).</summary>
    EventName,

    /// <summary>A resource the event names (<c>i-0abc…</c>, a bucket).</summary>
    ResourceName,

    /// <summary>The kind of resource (<c>AWS::EC2::Instance</c>).</summary>
    ResourceType,

    /// <summary>The service (<c>iam.amazonaws.com</c>).</summary>
    EventSource,

    /// <summary>One event's id.</summary>
    EventId,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    ReadOnly,
}
