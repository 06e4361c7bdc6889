/*
 * app.js: the dashboard's pages, one init function per <body data-page>.
 *
 * Everything a document or an analyst wrote reaches the page through
 * textContent (the el() helper never parses markup), so evidence holding
 * "<script>" is shown as those characters; the server's CSP forbids
 * inline scripts besides.  Writes send the session's CSRF token, which
 * /api/session hands to this page, in the X-CSRF-Token header.
 *
 * Spans are code points (the store's contract); JavaScript strings are
 * UTF-16, so cpToUnit() converts before slicing.
 */
"use strict";

const S = { user: null, csrf: null };

/* el("td", {class: "num"}, "text", childNode, ...): strings become text
 * nodes, never markup. */
function el(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") n.className = v;
    else if (k === "text") n.textContent = v;
    else if (k.startsWith("on")) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of kids) {
    if (c === null || c === undefined) continue;
    n.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return n;
}

function clear(n) {
  while (n.firstChild) n.removeChild(n.firstChild);
  return n;
}

async function api(path, opts = {}) {
  const init = { method: opts.method || "GET", headers: {}, credentials: "same-origin" };
  if (opts.body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(opts.body);
  }
  if (init.method !== "GET" && S.csrf) init.headers["X-CSRF-Token"] = S.csrf;
  const r = await fetch(path, init);
  let data = null;
  try { data = await r.json(); } catch (e) { data = null; }
  if (!r.ok) {
    const err = new Error((data && data.error) || r.statusText);
    err.status = r.status;
    throw err;
  }
  return data;
}

/* Index in UTF-16 units of code point cp in s. */
function cpToUnit(s, cp) {
  let i = 0;
  for (let n = 0; n < cp && i < s.length; n++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
  }
  return i;
}

function fmtNum(v) {
  if (v === null || v === undefined) return "";
  if (v >= 1e9 && v % 1e7 === 0) return (v / 1e9) + " bn";
  if (v >= 1e6 && v % 1e4 === 0) return (v / 1e6) + " m";
  return String(v);
}

function fmtValue(f) {
  return f.value === null ? "" : fmtNum(f.value) + (f.currency ? " " + f.currency : "");
}

function fmtQty(f) {
  return f.quantity === null ? "" : fmtNum(f.quantity) + (f.unit && f.unit !== "item" ? " " + f.unit : "");
}

function reviewBadge(rv) {
  const st = rv ? rv.status : "unreviewed";
  return el("span", { class: "badge " + st, text: st });
}

function params() {
  return new URLSearchParams(location.search);
}

/* ---- session ------------------------------------------------------------ */

async function loadSession() {
  try {
    const s = await api("/api/session");
    S.user = s.user;
    S.csrf = s.csrf;
  } catch (e) {
    S.user = S.csrf = null;
  }
  const who = clear(document.getElementById("who"));
  if (S.user) {
    who.append(el("span", { class: "user", text: S.user }), " ",
      el("button", { type: "button", id: "logout", onclick: logout, text: "Log out" }));
  } else {
    const next = encodeURIComponent(location.pathname + location.search);
    who.append(el("a", { href: "/login.html?next=" + next, id: "login-nav", text: "Log in" }));
  }
}

async function logout() {
  try { await api("/api/logout", { method: "POST", body: {} }); } catch (e) { /* gone already */ }
  location.reload();
}

/* ---- overview ----------------------------------------------------------- */

const PALETTE = ["#2f6db5", "#d9822b", "#3a9a5b", "#b5402f", "#7b5ab5", "#2a9aa6",
  "#a6862a", "#b54f8c", "#5b6770", "#8fb52f"];

function chart(id, cfg) {
  const c = document.getElementById(id);
  cfg.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false },
    cfg.options || {});
  return new Chart(c, cfg);
}

function bar(id, labels, data, label, color, horizontal) {
  return chart(id, {
    type: "bar",
    data: { labels, datasets: [{ label, data, backgroundColor: color }] },
    options: { indexAxis: horizontal ? "y" : "x", plugins: { legend: { display: false } },
      scales: { [horizontal ? "x" : "y"]: { ticks: { precision: label === "facts" ? 0 : undefined } } } }
  });
}

