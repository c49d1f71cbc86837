/* praktika: filters the materials table (materials/) by subject, kind of file and year.
 * Hooks: #materials-filters (shown when this runs), table.materials rows with
 * data-subjects ("a|b"), data-type and data-year; #materials-count. Without it, the whole table shows. */
(function () {
  "use strict";
  function start() {
    var form = document.getElementById("materials-filters"), rows = document.querySelectorAll("table.materials tbody tr");
    var count = document.getElementById("materials-count");
    if (!form || !rows.length) return;
    form.hidden = false;
    var total = count ? count.textContent : "";
    function update() {
      var subject = form.elements.subject.value, type = form.elements.type.value, year = form.elements.year.value, shown = 0;
      rows.forEach(function (row) {
        var match = (!subject || row.getAttribute("data-subjects").split("|").indexOf(subject) !== -1) &&
          (!type || row.getAttribute("data-type") === type) && (!year || row.getAttribute("data-year") === year);
        row.hidden = !match;
        if (match) shown++;
      });
      if (count) count.textContent = (form.getAttribute("data-count-label") || "Показано материалов") + ": " + shown + " / " + rows.length;
    }
    form.addEventListener("change", update);
    update();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
