// The search page. Each searched word goes to Pagefind on its own, once per
// kind of page, so that pages are ranked by how many of the query's words
// they contain (then by Pagefind's score), a problem-style query still finds
// the pages that lack one of its words, and the kind is a filter with counts.
// A result shows the passage where its words are closest together, its kind,
// school and year. Where Pagefind's index cannot load (a copy opened from
// disk, `praktika serve`), a clearly labelled search over the catalog index
// (titles, summaries, schools, terms of practices) takes its place.
// The query lives in the URL: search/?q=…&kind=….
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || !window.praktikaSearchWords) return;
  var W = window.praktikaSearchWords;
  var root = box.getAttribute("data-root") || "", offlineLinks = box.getAttribute("data-offline") === "1";
  var input = document.getElementById("search-q"), status = document.getElementById("search-status");
  var notes = document.getElementById("search-notes"), kindBar = document.getElementById("search-kinds");
  var list = document.getElementById("search-results"), moreBox = document.getElementById("search-more");
  var localNote = document.getElementById("search-local");
  var KINDS = [["practice", "Практики"], ["school", "Школы"], ["network", "Сети"], ["program", "Программы"], ["seminar", "Семинары"],
    ["person", "Сопровождение"], ["register", "Реестры"]];
  // Ten at a time: each shown result fetches its own fragment, and a phone pays per request.
  var PAGE = 10, PASSAGE = 28;
  // Practices are what teachers come for: other pages need a clearly better match to come first.
  var KIND_WEIGHT = { practice: 1, school: 0.8, network: 0.6, program: 0.6, seminar: 0.6, person: 0.6, register: 0.5 };
  var params = new URLSearchParams(location.search);
  var kind = params.get("kind") || "";
  input.value = params.get("q") || "";

  function el(tag, className, text, parent) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  function quoted(words) { return words.map(function (w) { return "«" + w + "»"; }).join(", "); }
  function plural(n, one, few, many) {
    var m10 = n % 10, m100 = n % 100;
    return m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
  }
  function pageHref(path) { return root + path + (offlineLinks && /\/$/.test(path) ? "index.html" : ""); }

  // Scripts, not fetch: they load from file:// too.
  var scripts = {};
  function script(path) {
    if (!scripts[path]) scripts[path] = new Promise(function (resolve) {
      var tag = document.createElement("script");
      tag.src = root + path;
      tag.onload = tag.onerror = function () { resolve(); };
      document.head.appendChild(tag);
    });
    return scripts[path];
  }
  function catalog() { return script("practices/catalog-index.js").then(function () { return window.praktikaCatalog || null; }); }
  function summaries() { return script("practices/catalog-summaries.js").then(function () { return window.praktikaSummaries || []; }); }

  // A large site's index is split into bundles (pagefind/, pagefind/shard-1/…),
  // merged here, each tagged with a filter Pagefind adds in the browser (nothing
  // to download) so that its pages can be told apart; their result URLs are the
  // site's, under its own sub-path.
  var bundles = Math.max(1, parseInt(box.getAttribute("data-bundles"), 10) || 1);
  function inBundle(b) { return bundles > 1 ? { bundle: String(b) } : {}; }
  function each(n, f) { var out = []; for (var i = 0; i < n; i++) out.push(f(i)); return out; }
  function sum(list) { return list.reduce(function (a, b) { return a + b; }, 0); }
  // Each bundle's number of pages, from the build.
  var bundlePages = (box.getAttribute("data-bundle-pages") || "").split(" ").map(Number);
  // A build that kept bundles whose pages changed a little indexed those
  // pages alone into a recent-edits bundle (pagefind/delta/), merged last; the
  // kept bundles' results for them, and for pages gone since, are superseded
  // (fragment ids by bundle). The word lists carry the note.
  var superseded = {}, sitePages = sum(bundlePages);
  function recentEdits() {
    var note = window.praktikaRecentEdits;
    if (!note) return false;
    Object.keys(note.superseded || {}).forEach(function (b) { superseded[b] = new Set(note.superseded[b]); });
    bundlePages = note.pages;
    sitePages = sum(bundlePages) - sum(Object.keys(superseded).map(function (b) { return superseded[b].size; }));
    if (note.delta >= 0) bundles = note.delta + 1;
    return note.delta >= 0;
  }
  var pagefind = null;
  function loadPagefind() {
    if (location.protocol === "file:") return Promise.reject(new Error("file"));
    if (!pagefind) pagefind = import(new URL(root + "pagefind/pagefind.js", location.href).href).then(function (api) {
      var site = new URL(root || "./", location.href).pathname, shards = bundles, delta = recentEdits();
      function merge(folder, b) {
        // A bundle no page went to is not written: passed over.
        return api.mergeIndex(new URL(root + folder, location.href).href, { baseUrl: site, mergeFilter: inBundle(b) }).catch(function () {});
      }
      var merges = [bundles > 1 ? api.options({ mergeFilter: inBundle(0) }) : null].concat(each(shards - 1, function (i) {
        return merge("pagefind/shard-" + (i + 1) + "/", i + 1);
      }), delta ? [merge("pagefind/delta/", shards)] : []);
      return Promise.all(merges).then(function () { return api; });
    });
    return pagefind;
  }

  // The kind of a page its theme marks with no kind filter: the default theme
  // leaves practices, most of the pages, unmarked, which spares each bundle's
  // filter file their page numbers (a phone downloads one per bundle).
  var UNMARKED = box.getAttribute("data-unmarked-kind") || "";

  // How rare a word is among `pages` of which `containing` have it (BM25's idf,
  // as Pagefind scores it).
  function rarity(pages, containing) { return Math.log((pages - containing + 0.5) / (containing + 0.5) + 1); }

  // Pagefind: each word on its own, once per marked kind (which pages are of
  // that kind) and once per bundle (every page with the word), merged by page.
  function gather(api, words) {
    var jobs = [];
    KINDS.filter(function (k) { return k[0] !== UNMARKED; }).forEach(function (k) {
      words.forEach(function (word) {
        jobs.push(api.search(word, { filters: { kind: k[0] } }).then(function (found) { return { kind: k[0], word: word, found: found }; }));
      });
    });
    each(bundles, function (b) {
      words.forEach(function (word) {
        if (bundles > 1 && !W.holds(word, b)) return;
        jobs.push(api.search(word, { filters: inBundle(b) }).then(function (found) { return { bundle: b, word: word, found: found }; }));
      });
    });
    return Promise.all(jobs).then(function (answers) {
      function found(a) { return a.found ? a.found.results : []; }
      function results(a) {
        var stale = a.kind ? null : superseded[a.bundle];
        return stale ? found(a).filter(function (r) { return !stale.has(r.id); }) : found(a);
      }
      // kindOf: page → its marked kind; containing: word → how many pages of
      // each bundle have it (indexed: superseded ones too; current: not).
      var kindOf = {}, indexed = {}, containing = {};
      words.forEach(function (word) { indexed[word] = each(bundles, function () { return 0; }); containing[word] = indexed[word].slice(); });
      answers.forEach(function (a) {
        if (a.kind) results(a).forEach(function (r) { kindOf[r.id] = a.kind; });
        else { indexed[a.word][a.bundle] = found(a).length; containing[a.word][a.bundle] = results(a).length; }
      });
      // A bundle weighs a word by its rarity among the bundle's own pages; the
      // score is weighed again by its rarity over the whole site, so that pages
      // of different bundles compare as they would in one index.
      function siteScore(a, r) {
        if (bundles === 1 || bundlePages.length !== bundles) return r.score;
        var local = rarity(bundlePages[a.bundle], indexed[a.word][a.bundle]);
        return local > 0 ? r.score * rarity(sitePages, sum(containing[a.word])) / local : r.score;
      }
      // Each word counts at most 1 (its score over its best page's), so that
      // a word on every page («СОШ») cannot outweigh a rare one («20»).
      var best = {};
      answers.forEach(function (a) {
        if (!a.kind) results(a).forEach(function (r) { best[a.word] = Math.max(best[a.word] || 0, siteScore(a, r)); });
      });
      var pages = new Map();
      answers.forEach(function (a) {
        if (a.kind) return;
        results(a).forEach(function (r) {
          var page = pages.get(r.id);
          if (!page) { page = { kind: kindOf[r.id] || UNMARKED, score: 0, words: [], hits: [], result: r }; pages.set(r.id, page); }
          page.score += (siteScore(a, r) / (best[a.word] || 1)) * (KIND_WEIGHT[page.kind] || 1);
          if (page.words.indexOf(a.word) < 0) page.words.push(a.word);
          r.words.forEach(function (location) { page.hits.push({ at: location, word: a.word }); });
        });
      });
      return Array.from(pages.values()).sort(function (a, b) { return b.words.length - a.words.length || b.score - a.score; });
    });
  }
  // Among the first pages with every word, those whose title (or alias) has every word
  // come first: «СОШ № 20» is that school's page before the practices that
  // mention it a dozen times. Pagefind ranks before it reads titles, so the
  // first few are read here (and kept for showing them).
  var TITLE_CHECK = PAGE;
  function titlesFirst(pages, words) {
    var stems = words.map(W.stem);
    var full = pages.filter(function (p) { return p.words.length === words.length; }).slice(0, TITLE_CHECK);
    return Promise.all(full.map(function (p) { return p.result.data().then(function (d) { p.data = d; }); })).then(function () {
      function has(words, s) { return words.some(function (t) { return W.related(s, t); }); }
      function named(name) { var words = W.split(name || ""); return words.length > 0 && words.every(function (t) { return stems.some(function (s) { return W.related(s, t); }); }); }
      full.forEach(function (p) {
        // A school's short name («СОШ № 20») is as much its title as the full one.
        var meta = p.data.meta || {}, title = W.split((meta.title || "") + " " + (meta.alias || ""));
        p.inTitle = stems.every(function (s) { return has(title, s); });
        // The page named exactly so (its short name or title is the query) before pages that merely mention it in theirs.
        p.namedSo = p.inTitle && (named(meta.alias) || named(meta.title));
      });
      function where(test) { return pages.filter(test); }
      return where(function (p) { return p.namedSo; }).concat(where(function (p) { return p.inTitle && !p.namedSo; }), where(function (p) { return !p.inTitle; }));
    });
  }
  function loadRemote(page) {
    return (page.data ? Promise.resolve(page.data) : page.result.data()).then(function (d) {
      var meta = d.meta || {};
      return { href: d.url, title: meta.title || d.url, kindLabel: meta.kind, school: meta.school, year: meta.year,
               passage: passage(d.content || "", page.hits) || meta.summary || "", words: page.words };
    });
  }
  // The window of PASSAGE words holding the most distinct matched words.
  function passage(content, hits) {
    var tokens = content.indexOf("\u200B") >= 0 ? content.split("\u200B") : content.split(/[\r\n\s]+/g);
    if (!hits.length) return null;
    hits = hits.slice().sort(function (a, b) { return a.at - b.at; });
    var best = 0, bestCount = -1;
    for (var i = 0; i < hits.length; i++) {
      var seen = new Set();
      for (var j = i; j < hits.length && hits[j].at < hits[i].at + PASSAGE; j++) seen.add(hits[j].word);
      if (seen.size > bestCount) { bestCount = seen.size; best = hits[i].at; }
    }
    var start = Math.max(0, best - 6), end = Math.min(tokens.length, start + PASSAGE);
    var marked = new Set(hits.map(function (h) { return h.at; })), parts = [];
    if (start > 0) parts.push({ text: "… " });
    for (var k = start; k < end; k++) parts.push({ text: tokens[k], mark: marked.has(k) }, { text: " " });
    if (end < tokens.length) parts.push({ text: "…" });
    return parts;
  }

  // Without Pagefind: the catalog index's practices, by the same word rules.
  function localSearch(words) {
    return Promise.all([catalog(), summaries()]).then(function (loaded) {
      var data = loaded[0], texts = loaded[1];
      if (!data) return [];
      var stems = words.map(W.stem), pages = [];
      (data.items || []).forEach(function (item, index) {
        var school = item[2] >= 0 ? data.schools[item[2]] : "";
        var terms = [];
        (data.facets || []).forEach(function (f) { ((item[5] || {})[f.key] || []).forEach(function (v) { terms.push(f.values[v]); }); });
        var summary = texts[index] || "", title = W.split(item[1]), rest = W.split([summary, school, terms.join(" ")].join(" "));
        var matched = [], score = 0;
        stems.forEach(function (s, i) {
          var inTitle = title.some(function (t) { return W.related(s, t); });
          if (inTitle || rest.some(function (t) { return W.related(s, t); })) { matched.push(words[i]); score += inTitle ? 2 : 1; }
        });
        if (matched.length) pages.push({ kind: "practice", score: score, words: matched, local: { href: pageHref(item[0]), title: item[1], kindLabel: "Практика",
          school: school, year: (item[3] || "").slice(0, 4), summary: summary, words: matched } });
      });
      return pages.sort(function (a, b) { return b.words.length - a.words.length || b.score - a.score; });
    });
  }
  function localPassage(text, words) {
    var stems = words.map(W.stem), parts = [];
    String(text).split(/(\s+)/).forEach(function (token) {
      var folded = W.split(token)[0];
      parts.push({ text: token, mark: !!folded && stems.some(function (s) { return W.related(s, folded); }) });
    });
    return parts;
  }

  function renderItem(item) {
    var li = el("li", "search-result");
    var meta = el("p", "search-meta", null, li);
    if (item.kindLabel) el("span", "search-kind", item.kindLabel, meta);
    if (item.year) el("span", "search-year", item.year, meta);
    var a = el("a", null, item.title, el("h2", "search-title", null, li));
    a.href = item.href;
    if (item.school) el("p", "search-school", item.school, li);
    var p = el("p", "search-excerpt", null, li);
    (Array.isArray(item.passage) ? item.passage : localPassage(item.passage || item.summary || "", item.words)).forEach(function (part) {
      if (part.mark) el("mark", null, part.text, p); else p.appendChild(document.createTextNode(part.text));
    });
    if (item.total > 1) el("p", "search-matched", "Совпали слова: " + quoted(item.words) + (item.words.length < item.total ? " (" + item.words.length + " из " + item.total + ")" : ""), li);
    return li;
  }

  var current = 0, state = null;
  function showMore(focus) {
    var ticket = current, slice = state.visible.slice(state.shown, state.shown + PAGE);
    state.shown += slice.length;
    return Promise.all(slice.map(function (page) {
      return page.local ? Promise.resolve(page.local) : loadRemote(page);
    })).then(function (items) {
      if (ticket !== current) return;
      var first = null;
      items.forEach(function (item) { item.total = state.words.length; var li = renderItem(item); list.appendChild(li); first = first || li; });
      if (focus && first) first.querySelector("a").focus();
      renderMoreButton();
    });
  }
  function renderMoreButton() {
    var left = state.visible.length - state.shown;
    moreBox.hidden = left <= 0;
    moreBox.firstChild.textContent = "Показать ещё " + Math.min(left, PAGE) + " из " + left;
  }
  function renderKinds() {
    kindBar.textContent = "";
    kindBar.hidden = !state || state.local || !state.pages.length;
    if (kindBar.hidden) return;
    var counts = {};
    state.pages.forEach(function (p) { counts[p.kind] = (counts[p.kind] || 0) + 1; });
    [["", "Все"]].concat(KINDS).forEach(function (k) {
      var n = k[0] ? counts[k[0]] || 0 : state.pages.length;
      if (k[0] && !n && kind !== k[0]) return;
      var b = el("button", "search-kind-button", k[1] + " (" + n + ")", kindBar);
      b.type = "button";
      b.setAttribute("aria-pressed", String(kind === k[0]));
      b.setAttribute("data-kind", k[0]);
      b.addEventListener("click", function () { kind = k[0]; writeUrl(); show(); });
    });
  }
  function show() {
    list.textContent = "";
    state.visible = kind ? state.pages.filter(function (p) { return p.kind === kind; }) : state.pages;
    state.shown = 0;
    renderKinds();
    var all = state.pages.filter(function (p) { return p.words.length === state.words.length; }).length;
    var n = state.visible.length;
    if (!n) {
      status.textContent = "Ничего не найдено";
      moreBox.hidden = true;
      topics();
      return;
    }
    status.textContent = "Найдено: " + n + (state.words.length > 1 && all < state.pages.length && !kind ? " — со всеми словами: " + all + ", остальные содержат часть слов" : "");
    showMore(false);
  }
  function note(text, parent) { return el("p", "search-note", text, parent || notes); }
  function suggestions(parsed) {
    var fixes = parsed.unknown.map(function (w) { return [w, W.suggest(w)]; }).filter(function (f) { return f[1]; });
    if (!fixes.length) return;
    var p = note("Возможно, вы искали: ");
    fixes.forEach(function (f, i) {
      var q = input.value.replace(new RegExp(f[0].replace(/е/g, "[её]"), "i"), f[1]);
      var a = el("a", "search-suggestion", f[1], p);
      a.href = "?q=" + encodeURIComponent(q);
      if (i < fixes.length - 1) p.appendChild(document.createTextNode(", "));
    });
  }
  function topics() {
    var ticket = current;
    catalog().then(function (data) {
      var facet = data && (data.facets || []).find(function (f) { return f.key === "topic"; });
      if (ticket !== current || !facet || !facet.values.length) return;
      var p = note("Темы каталога: ");
      facet.values.forEach(function (label, i) {
        var a = el("a", null, label, p);
        a.href = pageHref("topics/" + data.slugs.topic[i] + "/");
        if (i < facet.values.length - 1) p.appendChild(document.createTextNode(" · "));
      });
    });
  }

  function run(query) {
    var ticket = ++current;
    list.textContent = ""; notes.textContent = ""; moreBox.hidden = true; kindBar.hidden = true; state = null;
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = "Поиск…";
    Promise.all(W.files(query).map(script)).then(function () { if (ticket === current) searchWords(query, ticket); });
  }
  function searchWords(query, ticket) {
    var parsed = W.parse(query);
    if (parsed.ignored.length) note("Не ищутся короткие и служебные слова: " + quoted(parsed.ignored) + ".");
    if (parsed.unknown.length) {
      note((parsed.unknown.length > 1 ? "Слов " : "Слова ") + quoted(parsed.unknown) + " нет ни на одной странице" +
        (parsed.searched.length ? ": " + (parsed.unknown.length > 1 ? "они не учитывались." : "оно не учитывалось.") : "."));
      suggestions(parsed);
    }
    if (!parsed.searched.length) {
      status.textContent = parsed.unknown.length ? "Ничего не найдено" : "Введите слова для поиска";
      if (parsed.unknown.length) topics();
      return;
    }
    status.textContent = "Поиск…";
    loadPagefind().then(function (api) {
      return gather(api, parsed.searched).then(function (pages) { return titlesFirst(pages, parsed.searched); })
        .then(function (pages) { return { pages: pages, local: false }; });
    }, function () {
      localNote.hidden = false;
      return localSearch(parsed.searched).then(function (pages) { return { pages: pages, local: true }; });
    }).then(function (found) {
      if (ticket !== current) return;
      state = { pages: found.pages, local: found.local, words: parsed.searched };
      show();
    }).catch(function () {
      if (ticket === current) status.textContent = "Поиск не удался: попробуйте обновить страницу.";
    });
  }

  function writeUrl() {
    var q = new URLSearchParams();
    if (input.value) q.set("q", input.value);
    if (kind) q.set("kind", kind);
    try { history.replaceState(null, "", "?" + q.toString()); } catch (e) { /* some file:// */ }
  }
  el("button", "search-more-button", null, moreBox).type = "button";
  moreBox.firstChild.addEventListener("click", function () { showMore(true); });
  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { kind = ""; writeUrl(); run(input.value); }, 300);
  });
  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    writeUrl();
    run(input.value);
  });
  window.praktikaSearch = { run: run, get state() { return state; }, get bundlePages() { return bundlePages; }, get bundles() { return bundles; } }; // for tests
  if (input.value) run(input.value);
})();
