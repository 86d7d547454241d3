namespace NotebookHelpers.Html;

/// <summary>
/// The CSS of every library output (tables, figures, progress, findings), scoped under <c>.nbh</c> classes so it
/// cannot restyle the host page. Each notebook output carries it so the output stands alone; reports include it once.
/// </summary>
public static class HtmlStyles
{
    /// <summary>The style sheet, without the <c>&lt;style&gt;</c> element.</summary>
    public const string Css =
        ".nbh{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:13px;color:#1f2328;}" +
        ".nbh-caption{margin:4px 0;color:#57606a;font-size:12px;}" +
        ".nbh-warning{margin:4px 0;padding:4px 8px;border-left:3px solid #d4a72c;background:#fff8c5;}" +
        ".nbh-table-wrap{max-height:480px;overflow:auto;border:1px solid #d0d7de;border-radius:4px;}" +
        ".nbh-table{border-collapse:collapse;font-size:12px;width:max-content;min-width:100%;}" +
        // Two classes deep so Jupyter's own ".rendered_html td" (right-aligned) does not win.
        ".nbh .nbh-table th{position:sticky;top:0;background:#f6f8fa;cursor:pointer;user-select:none;text-align:left;" +
        "padding:4px 8px;border-bottom:1px solid #d0d7de;white-space:nowrap;}" +
        ".nbh-table th[aria-sort=ascending]::after{content:' \\25B2';}" +
        ".nbh-table th[aria-sort=descending]::after{content:' \\25BC';}" +
        ".nbh .nbh-table td{text-align:left;padding:3px 8px;border-bottom:1px solid #eaeef2;vertical-align:top;white-space:pre-wrap;" +
        "word-break:break-word;max-width:480px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;}" +
        ".nbh-table tr:hover td{background:#f6f8fa;}" +
        // A fitted table (ColumnLayout) takes its box's width, its columns the widths of its colgroup; long values
        // are cut with an ellipsis (full text in the title, in place on a click) and prose wraps.
        ".nbh .nbh-table.nbh-fit{table-layout:fixed;width:100%;min-width:0;}" +
        ".nbh .nbh-fit th{overflow:hidden;text-overflow:ellipsis;}" +
        ".nbh .nbh-fit td{max-width:none;overflow-wrap:anywhere;}" +
        ".nbh .nbh-table td.nbh-cut{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;cursor:zoom-in;}" +
        ".nbh .nbh-table td.nbh-cut.nbh-open{white-space:pre-wrap;overflow:visible;word-break:break-all;cursor:zoom-out;}" +
        ".nbh .nbh-table td.nbh-wrap{white-space:pre-line;word-break:normal;font-family:inherit;}" +
        ".nbh-sev{display:inline-block;padding:0 6px;border-radius:8px;font-size:11px;font-weight:600;color:#fff;white-space:nowrap;}" +
        ".nbh-sev-critical{background:#8b0000;}.nbh-sev-high{background:#cf222e;}.nbh-sev-medium{background:#bf8700;}.nbh-sev-low{background:#0969da;}.nbh-sev-info{background:#6e7781;}" +
        // Ids (rule ids, keys, event ids) and times stay whole: a column too narrow for one lets it overflow rather than
        // break it into "F/0/0/1".
        ".nbh .nbh-table code,.nbh .nbh-table td.nbh-time{white-space:nowrap;}" +
        ".nbh .nbh-findings-table td{white-space:normal;}.nbh .nbh-findings-table details{margin-top:2px;}" +
        ".nbh-rule{margin:10px 0;padding:6px 10px;border-left:3px solid #d0d7de;}.nbh-rule h4{margin:0 0 4px;font-size:13px;}" +
        ".nbh-rule dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;}.nbh-rule dt{color:#57606a;}.nbh-rule dd{margin:0;}" +
        ".nbh-rule pre{margin:0;white-space:pre-wrap;font-size:12px;}" +
        ".nbh-none{margin:2px 0 6px;color:#57606a;font-style:italic;}" +
        ".nbh-table td.nbh-absent{color:#8c959f;}" +
        ".nbh-progress{display:flex;align-items:center;gap:8px;}" +
        ".nbh-progress-bar{width:240px;height:8px;background:#eaeef2;border-radius:4px;overflow:hidden;}" +
        ".nbh-progress-fill{height:100%;background:#0969da;}" +
        ".nbh-figure{width:100%;}";

    /// <summary>The style sheet in a <c>&lt;style&gt;</c> element.</summary>
    public const string StyleElement = "<style>" + Css + "</style>";

    /// <summary>
    /// Writes <paramref name="html"/> (already encoded) inside an <c>nbh</c> block that carries the style sheet, so a
    /// notebook output or report fragment stands alone.
    /// </summary>
    public static void WriteStyledBlock(TextWriter writer, string html)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("<div class=\"nbh\">");
        writer.Write(StyleElement);
        writer.Write(html);
        writer.Write("</div>");
    }
}
