namespace NotebookHelpers.Html;

/// <summary>
/// The few lines of JavaScript that sort a table when its header is clicked: numbers numerically, everything else in
/// natural order (so <c>i-9</c> sorts before <c>i-10</c>), empty cells last. It defines <c>window.nbhSortTable</c> once
/// per page and is inert when already present, so every table output can carry it and still stand alone. A click on a
/// cut cell (<c>td.nbh-cut</c>, see <see cref="ColumnLayout"/>) shows its full text in place; another click cuts it again.
/// </summary>
public static class SortableTableScript
{
    /// <summary>The script, without the <c>&lt;script&gt;</c> element.</summary>
    public const string Script =
        "(function(){if(window.nbhSortTable)return;" +
        "var collator=new Intl.Collator(undefined,{numeric:true,sensitivity:'base'});" +
        "function key(row,i){var c=row.cells[i];if(!c)return'';var s=c.getAttribute('data-sort');return s===null?c.textContent:s;}" +
        "function num(s){return s!==''&&isFinite(s)?Number(s):NaN;}" +
        "window.nbhSortTable=function(th){var table=th.closest('table');var body=table.tBodies[0];" +
        "var heads=th.parentNode.children;var i=Array.prototype.indexOf.call(heads,th);" +
        "var asc=th.getAttribute('aria-sort')!=='ascending';" +
        "for(var h=0;h<heads.length;h++){heads[h].removeAttribute('aria-sort');}" +
        "th.setAttribute('aria-sort',asc?'ascending':'descending');" +
        "var rows=Array.prototype.slice.call(body.rows);" +
        "rows.sort(function(a,b){var x=key(a,i),y=key(b,i);if(x===''||y==='')return x===y?0:(x===''?1:-1);" +
        "var nx=num(x),ny=num(y);var r=(!isNaN(nx)&&!isNaN(ny))?nx-ny:collator.compare(x,y);return asc?r:-r;});" +
        "for(var k=0;k<rows.length;k++){body.appendChild(rows[k]);}};" +
        "document.addEventListener('click',function(e){var td=e.target&&e.target.closest?e.target.closest('td.nbh-cut'):null;" +
        "if(td){td.classList.toggle('nbh-open');}});})();";

    /// <summary>The script in a <c>&lt;script&gt;</c> element.</summary>
    public const string ScriptElement = "<script>" + Script + "</script>";
}
