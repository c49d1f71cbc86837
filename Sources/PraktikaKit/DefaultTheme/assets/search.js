// Site search with Pagefind's JavaScript API: results show the kind of page
// (practice, school, seminar…), the school and the summary. Pagefind loads
// its index in small pieces, so a search on a phone downloads little.
(function () {
  var box = document.getElementById("search");
  if (!box) return;
  var root = box.getAttribute("data-root") || "";
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  if (location.protocol === "file:") {
    document.getElementById("search-offline").hidden = false;
    document.getElementById("search-form").hidden = true;
    return;
  }
  var pagefind = null;
  function load() {
    if (!pagefind) pagefind = import(new URL(root + "pagefind/pagefind.js", location.href).href);
    return pagefind;
  }
  function text(tag, className, value) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = value;
    return element;
  }
  var current = 0;
  function run(term) {
    var ticket = ++current;
    if (!term.trim()) { list.innerHTML = ""; status.textContent = ""; return; }
    status.textContent = "Поиск…";
    load().then(function (api) { return api.debouncedSearch(term, {}, 250); }).then(function (search) {
      if (!search || ticket !== current) return null;
      return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); })).then(function (items) {
        if (ticket !== current) return;
        list.innerHTML = "";
        status.textContent = "Найдено: " + search.results.length;
        items.forEach(function (item) {
          var li = document.createElement("li");
          li.className = "search-result";
          var meta = item.meta || {};
          if (meta.kind) li.appendChild(text("p", "search-kind", meta.kind));
          var h = document.createElement("h2");
          h.className = "search-title";
          var a = text("a", "", meta.title || item.url);
          a.href = item.url;
          h.appendChild(a);
          li.appendChild(h);
          if (meta.school) li.appendChild(text("p", "search-school", meta.school));
          var summary = document.createElement("p");
          summary.className = "search-excerpt";
          if (meta.summary) { summary.textContent = meta.summary; } else { summary.innerHTML = item.excerpt; }
          li.appendChild(summary);
          list.appendChild(li);
        });
      });
    }).catch(function () {
      status.textContent = "Поиск недоступен: индекс поиска не собран.";
    });
  }
  input.addEventListener("input", function () {
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value);
  });
  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    run(input.value);
  });
  if (query) run(query);
})();
