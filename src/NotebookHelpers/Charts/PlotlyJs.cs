using System.Text;

namespace NotebookHelpers.Charts;

/// <summary>
/// plotly.js 2.28.0, embedded in this library (taken at build time from the copy inside Plotly.NET 6.0.0, checked by
/// SHA-256), so charts draw with no network: on an air-gapped workstation, in an executed notebook opened offline, in
/// a report. Never loaded from a CDN.
/// </summary>
public static class PlotlyJs
{
    /// <summary>The plotly.js version; Plotly.NET 6.0.0 writes figures for it too.</summary>
    public const string Version = "2.28.0";

    /// <summary>How every loader element starts, so report writers can find loaders and keep one per page.</summary>
    public const string LoaderStart = "<script data-nbh-plotly=\"" + Version + "\">";

    /// <summary>
    /// The window event the loader raises once it has defined <c>window.Plotly</c>; charts written without the loader
    /// wait for it when they run before it (see <see cref="PlotlyHtml"/>).
    /// </summary>
    public const string ReadyEvent = "nbh-plotly-ready";

    private const string ResourceName = "NotebookHelpers.Charts.plotly-" + Version + ".min.js";
    private const string ScriptEnd = "</script>";

    private static readonly Lazy<string> LazySource = new(ReadSource);
    private static readonly Lazy<string> LazyLoader = new(() =>
        LoaderStart +
        // Defines window.Plotly once per page. With require.js on the page (classic Jupyter, nbconvert's HTML) an
        // unguarded plotly.js registers itself as an anonymous AMD module and window.Plotly never appears, so
        // `define` is hidden while it runs.
        "(function(){if(window.Plotly)return;var d=window.define;window.define=undefined;try{\n" +
        LazySource.Value +
        "\n}finally{window.define=d;}window.dispatchEvent(new Event('" + ReadyEvent + "'));})();" +
        ScriptEnd);

    /// <summary>plotly.min.js itself (about 3.6 MB).</summary>
    public static string Source => LazySource.Value;

    /// <summary>
    /// A <c>&lt;script&gt;</c> element that defines <c>window.Plotly</c> unless the page already has it. Put it before
    /// the first chart of a page, or into every output that must stand alone.
    /// </summary>
    public static string LoaderElement => LazyLoader.Value;

    /// <summary>
    /// Removes every loader element from <paramref name="html"/> (as written by <see cref="LoaderElement"/>), so a page
    /// made of several outputs can include plotly.js once at its top. Sets <paramref name="removed"/> when any was found.
    /// </summary>
    public static string RemoveLoaders(string html, out bool removed)
    {
        ArgumentNullException.ThrowIfNull(html);
        removed = false;
        var start = html.IndexOf(LoaderStart, StringComparison.Ordinal);
        if (start < 0)
        {
            return html;
        }

        var sb = new StringBuilder(html.Length);
        var position = 0;
        while (start >= 0)
        {
            // plotly.min.js never contains "</script", so the first one after the start closes the loader.
            var end = html.IndexOf(ScriptEnd, start + LoaderStart.Length, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                break;
            }

            sb.Append(html, position, start - position);
            position = end + ScriptEnd.Length;
            removed = true;
            start = html.IndexOf(LoaderStart, position, StringComparison.Ordinal);
        }

        sb.Append(html, position, html.Length - position);
        return sb.ToString();
    }

    private static string ReadSource()
    {
        using var stream = typeof(PlotlyJs).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The library was built without its embedded {ResourceName}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
