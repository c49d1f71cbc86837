/* praktika: tables a reader can sort (table[data-sortable]: an outcome's results).
 * Each column header becomes a button; numbers («+33», «−9», «12,5») sort as numbers,
 * the rest as text in Russian order; aria-sort says which column and which way.
 * Without it the table keeps the server's order (the largest improvement first). */
(function () {
  "use strict";
  function value(cell) {
    var text = (cell ? cell.textContent : "").trim();
    var m = /^([+\u2212-]?)(\d+(?:[.,]\d+)?)/.exec(text);
    return m ? { number: (m[1] === "\u2212" || m[1] === "-" ? -1 : 1) * parseFloat(m[2].replace(",", ".")) } : { text: text.toLowerCase() };
  }
  function compare(a, b) {
    if (a.number != null && b.number != null) return a.number - b.number;
    if (a.number != null) return -1;
    if (b.number != null) return 1;
    return a.text.localeCompare(b.text, "ru");
  }
  function sortable(table) {
    var heads = table.tHead ? Array.from(table.tHead.rows[0].cells) : [];
    heads.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var descending = th.getAttribute("aria-sort") !== "descending";
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        Array.from(table.tBodies).forEach(function (body) {
          var rows = Array.from(body.rows).map(function (row, index) { return { row: row, index: index, key: value(row.cells[column]) }; });
          rows.sort(function (a, b) { return (descending ? -1 : 1) * compare(a.key, b.key) || a.index - b.index; });
          rows.forEach(function (r) { body.appendChild(r.row); });
        });
      });
    });
  }
  function start() { document.querySelectorAll("table[data-sortable]").forEach(sortable); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