async function pageOverview() {
  const st = await api("/api/stats");
  const cards = document.getElementById("cards");
  const card = (label, v, id) => el("div", { class: "card", id }, el("strong", { text: String(v) }), el("span", { text: label }));
  cards.append(card("documents", st.documents, "c-docs"), card("facts", st.facts, "c-facts"),
    card("with several sources", st.multi_source, "c-multi"),
    card("contradictory", st.contradictions, "c-contra"),
    card("confirmed or corrected", st.reviews.confirmed + st.reviews.corrected, "c-rev"),
    card("rejected", st.reviews.rejected, "c-rej"));
  if (st.stale) cards.append(el("p", { class: "warn", text: "Records changed since the facts were merged: run supplyline ingest --rebuild." }));
  const cur = st.currency || "";
  document.getElementById("cap-value").textContent = "Value by donor" + (cur ? " (" + cur + ")" : "");
  const d = st.by_donor;
  bar("ch-donor", d.map(x => x.key), d.map(x => x.facts), "facts", PALETTE[0]);
  bar("ch-value", d.map(x => x.key), d.map(x => x.value), "value " + cur, PALETTE[1]);
  bar("ch-category", st.by_category.map(x => x.key), st.by_category.map(x => x.facts), "facts", PALETTE[2], true);
  chart("ch-type", {
    type: "doughnut",
    data: { labels: st.by_type.map(x => x.key),
      datasets: [{ data: st.by_type.map(x => x.facts), backgroundColor: PALETTE }] },
    options: { plugins: { legend: { position: "right" } } }
  });
  const m = st.by_month;
  chart("ch-time", {
    type: "bar",
    data: { labels: m.map(x => x.key), datasets: [
      { type: "bar", label: "facts", data: m.map(x => x.facts), backgroundColor: PALETTE[0], yAxisID: "y" },
      { type: "line", label: "value " + cur, data: m.map(x => x.value), borderColor: PALETTE[1],
        backgroundColor: PALETTE[1], yAxisID: "y1" }] },
    options: { scales: { y: { position: "left", ticks: { precision: 0 }, title: { display: true, text: "facts" } },
      y1: { position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: cur || "value" } } } }
  });
  const cvd = d.filter(x => x.committed.facts || x.delivered.facts);
  chart("ch-cvd", {
    type: "bar",
    data: { labels: cvd.map(x => x.key), datasets: [
      { label: "committed", data: cvd.map(x => x.committed.facts), backgroundColor: PALETTE[4] },
      { label: "delivered", data: cvd.map(x => x.delivered.facts), backgroundColor: PALETTE[2] }] },
    options: { scales: { y: { ticks: { precision: 0 } } } }
  });
  document.body.dataset.ready = "1";
}

/* ---- facts table -------------------------------------------------------- */

const FILTERS = ["donor", "recipient", "type", "category", "since", "until", "reviewed"];
const PAGE = 50;

