// Checks catalog.js against a brute-force filter. Runs when the hash contains
// "cat-test" and writes JSON to #test-results (run.py reads it with --dump-dom).
(function () {
  "use strict";
  if (!/cat-test/.test(location.hash)) return;
  const out = { page: location.search + location.hash, pass: 0, fail: [], timings: {} };
  const ok = (cond, name) => { if (cond) out.pass++; else out.fail.push(name); };
  const text = (node) => (node ? node.textContent.replace(/\s+/g, " ").trim() : "");
  const $ = (s, r) => (r || document).querySelector(s);
  const $$ = (s, r) => Array.from((r || document).querySelectorAll(s));
  const num = (n) => n.toLocaleString("ru-RU").replace(/\s/g, " ");

  function brute(data, selected) {
    const keys = data.facets.map((f) => f.key).filter((k) => selected[k] && selected[k].size);
    const has = (item, k) => (item[5][k] || []).some((v) => selected[k].has(v));
    const matches = [];
    const counts = {};
    data.facets.forEach((f) => { counts[f.key] = new Array(f.values.length).fill(0); });
    data.items.forEach((item, i) => {
      const fails = keys.filter((k) => !has(item, k));
      if (!fails.length) matches.push(i);
      data.facets.forEach((f) => {
        if (fails.length > 1 || (fails.length === 1 && fails[0] !== f.key)) return;
        new Set(item[5][f.key] || []).forEach((v) => counts[f.key][v]++);
      });
    });
    return { matches, counts };
  }

  function selection(view) {
    const s = {};
    view.facets.forEach((f) => { s[f.key] = new Set(f.selected); });
    return s;
  }

  function verify(view, data, label) {
    const b = brute(data, selection(view));
    const m = view.matches;
    ok(m.length === b.matches.length && m.every((x, i) => x === b.matches[i]), label + ": matches");
    let countsOk = true, domOk = true;
    view.facets.forEach((f) => {
      f.values.forEach((_, v) => {
        if (f.counts[v] !== b.counts[f.key][v]) countsOk = false;
        const box = $(`details[data-facet="${f.key}"] input[data-v="${v}"]`);
        const row = box.closest("li");
        if (text(row).indexOf("(" + num(b.counts[f.key][v]) + ")") === -1) domOk = false;
        if (box.checked !== f.selected.has(v)) domOk = false;
        if (b.counts[f.key][v] === 0 && !box.checked && box !== document.activeElement && !(box.disabled || row.hidden)) domOk = false;
      });
    });
    ok(countsOk, label + ": counts");
    ok(domOk, label + ": facet DOM");
    ok(text($("#catalog-count")) === "Найдено практик: " + num(b.matches.length), label + ": count text " + text($("#catalog-count")));
    const cards = $$("#catalog-results .practice-card");
    ok(cards.length === Math.min(30, b.matches.length), label + ": 30 cards shown, got " + cards.length);
    if (cards.length) ok($("a", cards[0]).getAttribute("href") === "../" + data.items[b.matches[0]][0] + (data.offline ? "index.html" : ""), label + ": first card href");
  }

  function urlSelection(view) {
    view.flushUrl();
    const p = new URLSearchParams(location.search);
    return view.facets.every((f) => {
      const want = Array.from(f.selected).sort((a, b) => a - b).map((v) => f.slugs[v]).join(",");
      return p.getAll(f.key).join(",") === want;
    });
  }

  function run() {
    const data = window.praktikaCatalog;
    if (!data) {
      // Page without catalog-index.js: nothing may change.
      ok(!window.praktikaCatalogView, "nodata: catalog.js idle");
      ok($$("#catalog-results .card-summary").length === 20, "nodata: server cards intact");
      ok(!$(".pagination").hidden, "nodata: pagination visible");
      ok(!!$(".facet-static"), "nodata: static facets intact");
      return;
    }
    const view = window.praktikaCatalogView;
    ok(!!view, "catalog.js started");
    if (!data.items.length) {
      ok(!!$(".catalog-empty") && $(".catalog-more").hidden && text($("#catalog-count")) === "Найдено практик: 0", "empty catalog");
      return;
    }
    ok($$("#catalog-facets details.facet").length === data.facets.length, "one details per facet");
    ok(!$(".facet-static"), "static facets replaced");
    ok($$("#catalog-facets fieldset > legend").length === data.facets.length, "fieldset+legend per facet");
    ok(!!$('details[data-facet="municipality"] input[type=search]') && !!$('details[data-facet="network"] input[type=search]'), "search box in large facets");
    ok(!$('details[data-facet="level"] input[type=search]'), "no search box in small facets");
    ok($("#catalog-count").getAttribute("aria-live") === "polite", "count is aria-live");
    const initial = new URLSearchParams(location.search);
    const fromUrl = initial.has("topic") || initial.has("region");
    const offline = data.offline;

    if (fromUrl) {
      const s = selection(view);
      ok($(".pagination").hidden, "pagination hidden");
      ok(s.topic.has(3) && s.topic.has(5) && s.topic.size === 2 && s.region.has(2) && s.region.size === 1, "selection read from URL");
      ok($('details[data-facet="topic"]').open && $('details[data-facet="region"]').open, "facets with selection open");
      verify(view, data, "from URL");
      $('details[data-facet="level"] input[data-v="1"]').click();
      ok(urlSelection(view), "URL updated after change");
      ok(new URLSearchParams(location.search).get("bogus") === "1", "foreign query params kept");
      ok(urlSelection(view), "URL updated after change");
      verify(view, data, "URL + level");
      return;
    }

    if (initial.has("page2")) {
      // A later server page without filters stays as it is, with its pagination.
      ok($$("#catalog-results .card-summary").length === 20 && !$(".pagination").hidden && $(".catalog-more").hidden, "later page kept with pagination");
      $('details[data-facet="level"] input[data-v="0"]').click();
      ok($(".pagination").hidden && !$("#catalog-results .card-summary"), "filtering replaces it");
      verify(view, data, "page 2 + level");
      return;
    }
    ok($(".pagination").hidden, "pagination hidden");
    {
      ok($$("#catalog-results .card-summary").length === 20, "server-rendered first page kept");
      const more = $(".catalog-more button");
      ok(more && !$(".catalog-more").hidden, "show-more button visible");
      more.click();
      const cards = $$("#catalog-results .practice-card");
      ok(cards.length === 50, "show more adds 30 (got " + cards.length + ")");
      ok(document.activeElement === $("a", cards[20]), "focus moves to first new card");
      ok($("a", cards[20]).getAttribute("href") === "../" + data.items[20][0] + (offline ? "index.html" : ""), "continues after server cards");
    }

    // Random walk, every state checked against brute force, timed.
    let seed = 7;
    const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const times = [];
    for (let step = 0; step < 120; step++) {
      const f = view.facets[rnd(view.facets.length)];
      const checked = $$(`details[data-facet="${f.key}"] input:checked`);
      const candidates = $$(`details[data-facet="${f.key}"] input[type=checkbox]`).filter((b) => !b.disabled && !b.closest("li").hidden && !b.checked);
      const total = view.facets.reduce((n, x) => n + x.selected.size, 0);
      let box;
      if (checked.length && (rnd(3) === 0 || total > 5 || !candidates.length)) box = checked[rnd(checked.length)];
      else if (candidates.length) box = candidates[rnd(candidates.length)];
      if (!box) continue;
      const t0 = performance.now();
      box.click();
      void document.body.offsetHeight; // include style and layout
      times.push(performance.now() - t0);
      if (step % 4 === 0 || step > 110) verify(view, data, "step " + step);
      ok(urlSelection(view), "URL step " + step);
    }
    times.sort((a, b) => a - b);
    out.timings.changes = times.length;
    out.timings.medianMs = +times[Math.floor(times.length / 2)].toFixed(2);
    out.timings.p95Ms = +times[Math.floor(times.length * 0.95)].toFixed(2);
    out.timings.maxMs = +times[times.length - 1].toFixed(2);
    // Shared CI machines stall now and then: judge the 95th percentile, report the max.
    ok(out.timings.p95Ms < 50, "changes under 50 ms (p95 " + out.timings.p95Ms + ")");

    // Reset.
    $(".catalog-reset").click();
    ok(view.facets.every((f) => !f.selected.size), "reset clears selection");
    view.flushUrl();
    ok(!/topic=|risk=|region=|municipality=/.test(location.search), "reset clears URL");
    verify(view, data, "after reset");

    // Search box inside a large facet (ё folds to е).
    const search = $('details[data-facet="municipality"] input[type=search]');
    search.value = "Берёзовский-1";
    search.dispatchEvent(new Event("input"));
    const visible = $$('details[data-facet="municipality"] li').filter((li) => !li.hidden);
    ok(visible.length > 0 && visible.every((li) => /березовский-1/i.test(text(li).replace(/ё/g, "е"))), "facet search filters values (" + visible.length + ")");
    search.value = "нет такого";
    search.dispatchEvent(new Event("input"));
    ok(!$('details[data-facet="municipality"] .facet-none').hidden, "facet search: nothing found note");
    search.value = "";
    search.dispatchEvent(new Event("input"));

    // A value under the user's focus is never hidden or disabled.
    const mun = view.facets.find((f) => f.key === "municipality");
    const region = view.facets.find((f) => f.key === "region");
    const munBox = $('details[data-facet="municipality"] input[data-v="5"]'); // region 0
    munBox.click();
    $('details[data-facet="municipality"] input[data-v="30"]').click(); // region 1
    $('details[data-facet="region"] input[data-v="1"]').click();
    ok(mun.counts[5] === 0 && !munBox.closest("li").hidden, "checked value with 0 stays visible");
    munBox.closest("details").open = true;
    munBox.focus();
    munBox.click();
    ok(!munBox.closest("li").hidden && !munBox.disabled && document.activeElement === munBox, "focused value not hidden when unchecked");
    $('details[data-facet="region"]').open = true;
    $('details[data-facet="region"] input[data-v="1"]').focus();
    $('details[data-facet="region"] input[data-v="1"]').click();
    $('details[data-facet="region"] input[data-v="1"]').click();
    ok(munBox.closest("li").hidden, "empty value hidden once focus has left");
    verify(view, data, "focus scenario");
    ok(region.selected.size === 1, "region selection kept");
    $(".catalog-reset").click();

    // Back/forward: popstate re-reads the URL.
    history.pushState(null, "", location.pathname + "?topic=top-1&status=sta-0" + location.hash);
    window.dispatchEvent(new PopStateEvent("popstate"));
    ok(view.facets[0].selected.has(1) && view.facets[0].selected.size === 1, "popstate applies URL");
    ok($('details[data-facet="topic"] input[data-v="1"]').checked, "popstate checks the box");
    verify(view, data, "popstate");

    // Card markup like practice-card.mustache.
    const card = $("#catalog-results .practice-card");
    const item = data.items[view.matches[0]];
    ok(card.matches("article.card.practice-card.is-recommended") && !!$("h3.card-title > a", card), "card classes");
    ok(text($("p.card-meta .badge", card)) === "Рекомендована", "badge text");
    ok(text($(".card-school", card)) === (data.schools[item[2]] || ""), "school name");
    const time = $("time", card);
    if (item[3]) {
      const [y, mo, d] = item[3].split("-");
      const gen = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(" ");
      const nom = "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split(" ");
      ok(time.getAttribute("datetime") === item[3] && text(time) === (d ? `${+d} ${gen[mo - 1]} ${y}` : `${nom[mo - 1]} ${y}`), "date " + text(time));
    }
    const plain = $$("#catalog-results .practice-card").find((c) => !c.classList.contains("is-recommended"));
    ok(!plain || !$(".badge", plain), "no badge on ordinary practices");

    // Nothing found.
    view.facets.forEach((f) => f.selected.clear());
    view.facets[8].selected.add(0); // newest year
    view.facets[9].selected.add(0); // recommended: none are in the newest year? check generically
    view.update(true);
    if (!view.matches.length) ok(!!$(".catalog-empty") && $(".catalog-more").hidden, "empty result message");
    $(".catalog-reset").click();
  }

  document.addEventListener("DOMContentLoaded", () => { out.timings.startMs = +(performance.now() - window.startT0).toFixed(1); });
  window.addEventListener("load", () => {
    try { run(); } catch (e) { out.fail.push("exception: " + e.stack); }
    const pre = document.getElementById("test-results");
    pre.textContent = JSON.stringify(out);
    document.title = out.fail.length ? "FAIL" : "PASS"; 
  });
})();
