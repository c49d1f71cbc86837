// Test pages only. Runs in <head> right after lowvision.js.
// #lv=size:200,scheme:blue,images:off  applies settings;  #lv-open opens the panel.
(function () {
  "use strict";
  const html = document.documentElement;
  // What lowvision.js had applied before <body> existed (no flash of the normal version).
  window.lvAtHead = { body: !!document.body, lv: html.getAttribute("data-lv"), size: html.getAttribute("data-lv-size"), scheme: html.getAttribute("data-lv-scheme") };
  const m = /lv=([^&#]*)/.exec(location.hash);
  if (m && window.praktikaLowVision) {
    m[1].split(",").forEach((pair) => { const [k, v] = pair.split(":"); window.praktikaLowVision.set(k, v); });
  }
  if (/lv-open/.test(location.hash)) {
    document.addEventListener("DOMContentLoaded", () => {
      const t = document.getElementById("lowvision-toggle");
      if (t && t.getAttribute("aria-expanded") !== "true") t.click();
    });
  }
})();
