using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NotebookHelpers.Html;

namespace NotebookHelpers.Charts;

/// <summary>
/// Writes a figure as an HTML fragment: a <c>&lt;div&gt;</c> and a script that calls <c>Plotly.newPlot</c> with the
/// figure JSON, optionally preceded by the plotly.js loader. Used by the figure formatter, the report writer and the
/// notebook host's formatter for Plotly.NET charts.
/// </summary>
public static class PlotlyHtml
{
    /// <summary>Writes <paramref name="figure"/>.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="figure">The figure.</param>
    /// <param name="includePlotlyJs">Precede the chart with <see cref="PlotlyJs.LoaderElement"/> so the output stands alone.</param>
    public static void WriteFigure(TextWriter writer, PlotlyFigure figure, bool includePlotlyJs)
    {
        ArgumentNullException.ThrowIfNull(figure);
        WriteFigureJson(writer, figure.ToJson(), figure.Layout.Height, includePlotlyJs, figure.Summary);
    }

    /// <summary>
    /// Writes a chart from figure JSON that is already safe inside a script element (serialised by
    /// <see cref="PlotlyJson"/>, or re-serialised through it).
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="safeFigureJson">The figure: an object with <c>data</c>, and optionally <c>layout</c> and <c>config</c>.</param>
    /// <param name="height">Height of the chart in pixels.</param>
    /// <param name="includePlotlyJs">Precede the chart with the plotly.js loader.</param>
    /// <param name="summary">Text describing the chart, used as its accessible label.</param>
    public static void WriteFigureJson(TextWriter writer, string safeFigureJson, int height, bool includePlotlyJs, string? summary = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(safeFigureJson);
        if (includePlotlyJs)
        {
            writer.Write(PlotlyJs.LoaderElement);
        }

        var id = NewId(safeFigureJson);
        writer.Write("<div class=\"" + FigureClass + "\">");
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<div id=\"{id}\" style=\"width:100%;height:{height}px\" role=\"img\""));
        if (summary is not null)
        {
            writer.Write(" aria-label=\"");
            HtmlText.Write(writer, summary);
            writer.Write('"');
        }

        // What shows where the chart's script does not run: Jupyter runs no script of an untrusted notebook.
        writer.Write("><p class=\"nbh-chart-note\">");
        HtmlText.Write(writer, "Chart" + (summary is null ? "" : ": " + summary) + ". " + NoScriptNote);
        writer.Write("</p></div></div>");
        // The script finds its chart as the element just before it; the id is the fallback for front ends that
        // run output scripts detached from the page (document.currentScript is then null). A chart without the loader
        // waits for the page's first chart output, which carries it (PlotlyJsPerNotebook), to define window.Plotly.
        writer.Write("<script>(function(){var s=document.currentScript;var el=s&&s.previousElementSibling?s.previousElementSibling.firstElementChild:null;");
        writer.Write("if(!el||el.id!=='");
        writer.Write(id);
        writer.Write("')el=document.getElementById('");
        writer.Write(id);
        writer.Write("');var fig=");
        writer.Write(safeFigureJson);
        writer.Write(";function draw(){el.textContent='';window.Plotly.newPlot(el,fig.data,fig.layout||{},fig.config||{});}" +
                     "if(window.Plotly){draw();return;}" +
                     "el.firstChild.textContent='" + WaitingNote + "';" +
                     "window.addEventListener('" + PlotlyJs.ReadyEvent + "',draw,{once:true});})();</script>");
    }

    /// <summary>The class attribute of the element around every chart, so pages made of outputs can find charts.</summary>
    public const string FigureClass = "nbh nbh-figure";

    /// <summary>The text a chart shows when its script does not run.</summary>
    public const string NoScriptNote =
        "It is drawn by a script, which did not run here: Jupyter runs the scripts of a notebook only once it is trusted " +
        "(File > Trust Notebook, or jupyter trust NOTEBOOK.ipynb).";

    /// <summary>The text a chart without plotly.js shows until the output that carries plotly.js has run.</summary>
    public const string WaitingNote =
        "Waiting for plotly.js, which the first chart output of this notebook carries. If this stays, that output is " +
        "gone (its cell was edited and run again): run all cells again.";

    // Derived from the figure itself, so a re-run writes the same page whatever ran before in the process.
    private static string NewId(string json) =>
        "nbh-plot-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)), 0, 8);
}
