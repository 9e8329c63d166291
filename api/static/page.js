// The signals whose evidence is highlighted, with their Arabic labels and colours, as the
// server declares them (GET /v1/signals): name -> {label_ar, colour}.
let SIGNALS = {};
const signalsLoaded = fetch("/v1/signals")
  .then(response => response.json())
  .then(specs => { SIGNALS = Object.fromEntries(specs.filter(s => s.colour).map(s => [s.name, s])); });
const LABELS = { credible: "موثوق", uncertain: "غير محسوم", not_credible: "ضعيف المصداقية" };
const SUBSCORES = { sourcing: "جودة المصادر", hedging: "التحوّط", sensationalism: "الإثارة" };
// What each sub-score measures, shown when the pointer rests on its bar.
const SUBSCORE_HELP = {
  sourcing: "حصة المصادر المسمّاة بين كل المصادر، والاقتباسات المباشرة، وعدد المصادر المسمّاة، ناقص الإسناد عبر أكثر من حلقتين. الأعلى أفضل، وصفر حين لا يُسند الخبر إلى أحد.",
  hedging: "عبارات التحوّط والتشكيك («ربما»، «من المرجح»، «أنباء عن») لكل ألف كلمة. الأعلى يعني خبرًا أقل جزمًا.",
  sensationalism: "مؤشرات الإثارة في العنوان (علامات التعجب والاستفهام والكلمات المثيرة) والكلمات المقطّعة للتمويه. الأعلى يعني إثارة أكثر.",
};

// The server counts characters (code points); JavaScript strings count UTF-16 units, and a
// character outside the Basic Multilingual Plane (an emoji) is two units. unitAt[i] is the
// UTF-16 index of code point i.
function unitOffsets(text) {
  const unitAt = [0];
  let unit = 0;
  for (const character of text) {
    unit += character.length;
    unitAt.push(unit);
  }
  return unitAt;
}

function highlight(container, text, spans) {
  container.textContent = "";
  const unitAt = unitOffsets(text);
  const part = (start, end) => text.slice(unitAt[start], unitAt[end]);
  let position = 0;
  const ordered = spans.filter(s => s.signal in SIGNALS).sort((a, b) => a.start - b.start || b.end - a.end);
  for (const span of ordered) {
    if (span.start < position) continue;
    container.append(document.createTextNode(part(position, span.start)));
    const mark = document.createElement("mark");
    mark.dataset.signal = span.signal;
    mark.title = SIGNALS[span.signal].label_ar;
    mark.style.backgroundColor = SIGNALS[span.signal].colour;  // CSSOM: allowed by the CSP
    mark.textContent = part(span.start, span.end);
    container.append(mark);
    position = span.end;
  }
  container.append(document.createTextNode(part(position, unitAt.length - 1)));
}

function show(result) {
  document.getElementById("placeholder").classList.add("hidden");
  document.getElementById("error").classList.add("hidden");
  document.getElementById("result").classList.remove("hidden");
  document.getElementById("score").textContent = Math.round(result.score);
  const label = document.getElementById("label");
  label.textContent = LABELS[result.label];
  label.className = "label " + result.label;
  const subscores = document.getElementById("subscores");
  subscores.textContent = "";
  for (const [key, name] of Object.entries(SUBSCORES)) {
    const value = result.subscores[key];
    const item = document.createElement("div");
    item.title = SUBSCORE_HELP[key];
    const caption = document.createElement("div");
    const figure = document.createElement("b");
    figure.textContent = Math.round(value);
    caption.append(`${name}: `, figure);
    const bar = document.createElement("div");
    bar.className = "bar";
    const fill = document.createElement("div");
    fill.style.width = `${value}%`;  // through the CSSOM: allowed by the page's CSP
    bar.append(fill);
    item.append(caption, bar);
    subscores.append(item);
  }
  document.getElementById("why").textContent = "أبرز العوامل: " + result.contributions
    .map(c => c.reason).join("، ");
  const legend = document.getElementById("legend");
  legend.textContent = "";
  for (const [key, spec] of Object.entries(SIGNALS)) {
    const count = result.evidence.filter(s => s.signal === key).length;
    const item = document.createElement("span");
    item.className = "key " + key;
    item.style.backgroundColor = spec.colour;
    item.textContent = `${spec.label_ar} (${count})`;
    legend.append(item);
  }
  highlight(document.getElementById("article-title"), result.title, result.evidence.filter(s => s.field === "title"));
  highlight(document.getElementById("article-body"), result.body, result.evidence.filter(s => s.field === "body"));
}

