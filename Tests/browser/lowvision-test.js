// Checks lowvision.js/css. Hash modes (results as JSON in #test-results, read by run.py):
//   #lv-test       panel, buttons, attributes, storage, contrast, images, Escape, reset
//   #lv-overflow   no horizontal scrolling for every size × scheme × spacing (run at 1280 and 390 px)
//   #lv-persist    settings stored by an earlier page load were applied in <head>
//   #lv-nostorage  localStorage throws: settings still apply
(function () {
  "use strict";
  const mode = (/lv-(test|overflow|persist|nostorage)/.exec(location.hash) || [])[1];
  if (!mode) return;
  const out = { page: location.pathname.split("/").pop() + location.hash, width: innerWidth, pass: 0, fail: [], info: {} };
  const ok = (cond, name) => { if (cond) out.pass++; else out.fail.push(name); };
  const $ = (s) => document.querySelector(s);
  const $$ = (s) => Array.from(document.querySelectorAll(s));
  const html = document.documentElement;
  const lv = () => window.praktikaLowVision;
  const stored = () => { try { return JSON.parse(localStorage.getItem("praktika-lowvision") || "null"); } catch (e) { return "error"; } };

  function rgb(color) {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(color);
    if (m) return [+m[1], +m[2], +m[3]];
    const h = color.trim().replace("#", "");
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  }
  function luminance(c) {
    const [r, g, b] = rgb(c).map((x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

  function overflowing() {
    const limit = html.clientWidth + 0.5;
    if (html.scrollWidth <= limit) return [];
    return $$("body *").filter((e) => {
      for (let p = e.parentElement; p; p = p.parentElement) if (/auto|scroll|hidden/.test(getComputedStyle(p).overflowX)) return false;
      return e.getBoundingClientRect().right > limit;
    }).slice(0, 5).map((e) => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.trim().replace(/\s+/g, ".") : "") + " " + Math.round(e.getBoundingClientRect().right));
  }

  function testPanel() {
    const toggle = $("#lowvision-toggle"), panel = $("#lowvision-panel");
    ok(!html.hasAttribute("data-lv") && !html.hasAttribute("data-lv-size"), "fresh profile: normal version");
    ok(panel.hidden && toggle.getAttribute("aria-expanded") === "false", "panel starts closed");
    toggle.click();
    ok(!panel.hidden && toggle.getAttribute("aria-expanded") === "true", "toggle opens panel");
    ok(panel.contains(document.activeElement) && document.activeElement.getAttribute("aria-pressed") === "true", "focus moves to the chosen option");
    ok($$("#lowvision-panel fieldset > legend").length === 6, "six fieldsets with legends");
    ok($$("#lowvision-panel button[aria-pressed]").length === 22, "22 option buttons with aria-pressed");
    ok(panel.getAttribute("role") === "region" && $("#" + panel.getAttribute("aria-labelledby")), "panel is a labelled region");

    // Every option.
    $$("#lowvision-panel [data-lv-key]").forEach((b) => {
      const key = b.getAttribute("data-lv-key"), value = b.getAttribute("data-lv-value");
      b.click();
      const group = $$(`#lowvision-panel [data-lv-key="${key}"]`);
      const isDefault = group[0] === b;
      ok(html.getAttribute("data-lv-" + key) === (isDefault ? null : value) && html.getAttribute("data-lv") === "on", `${key}=${value} on <html>`);
      ok(group.filter((x) => x.getAttribute("aria-pressed") === "true").length === 1 && b.getAttribute("aria-pressed") === "true", `${key}=${value} aria-pressed`);
      ok(stored()[key] === value, `${key}=${value} stored`);
    });

    // Sizes through rem.
    [["100", 16], ["150", 24], ["200", 32]].forEach(([size, px]) => {
      lv().set("size", size);
      ok(parseFloat(getComputedStyle(html).fontSize) === px, "size " + size + " = " + px + "px");
    });
    lv().set("size", "100");

    // Fonts.
    lv().set("font", "serif");
    ok(/Georgia/.test(getComputedStyle($("h1")).fontFamily) && /Georgia/.test(getComputedStyle(document.body).fontFamily), "serif everywhere");
    lv().set("font", "sans");
    ok(/^Arial/.test(getComputedStyle($("h1")).fontFamily), "sans headings");

    // Spacing.
    lv().set("line", "200");
    ok(parseFloat(getComputedStyle($(".lead")).lineHeight) / parseFloat(getComputedStyle($(".lead")).fontSize) >= 2, "double line spacing");
    lv().set("letter", "wider");
    ok(parseFloat(getComputedStyle($(".lead")).letterSpacing) > 3, "letter spacing");
    lv().set("line", "normal");
    lv().set("letter", "normal");

    // Colour schemes: every pair the theme draws, from computed custom properties and real elements.
    out.info.contrast = {};
    ["white", "black", "blue", "brown", "green"].forEach((scheme) => {
      lv().set("scheme", scheme);
      const v = (name) => getComputedStyle(html).getPropertyValue("--" + name);
      const pairs = { "text/bg": ["text", "bg"], "text/surface": ["text", "surface"], "muted/bg": ["muted", "bg"], "muted/surface": ["muted", "surface"],
        "accent/bg": ["accent", "bg"], "accent/surface": ["accent", "surface"], "accent-text/accent": ["accent-text", "accent"], "badge-text/badge": ["badge-text", "badge"],
        "focus/bg": ["focus", "bg"] };
      const ratios = {};
      Object.keys(pairs).forEach((k) => { ratios[k] = +contrast(v(pairs[k][0]), v(pairs[k][1])).toFixed(2); ok(ratios[k] >= 4.5, `${scheme} ${k} ${ratios[k]}`); });
      out.info.contrast[scheme] = ratios;
      const cs = (s) => getComputedStyle($(s));
      [["body", "body"], [".site-title", ".site-header"], [".badge", ".badge"], [".card-meta", ".card"], [".breadcrumbs a", "body"], [".lv-title", "#lowvision-panel"]].forEach(([fg, bg]) => {
        const r = contrast(cs(fg).color, cs(bg).backgroundColor === "rgba(0, 0, 0, 0)" ? v("bg") : cs(bg).backgroundColor);
        ok(r >= 4.5, `${scheme} element ${fg} on ${bg}: ${r.toFixed(2)}`);
      });
      // Focus ring inside the header is drawn in --accent-text.
      ok(contrast(getComputedStyle($(".site-header")).getPropertyValue("--focus"), v("accent")) >= 3, scheme + " header focus ring visible");
    });
    lv().set("scheme", "default");
    ok(!html.hasAttribute("data-lv-scheme") && getComputedStyle(html).getPropertyValue("--bg").trim() === "#ffffff", "default scheme = theme colours");

    // Images.
    lv().set("images", "off");
    const img = $("figure img");
    const alt = img.nextElementSibling;
    ok(getComputedStyle(img).display === "none", "images off: img hidden");
    ok(alt && alt.classList.contains("lv-alt") && alt.textContent === "Изображение: " + img.alt && alt.getClientRects().length > 0, "images off: alt text shown");
    ok($$(".lv-alt").length === 1, "no alt box for decorative images");
    lv().set("images", "gray");
    ok(/grayscale/.test(getComputedStyle(img).filter) && getComputedStyle(img).display !== "none" && alt.getClientRects().length === 0, "images gray");
    lv().set("images", "on");
    ok(getComputedStyle(img).filter === "none" && alt.getClientRects().length === 0, "images back on");

    // Escape closes and returns focus to the toggle.
    toggle.click();
    toggle.click();
    ok(!panel.hidden, "panel reopened");
    $("#lowvision-panel .lv-button").focus();
    document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    ok(panel.hidden && document.activeElement === toggle && toggle.getAttribute("aria-expanded") === "false", "Escape closes, focus on toggle");
    toggle.click();
    $(".lv-close").click();
    ok(panel.hidden && document.activeElement === toggle, "close button");

    // «Обычная версия сайта».
    lv().set("size", "175");
    lv().set("scheme", "black");
    toggle.click();
    $(".lv-reset").click();
    ok(!["data-lv", "data-lv-size", "data-lv-scheme", "data-lv-font", "data-lv-line", "data-lv-letter", "data-lv-images"].some((a) => html.hasAttribute(a)), "reset removes attributes");
    ok(stored() === null, "reset clears storage");
    ok(panel.hidden && document.activeElement === toggle, "reset closes panel");
    ok($$('#lowvision-panel [aria-pressed="true"]').map((b) => b.getAttribute("data-lv-value")).join() === "100,sans,normal,normal,default,on", "defaults pressed after reset");
  }

  function testOverflow() {
    out.info.checked = 0;
    const toggle = $("#lowvision-toggle");
    ["100", "125", "150", "175", "200"].forEach((size) => {
      ["default", "black"].forEach((scheme) => {
        [["normal", "normal", "sans"], ["wider", "200", "serif"]].forEach(([letter, line, font]) => {
          [false, true].forEach((open) => {
            lv().set("size", size); lv().set("scheme", scheme); lv().set("letter", letter); lv().set("line", line); lv().set("font", font);
            if ((toggle.getAttribute("aria-expanded") === "true") !== open) toggle.click();
            const bad = overflowing();
            out.info.checked++;
            ok(!bad.length, `overflow at ${innerWidth}px size ${size} ${scheme} letter ${letter} line ${line} ${font} panel ${open}: ${bad.join(", ")}`);
          });
        });
      });
    });
    lv().reset();
  }

  window.addEventListener("load", () => {
    try {
      if (mode === "test") testPanel();
      if (mode === "overflow") testOverflow();
      if (mode === "persist") {
        ok(window.lvAtHead.lv === "on" && window.lvAtHead.size === "175" && window.lvAtHead.scheme === "blue" && !window.lvAtHead.body, "stored settings applied in <head>, before <body>");
        ok($("#lowvision-panel .lv-size-175").getAttribute("aria-pressed") === "true", "panel shows stored choice");
        lv().reset();
      }
      if (mode === "nostorage") {
        lv().set("size", "150");
        ok(html.getAttribute("data-lv-size") === "150", "works without localStorage");
      }
    } catch (e) { out.fail.push("exception: " + e.stack); }
    $("#test-results").textContent = JSON.stringify(out);
    document.title = out.fail.length ? "FAIL" : "PASS";
  });
})();