async function pageFacts() {
  const form = document.getElementById("filters");
  const q = params();
  for (const k of FILTERS) if (q.get(k)) form.elements[k].value = q.get(k);
  let offset = Number(q.get("offset") || 0) || 0;

  async function load() {
    const p = new URLSearchParams();
    for (const k of FILTERS) {
      const v = form.elements[k].value.trim();
      if (v && !(k === "reviewed" && v === "all")) p.set(k, v);
    }
    const csv = new URLSearchParams(p);
    csv.set("format", "csv");
    document.getElementById("csv").href = "/api/facts?" + csv.toString();
    if (offset) p.set("offset", String(offset));
    history.replaceState(null, "", "?" + p.toString());
    p.set("limit", String(PAGE));
    const body = clear(document.querySelector("#facts tbody"));
    const sum = document.getElementById("summary");
    let res;
    try {
      res = await api("/api/facts?" + p.toString());
    } catch (e) {
      sum.textContent = "Error: " + e.message;
      sum.className = "error";
      document.body.dataset.ready = "1";
      return;
    }
    sum.className = "muted";
    sum.textContent = res.total + " fact" + (res.total === 1 ? "" : "s") +
      (res.total ? ", showing " + (offset + 1) + "–" + Math.min(offset + PAGE, res.total) : "");
    for (const f of res.facts) {
      const donor = (f.donor || "?") + (f.consent_by ? " / " + f.consent_by : "");
      body.append(el("tr", { "data-fact": f.fact_id },
        el("td", {}, el("a", { href: "/fact.html?id=" + f.fact_id, text: String(f.fact_id) })),
        el("td", { text: f.measure }), el("td", { text: donor }), el("td", { text: f.recipient || "?" }),
        el("td", { text: f.category || "" }), el("td", { text: f.system || "" }),
        el("td", { text: f.item || "" }), el("td", { class: "num", text: fmtQty(f) }),
        el("td", { class: "num", text: fmtValue(f) }), el("td", { text: f.announcement_date || "" }),
        el("td", { class: "num", text: String(f.n_sources) + (f.contradiction ? " !" : "") }),
        el("td", {}, reviewBadge(f.review))));
    }
    document.getElementById("page").textContent = res.total ? "page " + (Math.floor(offset / PAGE) + 1) + " of " + Math.ceil(res.total / PAGE) : "";
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = offset + PAGE >= res.total;
    document.body.dataset.ready = "1";
  }
  form.addEventListener("submit", ev => { ev.preventDefault(); offset = 0; document.body.dataset.ready = ""; load(); });
  document.getElementById("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); load(); });
  document.getElementById("next").addEventListener("click", () => { offset += PAGE; load(); });
  await load();
}

/* ---- one fact ----------------------------------------------------------- */

/* The document text with [a, b) (code points) in a <mark>. */
function highlighted(text, span) {
  const a = cpToUnit(text, span[0]), b = cpToUnit(text, span[1]);
  return el("pre", { class: "doctext" }, text.slice(0, a),
    el("mark", { class: "evidence", text: text.slice(a, b) }), text.slice(b));
}

const CORRECTABLE = [["donor", "text"], ["recipient", "text"], ["consent_by", "text"], ["category", "text"],
  ["system", "text"], ["item", "text"], ["quantity", "number"], ["unit", "text"], ["value", "number"],
  ["currency", "text"], ["when", "text"]];

function factTable(f) {
  const rows = [["Measure", f.measure], ["Donor", f.donor], ["Recipient", f.recipient],
    ["Consent of", f.consent_by], ["Category", f.category], ["System", f.system], ["Item", f.item],
    ["Quantity", fmtQty(f)], ["Value", fmtValue(f)], ["Date", f.when || ""],
    ["Reported", (f.first_report || "?") + (f.last_report && f.last_report !== f.first_report ? " – " + f.last_report : "")],
    ["Sources", String(f.n_sources)], ["Conflict", f.contradiction ? f.conflict || "yes" : ""],
    ["Linked fact", f.linked_fact ? el("a", { href: "/fact.html?id=" + f.linked_fact, text: String(f.linked_fact) }) : ""]];
  return el("table", { class: "kv" }, ...rows.filter(r => r[1] !== null && r[1] !== "")
    .map(r => el("tr", {}, el("th", { text: r[0] }), el("td", {}, r[1]))));
}

async function pageFact() {
  const id = params().get("id");
  const box = document.getElementById("fact");
  if (!id || !/^[0-9]+$/.test(id)) { box.textContent = "No fact given."; return; }
  let f;
  try {
    f = await api("/api/facts/" + id);
  } catch (e) {
    box.append(el("p", { class: "error", text: e.message }));
    document.body.dataset.ready = "1";
    return;
  }
  document.getElementById("title").textContent = "Fact " + f.fact_id + ": " + f.measure + " " +
    (f.donor || "?") + " → " + (f.recipient || "?");
  document.title = "Fact " + f.fact_id + " · supplyline";
  box.append(factTable(f));
  renderReview(f);

  const src = document.getElementById("sources");
  for (const s of f.sources) {
    const head = el("h3", {}, s.doc, s.date ? " (" + s.date + ")" : "");
    const sec = el("article", { class: "source", "data-doc": s.doc }, head);
    if (s.url && /^https?:\/\//.test(s.url)) sec.append(el("p", {}, el("a", { href: s.url, rel: "noopener noreferrer", text: s.url })));
    sec.append(el("p", { class: "muted", text: "record " + s.record + ", " + s.type + (s.quantity !== null ? ", quantity " + fmtNum(s.quantity) : "") }));
    src.append(sec);
    try {
      const d = await api("/api/documents/" + encodeURIComponent(s.doc));
      if (d.text !== null) sec.append(highlighted(d.text, s.span));
      else sec.append(el("blockquote", { class: "evidence", text: s.evidence }),
        el("p", { class: "muted", text: "The document's text is not stored (ingested before schema 2); the evidence is shown alone." }));
    } catch (e) {
      sec.append(el("blockquote", { class: "evidence", text: s.evidence }));
    }
  }
  const first = document.querySelector("mark.evidence");
  if (first) first.scrollIntoView({ block: "center" });
  document.body.dataset.ready = "1";
}

function renderReview(f) {
  const sec = document.getElementById("review");
  sec.hidden = false;
  const st = clear(document.getElementById("review-state"));
  st.append(reviewBadge(f.review));
  if (f.review) st.append(" by ", el("strong", { text: f.review.by }), " at " + f.review.at);
  if (!S.user) {
    document.getElementById("review-login").hidden = false;
    document.getElementById("login-link").href = "/login.html?next=" + encodeURIComponent(location.pathname + location.search);
    return;
  }
  document.getElementById("review-form").hidden = false;
  const form = clear(document.getElementById("correct"));
  for (const [k, type] of CORRECTABLE) {
    const v = k === "when" ? f.when : f[k];
    form.append(el("label", {}, k + " ", el("input", { name: k, type, step: type === "number" ? "any" : null, value: v === null || v === undefined ? "" : v })));
  }
  form.append(el("button", { type: "submit", text: "Save correction" }));
  const send = async (action, fields) => {
    const msg = document.getElementById("review-msg");
    try {
      const note = document.getElementById("note").value.trim();
      const body = { action };
      if (note) body.note = note;
      if (fields) body.fields = fields;
      const r = await api("/api/facts/" + f.fact_id + "/review", { method: "POST", body });
      msg.className = "ok";
      msg.textContent = "Saved (audit entry " + r.audit_id + ").";
      const st2 = clear(document.getElementById("review-state"));
      st2.append(reviewBadge(r.fact.review), " by ", el("strong", { text: r.fact.review.by }), " at " + r.fact.review.at);
      const box = clear(document.getElementById("fact"));
      box.append(factTable(r.fact));
    } catch (e) {
      msg.className = "error";
      msg.textContent = "Not saved: " + e.message;
    }
  };
  document.getElementById("confirm").onclick = () => send("confirm");
  document.getElementById("reject").onclick = () => send("reject");
  form.onsubmit = ev => {
    ev.preventDefault();
    const fields = {};
    for (const [k, type] of CORRECTABLE) {
      const raw = form.elements[k].value.trim();
      const old = k === "when" ? f.when : f[k];
      const v = raw === "" ? null : type === "number" ? Number(raw) : raw;
      if (v !== (old === undefined ? null : old)) fields[k] = v;
    }
    if (!Object.keys(fields).length) {
      document.getElementById("review-msg").textContent = "Nothing changed.";
      return;
    }
    send("correct", fields);
  };
}

/* ---- consent board ------------------------------------------------------ */

async function pageConsent() {
  const b = await api("/api/consent");
  const body = document.querySelector("#board tbody");
  for (const en of b.entries) {
    const chain = en.chain.map(h => h.state + (h.link !== "donor" ? " (" + h.link + ")" : "")).join(" → ");
    const what = (en.system || en.category || "materiel");
    const tr0 = (c, first) => el("tr", { class: "st-" + c.status },
      first ? el("td", {}, el("a", { href: en.fact_id ? "/fact.html?id=" + en.fact_id : "#", text: (en.measure || "query") + " " + en.donor + " → " + en.recipient }), ": " + what) : el("td"),
      el("td", { text: first ? en.date || "" : "" }), el("td", { text: first ? chain : "" }),
      el("td", { text: c.consent_by }), el("td", { text: c.needs }),
      el("td", {}, el("span", { class: "badge " + c.status, text: c.status + (c.status_date ? " " + c.status_date : "") })),
      el("td", { class: "basis", title: c.rule_note || "", text: c.basis + " (" + c.rule + ")" }));
    en.consents.forEach((c, i) => body.append(tr0(c, i === 0)));
  }
  if (!b.entries.length) body.append(el("tr", {}, el("td", { colspan: 7, text: "No stored transfer needs a consent the rules know of." })));
  const ub = document.querySelector("#unmatched tbody");
  for (const u of b.unmatched) {
    const ev = u.fact.sources.length ? u.fact.sources[0].evidence : "";
    ub.append(el("tr", {}, el("td", {}, el("a", { href: "/fact.html?id=" + u.fact.fact_id, text: String(u.fact.fact_id) })),
      el("td", { text: u.donor || "?" }), el("td", { text: u.consent_by || "?" }), el("td", { text: u.recipient || "?" }),
      el("td", { text: u.system || u.category || "" }), el("td", {}, el("span", { class: "badge " + u.status, text: u.status })),
      el("td", { class: "ev", text: ev })));
  }
  document.body.dataset.ready = "1";
}

/* ---- login and audit ---------------------------------------------------- */

async function pageLogin() {
  const form = document.getElementById("login");
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const msg = document.getElementById("login-msg");
    try {
      await api("/api/login", { method: "POST", body: { user: form.elements.user.value, password: form.elements.password.value } });
      const next = params().get("next") || "/";
      location.href = next.startsWith("/") && !next.startsWith("//") ? next : "/";
    } catch (e) {
      msg.className = "error";
      msg.textContent = e.message;
    }
  });
  document.body.dataset.ready = "1";
}

