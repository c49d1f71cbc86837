/* praktika: версия для слабовидящих (ГОСТ Р 52872-2019). Settings become attributes on <html>
 * (data-lv="on", data-lv-size="150", -font, -line, -letter, -scheme, -images) for lowvision.css, and are
 * kept in localStorage. Include in <head> without defer to avoid a flash (defer works too).
 * UI: #lowvision-toggle (aria-controls) opens #lowvision-panel, which is built here. */
(function () {
  "use strict";
  if (window.praktikaLowVision) return;
  const KEY = "praktika-lowvision", html = document.documentElement;
  const GROUPS = [
    ["size", "Размер шрифта", [["100", "100%"], ["125", "125%"], ["150", "150%"], ["175", "175%"], ["200", "200%"]]],
    ["font", "Шрифт", [["sans", "Без засечек"], ["serif", "С засечками"]]],
    ["line", "Межстрочный интервал", [["normal", "Обычный"], ["150", "Полуторный"], ["200", "Двойной"]]],
    ["letter", "Расстояние между буквами", [["normal", "Обычное"], ["wide", "Увеличенное"], ["wider", "Большое"]]],
    ["scheme", "Цветовая схема", [["default", "Обычная"], ["white", "Чёрным по белому"], ["black", "Белым по чёрному"],
      ["blue", "Тёмно-синим по голубому"], ["brown", "Коричневым по бежевому"], ["green", "Зелёным по тёмно-коричневому"]]],
    ["images", "Изображения", [["on", "Показывать"], ["off", "Скрывать"], ["gray", "Чёрно-белые"]]],
  ];
  const valid = (key, value) => GROUPS.some((g) => g[0] === key && g[2].some((o) => o[0] === value));
  let settings = {}, panel = null, toggle = null;

  function load() {
    const clean = {};
    try {
      const stored = JSON.parse(localStorage.getItem(KEY) || "{}");
      for (const key in stored) if (valid(key, stored[key])) clean[key] = stored[key];
    } catch (e) { /* no storage (file://, private mode) or bad JSON */ }
    return clean;
  }
  function save() {
    try {
      if (Object.keys(settings).length) localStorage.setItem(KEY, JSON.stringify(settings)); else localStorage.removeItem(KEY);
    } catch (e) { /* settings then last for this page only */ }
  }
  function apply() {
    // Default values (the first option) get no attribute: html[data-lv-scheme] means a real scheme.
    GROUPS.forEach(([key, , options]) => {
      if (settings[key] && settings[key] !== options[0][0]) html.setAttribute("data-lv-" + key, settings[key]); else html.removeAttribute("data-lv-" + key);
    });
    if (Object.keys(settings).length) html.setAttribute("data-lv", "on"); else html.removeAttribute("data-lv");
    if (settings.images === "off") altText();
    if (panel) {
      panel.querySelectorAll("[data-lv-key]").forEach((b) => {
        const key = b.getAttribute("data-lv-key"), current = settings[key] || GROUPS.find((g) => g[0] === key)[2][0][0];
        b.setAttribute("aria-pressed", String(b.getAttribute("data-lv-value") === current));
      });
    }
  }
  // A hidden <img> cannot show its alt text through CSS: put the text next to it.
  function altText() {
    if (!document.body) return;
    document.querySelectorAll("img[alt]").forEach((img) => {
      const alt = img.alt.trim(), next = img.nextElementSibling;
      if (alt && !(next && next.classList.contains("lv-alt"))) img.insertAdjacentElement("afterend", el("span", "lv-alt", "Изображение: " + alt));
    });
  }
  function set(key, value) {
    if (!valid(key, value)) return;
    settings[key] = value;
    save();
    apply();
  }
  function reset() {
    settings = {};
    save();
    apply();
  }
  function open(show, focusToggle) {
    panel.hidden = !show;
    toggle.setAttribute("aria-expanded", String(show));
    if (show) (panel.querySelector('[aria-pressed="true"]') || panel.querySelector("button")).focus();
    else if (focusToggle) toggle.focus();
  }
  function el(tag, className, text, parent) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    if (tag === "button") node.type = "button";
    return parent ? parent.appendChild(node) : node;
  }

  function build() {
    altText();
    panel = document.getElementById("lowvision-panel");
    toggle = document.getElementById("lowvision-toggle");
    if (!panel || !toggle || panel.hasAttribute("data-lv-ready")) { panel = null; return; }
    panel.setAttribute("data-lv-ready", "");
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-labelledby", "lowvision-title");
    panel.textContent = "";
    const inner = el("div", "wrap lv-inner", null, panel);
    el("h2", "lv-title", "Настройки для слабовидящих", inner).id = "lowvision-title";
    const groups = el("div", "lv-groups", null, inner);
    GROUPS.forEach(([key, label, options]) => {
      const fieldset = el("fieldset", "lv-group lv-group-" + key, null, groups);
      el("legend", null, label, fieldset);
      const row = el("div", "lv-options", null, fieldset);
      options.forEach(([value, text]) => {
        const b = el("button", `lv-button lv-${key}-${value}`, text, row);
        b.setAttribute("data-lv-key", key);
        b.setAttribute("data-lv-value", value);
      });
    });
    const actions = el("div", "lv-actions", null, inner);
    el("button", "lv-button lv-reset", "Обычная версия сайта", actions).addEventListener("click", () => { reset(); open(false, true); });
    el("button", "lv-button lv-close", "Закрыть настройки", actions).addEventListener("click", () => open(false, true));
    panel.addEventListener("click", (e) => {
      const b = e.target.closest && e.target.closest("[data-lv-key]");
      if (b) set(b.getAttribute("data-lv-key"), b.getAttribute("data-lv-value"));
    });
    toggle.addEventListener("click", () => open(panel.hidden));
    document.addEventListener("keydown", (e) => {
      if ((e.key === "Escape" || e.key === "Esc") && !panel.hidden && (panel.contains(document.activeElement) || document.activeElement === toggle)) open(false, true);
    });
    apply();
  }

  settings = load();
  apply(); // at once: <html> exists even when this runs at the top of <head>
  addEventListener("storage", (e) => { if (e.key === KEY) { settings = load(); apply(); } }); // another tab
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build); else build();
  window.praktikaLowVision = { set, reset, get: () => Object.assign({}, settings) };
})();
