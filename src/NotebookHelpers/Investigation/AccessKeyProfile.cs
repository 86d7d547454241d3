using NotebookHelpers.Detections;
using NotebookHelpers.Display;

namespace NotebookHelpers.Investigation;

/// <summary>
/// Everything the evidence says about one access key: whose it is, when and where it was used, from which
/// addresses and tools, what it called and with what success, console sign-ins of its user, and how its activity
/// changed after containment (found automatically: key deactivation, deny-all policy, AWS quarantine).
/// Build it with <see cref="AccessKeyProfiler"/>. Displays itself as HTML and as text.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class AccessKeyProfile : NotebookHelpers.Html.IHtmlRenderable
{
    internal AccessKeyProfile(string accessKeyId)
    {
        AccessKeyId = accessKeyId;
        Kind = CloudTrailFacts.KeyKind(accessKeyId);
    }

    /// <summary>The key.</summary>
    public string AccessKeyId { get; }

    /// <summary>Long-term (AKIA) or temporary (ASIA).</summary>
    public AccessKeyKind Kind { get; }

    /// <summary>Whose key it is; null when the key never appears in the evidence.</summary>
    public KeyOwner? Owner { get; internal set; }

    /// <summary>The event that created (CreateAccessKey) or issued (AssumeRole, GetSessionToken…) the key, when in the evidence.</summary>
    public EvidenceEvent? CreatedBy { get; internal set; }

    /// <summary>All of the key's activity.</summary>
    public ActivityCounts Activity { get; internal set; } = ActivityCounts.Empty;

    /// <summary>Activity before the first containment (all of it when there was none).</summary>
    public ActivityCounts BeforeContainment { get; internal set; } = ActivityCounts.Empty;

    /// <summary>Activity after the first containment (empty when there was none).</summary>
    public ActivityCounts AfterContainment { get; internal set; } = ActivityCounts.Empty;

    /// <summary>Containment actions that apply to the key or its owner, in time order.</summary>
    public IReadOnlyList<ContainmentAction> Containment { get; internal set; } = [];

    /// <summary>Time of the first containment action, or null.</summary>
    public DateTimeOffset? ContainedAt => Containment.Count == 0 ? null : Containment[0].Time;

    /// <summary>Regions used, in order of first use.</summary>
    public IReadOnlyList<UsageCount> Regions { get; internal set; } = [];

    /// <summary>Source IP addresses (or AWS service names), in order of first use.</summary>
    public IReadOnlyList<UsageCount> SourceIPs { get; internal set; } = [];

    /// <summary>User agents, in order of first use.</summary>
    public IReadOnlyList<UsageCount> UserAgents { get; internal set; } = [];

    /// <summary>Services (event sources), most used first.</summary>
    public IReadOnlyList<UsageCount> Services { get; internal set; } = [];

    /// <summary>API calls (event names), most used first.</summary>
    public IReadOnlyList<UsageCount> EventNames { get; internal set; } = [];

    /// <summary>Error codes returned to the key, most frequent first.</summary>
    public IReadOnlyList<UsageCount> ErrorCodes { get; internal set; } = [];

    /// <summary>Console sign-ins (successful or not) of the key's IAM user, in time order.</summary>
    public IReadOnlyList<EvidenceEvent> ConsoleLogins { get; internal set; } = [];

    /// <summary>An HTML rendering; every value from the logs is encoded.</summary>
    public string ToHtml() => AccessKeyProfileRendering.ToHtml(this);

    /// <summary>A text rendering for terminals.</summary>
    public override string ToString() => AccessKeyProfileRendering.ToText(this);

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => NotebookHelpers.Html.HtmlStyles.WriteStyledBlock(writer, ToHtml());

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToString());
    }
}