function auditWhat(a) {
  if (a.action === "correct" && a.fields) return Object.entries(a.fields).map(([k, v]) => k + " = " + (v === null ? "∅" : v)).join(", ");
  if (a.fact) return a.fact.measure + " " + (a.fact.donor || "?") + " → " + (a.fact.recipient || "?") + (a.fact.item ? ": " + a.fact.item : "");
  return a.note && a.action === "user" ? "analyst " + a.note : "";
}

async function pageAudit() {
  let offset = 0;
  const load = async () => {
    const r = await api("/api/audit?limit=" + PAGE + "&offset=" + offset);
    const body = clear(document.querySelector("#audit tbody"));
    for (const a of r.entries) {
      body.append(el("tr", { "data-action": a.action },
        el("td", { text: String(a.id) }), el("td", { text: a.at }), el("td", { text: a.user }),
        el("td", {}, el("span", { class: "badge " + a.action, text: a.action })),
        el("td", {}, a.fact_id ? el("a", { href: "/fact.html?id=" + a.fact_id, text: String(a.fact_id) }) : ""),
        el("td", { text: auditWhat(a) }), el("td", { text: a.action === "user" ? "" : a.note || "" })));
    }
    document.getElementById("page").textContent = r.total + " entries";
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = offset + PAGE >= r.total;
    document.body.dataset.ready = "1";
  };
  document.getElementById("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); load(); });
  document.getElementById("next").addEventListener("click", () => { offset += PAGE; load(); });
  await load();
}

/* ---- start -------------------------------------------------------------- */

const PAGES = { overview: pageOverview, facts: pageFacts, fact: pageFact, consent: pageConsent,
  login: pageLogin, audit: pageAudit };

document.addEventListener("DOMContentLoaded", async () => {
  const page = document.body.dataset.page;
  const nav = document.querySelector('nav.main a[data-nav="' + page + '"]');
  if (nav) nav.classList.add("active");
  await loadSession();
  try {
    await PAGES[page]();
  } catch (e) {
    document.querySelector("main").append(el("p", { class: "error", text: "Error: " + e.message }));
    document.body.dataset.ready = "1";
  }
});
