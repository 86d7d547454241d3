namespace NotebookHelpers.Notebooks.Reports;

/// <summary>The report's own style sheet (the library's component styles are added next to it).</summary>
internal static class ReportStyles
{
    public const string Css =
        ":root{--fg:#1f2328;--muted:#57606a;--border:#d0d7de;--bg-code:#f6f8fa;--accent:#0969da;--bad:#cf222e;--bad-bg:#ffebe9;--ok:#1a7f37;}" +
        "*{box-sizing:border-box;}" +
        "body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--fg);line-height:1.5;background:#fff;}" +
        // Outputs (tables, charts) take the width of a 1,400 px window; prose keeps lines short enough to read.
        "main,header.report,footer.report{max-width:1400px;margin:0 auto;padding:0 24px;}" +
        ".markdown{max-width:1000px;}" +
        "header.report{padding-top:24px;border-bottom:1px solid var(--border);padding-bottom:12px;}" +
        "header.report h1{margin:0 0 4px;font-size:26px;}" +
        ".meta{color:var(--muted);font-size:13px;}" +
        ".badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;}" +
        ".badge.ok{background:var(--ok);}.badge.failed{background:var(--bad);}" +
        "table.params{border-collapse:collapse;margin:12px 0;font-size:13px;}" +
        "table.params th,table.params td{border:1px solid var(--border);padding:3px 10px;text-align:left;vertical-align:top;}" +
        "table.params th{background:var(--bg-code);}" +
        "table.params td.value{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all;}" +
        ".failures{margin:12px 0;padding:8px 12px;border:1px solid var(--bad);background:var(--bad-bg);border-radius:6px;}" +
        ".failures a{color:var(--bad);font-weight:600;}" +
        ".warnings{margin:12px 0;padding:8px 12px;border-left:4px solid #d4a72c;background:#fff8c5;font-size:13px;}" +
        "section.cell{margin:18px 0;}" +
        ".markdown h1{font-size:24px;}.markdown h2{font-size:20px;border-bottom:1px solid var(--border);padding-bottom:4px;}" +
        ".markdown table{border-collapse:collapse;}.markdown th,.markdown td{border:1px solid var(--border);padding:3px 8px;}" +
        ".markdown code{background:var(--bg-code);padding:1px 4px;border-radius:4px;font-size:90%;}" +
        ".markdown blockquote{margin:0;padding:0 12px;border-left:4px solid var(--border);color:var(--muted);}" +
        ".input{display:flex;gap:8px;}" +
        ".prompt{flex:0 0 64px;color:var(--muted);font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding-top:9px;text-align:right;}" +
        ".input pre{flex:1;margin:0;background:var(--bg-code);border:1px solid var(--border);border-radius:6px;padding:8px 12px;overflow:auto;font-size:12.5px;}" +
        ".cell-label{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin-left:72px;}" +
        ".outputs{margin-left:72px;margin-top:6px;overflow-x:auto;}" +
        ".output{margin:4px 0;}" +
        "pre.stream{margin:0;padding:6px 10px;font-size:12.5px;background:#fff;border-left:3px solid var(--border);white-space:pre-wrap;}" +
        "pre.stream.stderr{border-left-color:#d4a72c;background:#fffbe6;}" +
        "pre.plain{margin:0;font-size:12.5px;white-space:pre-wrap;}" +
        ".error{border:1px solid var(--bad);background:var(--bad-bg);border-radius:6px;padding:8px 12px;}" +
        ".error-title{color:var(--bad);font-weight:600;}" +
        ".error pre{margin:6px 0 0;white-space:pre-wrap;font-size:12px;}" +
        "section.failed .input pre{border-color:var(--bad);}" +
        "section.not-run{opacity:.55;}" +
        "pre.raw{background:var(--bg-code);padding:8px;}" +
        "code .keyword{color:#cf222e;}code .string{color:#0a3069;}code .comment{color:#6e7781;font-style:italic;}" +
        "code .number{color:#0550ae;}code .directive{color:#8250df;}" +
        "footer.report{margin-top:32px;padding-top:12px;padding-bottom:24px;border-top:1px solid var(--border);color:var(--muted);font-size:12px;}";
}