// A pasted web page (HTML) goes to the server as a page: it finds the title and the text.
function article() {
  const body = document.getElementById("body").value;
  if (/^\s*</.test(body) && /<\/[a-zA-Z][a-zA-Z0-9]*\s*>/.test(body)) return { html: body };
  return { title: document.getElementById("title").value, body };
}

document.getElementById("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const button = document.getElementById("submit");
  button.disabled = true;
  try {
    const response = await fetch("/v1/score", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(article()),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || response.statusText);
    await signalsLoaded;
    show(data);
  } catch (error) {
    const box = document.getElementById("error");
    box.textContent = "تعذّر التقييم: " + error.message;
    box.classList.remove("hidden");
  } finally {
    button.disabled = false;
  }
});

// ---------------------------------------------------------------- outlet profiles (upload)
const PROFILE_MAX_BYTES = 1.5 * 1024 * 1024;  // under the service's request limit
const PROFILE_MAX_ARTICLES = 1000;

// Rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks).
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.filter(r => r.some(v => v)).map(r => Object.fromEntries(header.map((h, k) => [h.trim(), r[k] ?? ""])));
}

function parseRows(name, text) {
  if (/\.(jsonl|ndjson)$/i.test(name)) {
    return text.split(/\r?\n/).filter(line => line.trim()).map(line => JSON.parse(line));
  }
  return parseCsv(text);
}

function cell(row, name) {
  const td = document.createElement("td");
  td.className = "number";
  const value = row[name], low = row[name + "_low"], high = row[name + "_high"];
  td.textContent = value === null ? "—" : value.toFixed(2) + " ";
  if (low !== null && high !== null) {
    const interval = document.createElement("span");
    interval.className = "interval";
    interval.textContent = `[${low.toFixed(2)}–${high.toFixed(2)}]`;
    td.append(interval);
  }
  return td;
}

// The outlet table, its measures named as the server labels them.
function showProfile({ measures, outlets }) {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const name of ["المنفذ", "الأخبار", "أخطاء", ...measures.map(m => m.label_ar)]) {
    const th = document.createElement("th");
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of outlets) {
    const tr = body.insertRow();
    if (!row.ranked) tr.className = "apart";
    for (const value of [row.outlet, row.articles, row.errors]) tr.insertCell().textContent = value;
    for (const { name } of measures) tr.append(cell(row, name));
  }
  const container = document.getElementById("profile-table");
  container.textContent = "";
  container.append(table);
}

document.getElementById("profile-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = document.getElementById("profile-error");
  const button = document.getElementById("profile-submit");
  error.classList.add("hidden");
  button.disabled = true;
  try {
    const file = document.getElementById("profile-file").files[0];
    if (!file) throw new Error("اختر ملفًا أولًا");
    if (file.size > PROFILE_MAX_BYTES) throw new Error("الملف أكبر من 1٫5 ميغابايت");
    const column = document.getElementById("profile-column").value.trim();
    const rows = parseRows(file.name, await file.text()).slice(0, PROFILE_MAX_ARTICLES);
    const articles = rows
      .filter(r => r[column] && (r.body || r.content))
      .map(r => ({ source: String(r[column]), title: r.title ? String(r.title) : null, body: String(r.body || r.content) }));
    if (!articles.length) throw new Error(`لا أخبار فيها عمود «${column}» ونص`);
    const response = await fetch("/v1/profile", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ articles, min_articles: 5 }),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || response.statusText);
    showProfile(data);
  } catch (problem) {
    error.textContent = "تعذّر إعداد الملف: " + problem.message;
    error.classList.remove("hidden");
  } finally {
    button.disabled = false;
  }
});
