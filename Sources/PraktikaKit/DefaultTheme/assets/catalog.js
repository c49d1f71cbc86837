/* praktika: instant faceted filtering of the practice catalog (practices/index.html).
 * Hooks: #catalog[data-catalog-root] (path to the site root), #catalog-facets (filled),
 * #catalog-count, #catalog-results (cards replaced), .pagination in #catalog (hidden),
 * window.praktikaCatalog from practices/catalog-index.js — without it nothing happens.
 * An item is [href, title, school, isoDate, recommended, {facet: [value…]}]; summaries come
 * from practices/catalog-summaries.js (window.praktikaSummaries, catalog order) when first needed.
 * Cards are copies of data.card (the theme's practice-card.mustache rendered with @@card.…@@
 * slots, plain and recommended) with the slots filled; a slot without a value takes the element
 * that holds only it along. Month names come from the theme (data.months, data.monthsGenitive).
 * Order (?sort=): catalog order (recommended first), newest, most replicated (item[6]: schools
 * that took it up), or the largest improvement in an outcome (item[7]: {outcome: change the better way}).
 * OR within a facet, AND across facets; a value's count = practices with it among those
 * matching the other facets. State: ?topic=slug&risk=slug. No network: works from file://. */
(function () {
  "use strict";
  const PAGE = 30, BIG = 13; // facets with BIG+ values get a search box and hide empty values
  const CSS = `.facet{border:1px solid var(--line);border-radius:var(--radius,6px);background:var(--bg);margin:0 0 .5rem}
.facet>summary{cursor:pointer;padding:.45rem .75rem;font-weight:bold}.facet[open]>summary{border-bottom:1px solid var(--line)}
.facet-selected{font-weight:normal;color:var(--muted);margin-left:.35rem}.facet-body{border:0;margin:0;padding:.5rem .75rem .6rem;min-width:0}
.facet-values{list-style:none;margin:0;padding:0;max-height:18rem;overflow-y:auto}
.facet-values label{display:flex;gap:.5rem;align-items:baseline;padding:.15rem 0;cursor:pointer}
.facet-values input{flex:none;width:1.15rem;height:1.15rem;margin:0;align-self:center;accent-color:var(--accent)}
.facet-count,.facet-none{color:var(--muted)}.facet-values .is-empty label{color:var(--muted);cursor:default}
.facet-search input{width:100%;margin:0 0 .4rem;font:inherit;padding:.3rem .5rem;color:var(--text);background:var(--bg);border:1px solid var(--muted);border-radius:var(--radius,6px)}
.catalog-button{font:inherit;font-weight:bold;margin:0 0 .75rem;padding:.4rem 1rem;color:var(--accent);background:var(--bg);border:2px solid var(--accent);border-radius:var(--radius,6px);cursor:pointer}
.catalog-sort{margin:0 0 .5rem}.catalog-sort select{display:block;font:inherit;margin:.2rem 0 0;padding:.2rem .4rem;width:100%;max-width:34rem}
.catalog-button:hover{color:var(--accent-text);background:var(--accent)}.catalog-more{margin:1.25rem 0 0;text-align:center}.catalog-empty{grid-column:1/-1}`;

  function el(tag, className, text, parent) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return parent ? parent.appendChild(node) : node;
  }
  const format = window.Intl ? new Intl.NumberFormat("ru-RU") : null; // toLocaleString per call is slow
  const number = (n) => (n < 1000 || !format ? String(n) : format.format(n));
  const fold = (s) => String(s).toLowerCase().replace(/ё/g, "е");
  function dateFormat(months, genitive) {
    return (iso) => {
      const m = /^(\d{4})-(\d\d)(?:-(\d\d))?$/.exec(iso), month = m ? +m[2] : 0;
      const names = m && m[3] ? genitive : months;
      if (!month || month > 12 || !names || names.length !== 12) return iso;
      return m[3] ? `${+m[3]} ${names[month - 1]} ${m[1]}` : `${names[month - 1]} ${m[1]}`;
    };
  }

  // The theme's card with slots: a copy per practice, slots filled.
  const SLOT = /@@card\.([\w.]+)@@/g;
  function cardMaker(html, root) {
    const box = document.createElement("template");
    box.innerHTML = String(html || "").trim();
    const proto = box.content.firstElementChild;
    if (!proto) return null;
    const textNodes = (node) => { const walk = document.createTreeWalker(node, NodeFilter.SHOW_TEXT), out = []; while (walk.nextNode()) out.push(walk.currentNode); return out; };
    // What repeats per topic: the ancestor of the first topic's slot that is a sibling of the second's.
    function topicUnits(article) {
      const nodes = textNodes(article), a = nodes.find((t) => t.data.includes("@@card.topic0@@")), b = nodes.find((t) => t.data.includes("@@card.topic1@@"));
      if (!a || !b) return null;
      let unit = a;
      while (unit.parentNode && !unit.parentNode.contains(b)) unit = unit.parentNode;
      let other = b;
      while (other.parentNode !== unit.parentNode) other = other.parentNode;
      return { unit, other, list: unit.parentNode };
    }
    function fillSlots(node, values) {
      const fill = (text) => text.replace(SLOT, (all, name) => (values[name] != null ? values[name] : ""));
      const elements = [node, ...node.querySelectorAll("*")];
      elements.forEach((e) => Array.from(e.attributes).forEach((a) => {
        if (a.value.includes("@@")) a.value = fill(a.value).split("@@praktika.root@@").join(root);
      }));
      textNodes(node).forEach((t) => {
        if (!t.data.includes("@@card.")) return;
        const names = Array.from(t.data.matchAll(SLOT), (m) => m[1]);
        if (names.every((n) => values[n] == null || values[n] === "")) {
          // The element that shows only this slot goes with it, as the template's section would.
          let holder = t.parentNode;
          while (holder !== node && holder.parentNode !== node && holder.parentNode.textContent.trim() === t.data.trim()) holder = holder.parentNode;
          if (holder !== node && holder.textContent.trim() === t.data.trim()) { holder.remove(); return; }
        }
        t.data = fill(t.data);
      });
    }
    return (values, topics) => {
      const article = proto.cloneNode(true), units = topicUnits(article);
      if (units) {
        topics.forEach((topic) => {
          const copy = units.unit.cloneNode(true);
          fillSlots(copy, { topic0: topic.label, "topic0.href": topic.href, "topic0.id": topic.id });
          units.list.insertBefore(copy, units.unit);
        });
        units.unit.remove();
        units.other.remove();
        if (!topics.length && units.list !== article) units.list.remove();
      }
      fillSlots(article, values);
      return article;
    };
  }

  function start() {
    const data = window.praktikaCatalog, root = document.getElementById("catalog"), results = document.getElementById("catalog-results");
    if (!data || !root || !results || !Array.isArray(data.items) || !Array.isArray(data.facets) || !data.card || root.hasAttribute("data-catalog-ready")) return;
    root.setAttribute("data-catalog-ready", "");
    const items = data.items, N = items.length, schools = data.schools || [], slugTable = data.slugs || {};
    const siteRoot = root.getAttribute("data-catalog-root") || "";

    // Facets with posting lists: per value, the indexes of its items in catalog order.
    const facets = [], byKey = new Map();
    data.facets.forEach((spec) => {
      if (!spec || !spec.key || !Array.isArray(spec.values) || !spec.values.length || facets.length > 250) return;
      const n = spec.values.length, slugs = spec.values.map((v, i) => String((slugTable[spec.key] || [])[i] || v));
      const f = { index: facets.length, key: spec.key, label: spec.label || spec.key, values: spec.values.map(String), slugs,
        bySlug: new Map(slugs.map((s, i) => [s, i])), counts: new Int32Array(n),
        selected: new Set(), query: "", big: n >= BIG, rows: [], boxes: [], countNodes: [], folded: [] };
      facets.push(f);
      byKey.set(f.key, f);
    });
    facets.forEach((f) => { f.postings = f.values.map(() => []); });
    for (let i = 0; i < N; i++) {
      const map = items[i] && items[i][5];
      for (const key in map) {
        const f = byKey.get(key), list = map[key];
        if (!f || !Array.isArray(list)) continue;
        for (let j = 0; j < list.length; j++) {
          const v = list[j];
          if (v >= 0 && v < f.values.length && list.indexOf(v) === j) f.postings[v].push(i);
        }
      }
    }

    // Per item: how many facet selections it fails and, when exactly one, which.
    const misses = new Uint8Array(N), missFacet = new Uint8Array(N), mark = new Uint8Array(N);
    let matches = [];
    function compute() {
      misses.fill(0);
      for (const f of facets) {
        if (!f.selected.size) continue;
        mark.fill(0);
        for (const v of f.selected) { const p = f.postings[v]; for (let k = 0; k < p.length; k++) mark[p[k]] = 1; }
        for (let i = 0; i < N; i++) if (!mark[i]) { misses[i]++; missFacet[i] = f.index; }
      }
      matches = [];
      for (let i = 0; i < N; i++) if (!misses[i]) matches.push(i);
      for (const f of facets) {
        for (let v = 0; v < f.values.length; v++) {
          const p = f.postings[v];
          let c = 0;
          for (let k = 0; k < p.length; k++) { const m = misses[p[k]]; if (m === 0 || (m === 1 && missFacet[p[k]] === f.index)) c++; }
          f.counts[v] = c;
        }
      }
    }

    // Order: the catalog's own (recommended first, then newest) unless the reader picks another.
    let sort = "";
    const outcomes = Array.isArray(data.outcomes) ? data.outcomes : [], sorts = data.sorts || {};
    function sortMatches() {
      if (!sort) return;
      let key;
      if (sort === "newest") key = (i) => items[i][3] || "";
      else if (sort === "replicated") key = (i) => items[i][6] || 0;
      else {
        const o = outcomes.findIndex((x) => "outcome-" + x.id === sort);
        key = (i) => { const m = items[i][7], v = m && m[o]; return v == null ? -Infinity : v; };
      }
      const keys = new Map(matches.map((i) => [i, key(i)]));
      matches.sort((a, b) => { const x = keys.get(a), y = keys.get(b); return x < y ? 1 : x > y ? -1 : a - b; });
    }
    function sortBox() {
      const box = el("p", "catalog-sort"), label = el("label", null, (sorts.label || "Порядок") + " ", box);
      const select = el("select", null, null, label);
      const options = [["", sorts.recommended], ["newest", sorts.newest]];
      if (items.some((item) => item[6] > 0)) options.push(["replicated", sorts.replicated]);
      outcomes.forEach((o) => options.push(["outcome-" + o.id, `${sorts.outcome || ""}: ${o.label}${o.unit ? ` (${o.unit})` : ""}`]));
      options.forEach(([value, text]) => { const option = el("option", null, text || value, select); option.value = value; });
      select.addEventListener("change", () => { sort = select.value; update(true); });
      return { box, select };
    }

    // Styles go first in <head> so that the theme's own CSS wins.
    if (!document.getElementById("catalog-style")) document.head.insertBefore(el("style", null, CSS), document.head.firstChild).id = "catalog-style";
    let facetBox = document.getElementById("catalog-facets");
    if (!facetBox) { facetBox = root.insertBefore(el("div"), root.firstChild); facetBox.id = "catalog-facets"; }
    let countBox = document.getElementById("catalog-count");
    if (!countBox) { countBox = results.parentNode.insertBefore(el("p"), results); countBox.id = "catalog-count"; }
    if (!countBox.hasAttribute("aria-live")) countBox.setAttribute("aria-live", "polite");
    const sorter = sortBox();
    countBox.parentNode.insertBefore(sorter.box, countBox);
    const pagination = (show) => root.querySelectorAll(".pagination").forEach((nav) => { nav.hidden = !show; });

    // Filters.
    facetBox.textContent = "";
    // On phones the filters hide behind one button that shows the live count.
    const wide = window.matchMedia && matchMedia("(min-width: 50rem)").matches;
    const panel = el("details", "catalog-panel", null, facetBox), panelSummary = el("summary", null, "Фильтры", panel);
    panel.open = wide;
    const form = el("form", "catalog-filters", null, panel);
    form.addEventListener("submit", (e) => e.preventDefault());
    el("h2", "catalog-side-title", "Фильтры", form);
    const reset = el("button", "catalog-button catalog-reset", "Сбросить фильтры", form);
    reset.type = "button";
    facets.forEach((f, fi) => {
      const details = f.details = el("details", "facet", null, form);
      details.setAttribute("data-facet", f.key);
      details.open = wide && fi === 0;
      const summary = el("summary", null, f.label + " ", details);
      f.badge = el("span", "facet-selected", null, summary);
      const body = el("fieldset", "facet-body", null, details);
      el("legend", "visually-hidden", f.label, body);
      if (f.big) {
        const label = el("label", "facet-search", null, body);
        el("span", "visually-hidden", `Найти в списке «${f.label}»`, label);
        const input = f.search = el("input", null, null, label);
        input.type = "search";
        input.placeholder = "Найти в списке";
        input.autocomplete = "off";
        input.addEventListener("input", () => { f.query = fold(input.value.trim()); renderFacet(f); });
      }
      const list = el("ul", "facet-values", null, body);
      f.values.forEach((value, v) => {
        const li = f.rows[v] = el("li", null, null, list), label = el("label", null, null, li);
        const box = f.boxes[v] = el("input", null, null, label);
        box.type = "checkbox";
        box.name = f.key;
        box.value = f.slugs[v];
        box.setAttribute("data-v", v);
        f.countNodes[v] = el("span", "facet-count", null, el("span", "facet-value", value + " ", label));
        f.folded[v] = fold(value);
      });
      list.addEventListener("change", (e) => {
        const v = +e.target.getAttribute("data-v");
        if (e.target.checked) f.selected.add(v); else f.selected.delete(v);
        update(true);
      });
      f.none = el("p", "facet-none", "Нет подходящих значений", body);
    });
    const done = el("button", "catalog-button catalog-panel-done", null, form);
    done.type = "button";
    done.addEventListener("click", () => { panel.open = false; countBox.scrollIntoView(); panelSummary.focus(); });
    reset.addEventListener("click", () => {
      facets.forEach((f) => { f.selected.clear(); if (f.search) f.search.value = f.query = ""; });
      update(true);
    });

    function renderFacet(f) {
      let visible = 0;
      for (let v = 0; v < f.values.length; v++) {
        const box = f.boxes[v], row = f.rows[v], checked = f.selected.has(v), text = `(${number(f.counts[v])})`;
        // Never hide or disable the box under the user's focus: focus would be lost.
        const empty = f.counts[v] === 0 && !checked && box !== document.activeElement;
        const shown = !(empty && f.big) && (!f.query || f.folded[v].indexOf(f.query) !== -1);
        if (box.checked !== checked) box.checked = checked;
        if (f.countNodes[v].textContent !== text) f.countNodes[v].textContent = text;
        if (row.hidden === shown) row.hidden = !shown;
        if (box.disabled !== empty) { box.disabled = empty; row.classList.toggle("is-empty", empty); }
        if (shown) visible++;
      }
      f.none.hidden = visible > 0;
      f.badge.textContent = f.selected.size ? `выбрано: ${f.selected.size}` : "";
    }

    // Results, PAGE at a time.
    let shown = 0;
    const moreBox = results.parentNode.insertBefore(el("p", "catalog-more"), results.nextSibling);
    const more = el("button", "catalog-button", null, moreBox);
    more.type = "button";
    more.addEventListener("click", () => showMore(true));
    const link = (href) => siteRoot + href + (data.offline && /\/$/.test(href) ? "index.html" : "");

    const card = cards();
    // Cards drawn before the summaries came, to draw again with them.
    const withoutSummary = new Map();
    function cards() {
      const plain = cardMaker(data.card && data.card.plain, siteRoot), recommended = cardMaker(data.card && data.card.recommended, siteRoot);
      const date = dateFormat(data.months, data.monthsGenitive), topic = byKey.get("topic");
      return (i) => {
        const item = items[i], summary = summaries() && summaries()[i];
        const school = item[2] >= 0 ? schools[item[2]] : null;
        const replications = item[6] > 0 && data.replicationTexts ? data.replicationTexts[item[6]] : null;
        const values = { title: item[1], href: link(item[0]), school, isoDate: item[3], date: item[3] ? date(item[3]) : null, summary, replications };
        const ids = (topic && item[5] && item[5].topic) || [];
        const topics = ids.filter((v) => topic.values[v] != null).map((v) => ({ id: topic.slugs[v], label: topic.values[v], href: link("topics/" + topic.slugs[v] + "/") }));
        const article = (item[4] ? recommended : plain)(values, topics);
        if (!summary) withoutSummary.set(article, i);
        return article;
      };
    }
    const summaries = () => window.praktikaSummaries;
    let summariesRequested = false;
    function loadSummaries() {
      if (summaries() || summariesRequested) return;
      summariesRequested = true;
      const tag = document.createElement("script");
      tag.src = siteRoot + "practices/catalog-summaries.js"; // a script, not fetch: works from file:// too
      tag.onload = () => {
        withoutSummary.forEach((i, article) => {
          if (!article.isConnected) return;
          const fresh = card(i), focused = article.contains(document.activeElement);
          article.replaceWith(fresh);
          if (focused) fresh.querySelector("a").focus();
        });
        withoutSummary.clear();
      };
      document.head.appendChild(tag);
    }
    function showMore(focus) {
      loadSummaries();
      const end = Math.min(matches.length, shown + PAGE), fragment = document.createDocumentFragment();
      for (let k = shown; k < end; k++) fragment.appendChild(card(matches[k]));
      const first = fragment.firstChild;
      results.appendChild(fragment);
      shown = end;
      if (focus && first) first.querySelector("a").focus(); // keyboard users land on the first new card
      renderMore();
    }
    function renderMore() {
      const left = matches.length - shown, next = number(Math.min(left, PAGE));
      moreBox.hidden = left <= 0;
      more.textContent = `Показать ещё ${next}`;
      more.setAttribute("aria-label", `Показать ещё ${next} из оставшихся ${number(left)}`);
    }
    function renderResults() {
      results.textContent = "";
      shown = 0;
      if (!matches.length) el("p", "catalog-empty", "По выбранным фильтрам практик не найдено. Снимите часть фильтров или нажмите «Сбросить фильтры».", results);
      showMore(false);
    }
    // Unfiltered: keep the server-rendered cards (they have summaries) when they are the first items.
    function keepServerCards() {
      const links = results.querySelectorAll(".card-title a");
      if (!links.length || links.length > N) return false;
      for (let k = 0; k < links.length; k++) if (links[k].href !== new URL(link(items[k][0]), document.baseURI).href) return false;
      shown = links.length;
      renderMore();
      return true;
    }

    // URL state. replaceState is slow and throttled by Chromium: write once the user pauses, or on leaving.
    let urlTimer = 0;
    function readUrl() {
      const params = new URLSearchParams(location.search);
      facets.forEach((f) => {
        f.selected.clear();
        params.getAll(f.key).forEach((slug) => { const v = f.bySlug.get(slug); if (v !== undefined) f.selected.add(v); });
      });
      const wanted = params.get("sort") || "";
      sort = Array.from(sorter.select.options).some((o) => o.value === wanted) ? wanted : "";
      sorter.select.value = sort;
    }
    function writeUrl() {
      clearTimeout(urlTimer);
      urlTimer = 0;
      const params = new URLSearchParams(location.search);
      facets.forEach((f) => params.delete(f.key));
      facets.forEach((f) => Array.from(f.selected).sort((a, b) => a - b).forEach((v) => params.append(f.key, f.slugs[v])));
      params.delete("sort");
      if (sort) params.append("sort", sort);
      const query = params.toString(), url = location.pathname + (query ? "?" + query : "") + location.hash;
      if (url !== location.pathname + location.search + location.hash) try { history.replaceState(history.state, "", url); } catch (e) { /* some file:// */ }
    }
    const flushUrl = () => { if (urlTimer) writeUrl(); };
    root.addEventListener("click", (e) => { if (e.target.closest && e.target.closest("a")) flushUrl(); }, true);
    addEventListener("pagehide", flushUrl);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flushUrl(); });

    function update(fromUser, initial) {
      compute();
      sortMatches();
      facets.forEach(renderFacet);
      countBox.textContent = `Найдено практик: ${number(matches.length)}`;
      const chosen = facets.reduce((n, f) => n + f.selected.size, 0);
      panelSummary.textContent = `Фильтры${chosen ? ` (выбрано: ${chosen})` : ""} — найдено практик: ${number(matches.length)}`;
      done.textContent = `Показать практики (${number(matches.length)})`;
      const serverCards = initial && !sort && !facets.some((f) => f.selected.size) && results.querySelector(".card");
      if (serverCards && !keepServerCards()) { moreBox.hidden = true; return; } // a later page (page/2/…): keep it and its pagination
      if (!serverCards) renderResults();
      pagination(false);
      if (fromUser) { clearTimeout(urlTimer); urlTimer = setTimeout(writeUrl, 400); }
    }
    function load(initial) {
      readUrl();
      if (wide) facets.forEach((f) => { if (f.selected.size) f.details.open = true; });
      update(false, initial);
    }
    addEventListener("popstate", () => { clearTimeout(urlTimer); urlTimer = 0; load(false); });
    load(true);
    window.praktikaCatalogView = { facets, get matches() { return matches; }, update, flushUrl }; // for tests
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
