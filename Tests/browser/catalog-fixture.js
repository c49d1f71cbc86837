// A synthetic window.praktikaCatalog shaped like practices/catalog-index.js.
// ?n=10000 sets the number of practices (default 10000); #offline sets offline.
(function () {
  "use strict";
  let seed = 42;
  const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const pick = (n) => Math.floor(rnd() * n);
  const params = new URLSearchParams(location.search);
  const N = +(params.get("n") || 10000);
  const words = ["Наставничество", "Подготовка к ГИА", "Учебная мотивация", "Профилактика неуспешности", "ВСОКО",
    "Управленческая команда", "Цифровая среда", "Работа с родителями", "Индивидуальные маршруты", "Сетевое взаимодействие"];
  function values(prefix, n, label) { return Array.from({ length: n }, (_, i) => label(i)); }
  const spec = [
    ["topic", "Темы", 24, (i) => words[i % words.length] + (i >= words.length ? " " + (i + 1) : "")],
    ["risk", "Факторы риска", 10, (i) => "Фактор риска № " + (i + 1)],
    ["subject", "Предметы", 16, (i) => ["Математика", "Русский язык", "Физика", "История"][i % 4] + (i >= 4 ? " " + i : "")],
    ["level", "Уровни образования", 4, (i) => ["Дошкольное", "Начальное общее", "Основное общее", "Среднее общее"][i]],
    ["audience", "Целевая аудитория", 6, (i) => "Аудитория " + (i + 1)],
    ["region", "Регион", 20, (i) => "Регион " + (i + 1)],
    ["municipality", "Муниципалитет", 400, (i) => (i % 3 ? "МО ГО «Ёлкино-" : "Муниципальный район Берёзовский-") + (i + 1) + (i % 3 ? "»" : "")],
    ["network", "Сетевое сообщество", 300, (i) => "Сеть школ № " + (i + 1)],
    ["year", "Год", 11, (i) => String(2025 - i)],
    ["status", "Статус", 2, (i) => ["Рекомендована к тиражированию", "Опубликована"][i]],
  ];
  const facets = spec.map(([key, label, n, f]) => ({ key, label, values: values(key, n, f) }));
  const slugs = {};
  spec.forEach(([key, , n]) => { slugs[key] = Array.from({ length: n }, (_, i) => key.slice(0, 3) + "-" + i); });
  const schools = Array.from({ length: 3000 }, (_, i) => (i % 2 ? "СОШ № " : "Гимназия № ") + (i + 1));
  const items = [];
  for (let i = 0; i < N; i++) {
    const recommended = i < N * 0.15 ? 1 : 0;
    const year = Math.min(10, Math.floor(i / (N / 11)));
    const f = {};
    const some = (key, n, max) => { const set = new Set(); const k = 1 + pick(max); for (let j = 0; j < k; j++) set.add(pick(n)); f[key] = Array.from(set); };
    some("topic", 24, 3); some("risk", 10, 3);
    if (rnd() < 0.7) some("subject", 16, 2);
    some("level", 4, 2);
    if (rnd() < 0.8) some("audience", 6, 2);
    const region = pick(20);
    f.region = [region];
    f.municipality = [region * 20 + pick(20)];
    if (rnd() < 0.6) f.network = [pick(300)];
    f.year = [year];
    f.status = [recommended ? 0 : 1];
    const month = 1 + pick(12), day = 1 + pick(28);
    const date = rnd() < 0.05 ? "" : `${2025 - year}-${String(month).padStart(2, "0")}` + (rnd() < 0.9 ? "-" + String(day).padStart(2, "0") : "");
    items.push([`practices/practice-${i}/`, `Практика ${i}: ` + words[pick(words.length)] + " в школе", rnd() < 0.03 ? -1 : pick(3000), date, recommended, f]);
  }
  // The default theme's practice-card.mustache rendered with slots, as praktika writes it.
  const proto = (recommended) => `<article class="card practice-card${recommended ? " is-recommended" : ""}">
  <h3 class="card-title"><a href="@@card.href@@">@@card.title@@</a></h3>
  <p class="card-meta">
    ${recommended ? '<span class="badge">Рекомендована</span>' : ""}
    <span class="card-school">@@card.school@@</span>
    <time datetime="@@card.isoDate@@">@@card.date@@</time>
  </p>
  <p class="card-summary">@@card.summary@@</p>
  <ul class="tags" aria-label="Темы"><li><a href="@@card.topic0.href@@">@@card.topic0@@</a></li><li><a href="@@card.topic1.href@@">@@card.topic1@@</a></li></ul>
</article>
`;
  const catalog = { facets, slugs, schools, items, offline: location.hash.indexOf("offline") !== -1,
    card: { plain: proto(false), recommended: proto(true) },
    months: "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split(" "),
    monthsGenitive: "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(" ") };
  // ?nodata: the page without catalog-index.js; catalog.js must leave it alone.
  if (params.has("nodata")) window.fixtureCatalog = catalog; else window.praktikaCatalog = catalog;

  // Server-rendered first page, the way practice-card.mustache writes it (with summary and tags).
  window.fixtureServerCards = function (count) {
    const root = document.getElementById("catalog").getAttribute("data-catalog-root");
    let html = "";
    const first = params.has("page2") ? count : 0; // ?page2: the server's second page
    for (let i = first; i < first + count && i < items.length; i++) {
      const it = items[i];
      html += `<article class="card practice-card${it[4] ? " is-recommended" : ""}">
  <h3 class="card-title"><a href="${root}${it[0]}${catalog.offline ? "index.html" : ""}">${it[1]}</a></h3>
  <p class="card-meta">${it[4] ? '<span class="badge">Рекомендована</span>' : ""}<span class="card-school">${schools[it[2]] || ""}</span></p>
  <p class="card-summary">Краткое описание практики с сервера.</p>
</article>`;
    }
    document.write(html);
  };
})();
