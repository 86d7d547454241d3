using System.Text;
using NotebookHelpers.Detections;
using NotebookHelpers.Display;
using NotebookHelpers.Investigation.Rendering;

namespace NotebookHelpers.Investigation;

/// <summary>
/// The investigation of one access key: its profile, its blast radius, and the findings about anything in that
/// blast radius (the key, the keys and sessions it spawned, the users it created). Displays itself as HTML and text.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class KeyInvestigation : NotebookHelpers.Html.IHtmlRenderable
{
    internal KeyInvestigation(AccessKeyProfile profile, BlastRadiusGraph blastRadius, IReadOnlyList<Finding> findings, string? reason)
    {
        Profile = profile;
        BlastRadius = blastRadius;
        Findings = findings;
        Reason = reason;
    }

    /// <summary>The investigated key.</summary>
    public string AccessKeyId => Profile.AccessKeyId;

    /// <summary>Why this key was picked, when it was suggested rather than asked for.</summary>
    public string? Reason { get; }

    /// <summary>What the key did.</summary>
    public AccessKeyProfile Profile { get; }

    /// <summary>What the key spawned, recursively.</summary>
    public BlastRadiusGraph BlastRadius { get; }

    /// <summary>Findings about the key and everything in its blast radius, in detection order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>HTML: profile, blast-radius tree, findings table.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder("<div class=\"nbh-investigation\">");
        if (Reason is not null)
        {
            sb.Append("<p><i>Picked because: ").Append(HtmlText.Encode(Reason)).Append("</i></p>");
        }

        sb.Append(Profile.ToHtml()).Append("<h3>Blast radius</h3>").Append(BlastRadius.ToHtml())
            .Append("<h3>Findings</h3>").Append(FindingsRendering.FindingsTable(Findings)).Append("</div>");
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Reason is not null)
        {
            sb.Append("Picked because: ").Append(TextTable.Clean(Reason)).Append("\n\n");
        }

        sb.Append(Profile).Append("\nBlast radius\n").Append(BlastRadius).Append("\nFindings (").Append(Findings.Count).Append(")\n")
            .Append(FindingsRendering.ToText(Findings));
        return sb.ToString();
    }

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => NotebookHelpers.Html.HtmlStyles.WriteStyledBlock(writer, ToHtml());

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToString());
    }
}
