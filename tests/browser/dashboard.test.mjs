// dashboard.test.mjs: the dashboard in a real browser: playwright-core
// (npm, pinned by package-lock.json) driving Debian's chromium headless
// against `supplyline serve` started by tests/serve_browser.sh (SL_URL).
// Screenshots go to tests/browser/artifacts/ for a person to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const URL = process.env.SL_URL;
const PASSWORD = process.env.SL_PASSWORD;
const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, "artifacts");
mkdirSync(shots, { recursive: true });
let browser, profile, page;
const pageErrors = [];
const dialogs = [];

before(async () => {
  assert.ok(URL, "SL_URL is set by tests/serve_browser.sh");
  profile = mkdtempSync(join(tmpdir(), "sl-chromium-"));
  // a fresh, empty profile every run (playwright passes it as --user-data-dir)
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage();
  page.on("pageerror", e => pageErrors.push(String(e)));
  // the one refused request the tests make on purpose: a wrong password
  page.on("console", m => {
    if (m.type() === "error" && !(/status of 401/.test(m.text()) && /\/api\/login$/.test(m.location().url)))
      pageErrors.push(m.text() + " " + m.location().url);
  });
  page.on("dialog", d => { dialogs.push(d.message()); d.dismiss(); });
  // no request may leave the machine: the pages work with no network
  page.on("request", r => {
    if (!r.url().startsWith(URL) && !r.url().startsWith("data:")) pageErrors.push("external request " + r.url());
  });
});

after(async () => {
  if (browser) await browser.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function open(path) {
  await page.goto(URL + path);
  await page.waitForSelector("body[data-ready='1']", { timeout: 15000 });
}

test("overview renders every chart with data", async () => {
  await open("/");
  const charts = await page.$$eval("canvas[data-chart]", cs => cs.map(c => {
    const ch = window.Chart.getChart(c);
    const data = ch ? ch.data.datasets.map(d => d.data.reduce((a, b) => a + (Number(b) || 0), 0)) : [];
    // a rendered canvas has non-background pixels
    const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++;
    return { id: c.id, labels: ch ? ch.data.labels.length : 0, data, ink, w: c.width };
  }));
  assert.equal(charts.length, 6);
  for (const c of charts) {
    assert.ok(c.labels > 0, c.id + " has labels");
    assert.ok(c.data.some(v => v > 0), c.id + " has data");
    assert.ok(c.ink > 1000, c.id + " drew something");
  }
  const donors = await page.$eval("#ch-donor", c => window.Chart.getChart(c).data.labels);
  for (const d of ["NL", "DE", "US", "PL"]) assert.ok(donors.includes(d), "donor " + d + " in the chart");
  assert.match(await page.textContent("#c-facts"), /\d+\s*facts/);
  await page.screenshot({ path: join(shots, "overview.png"), fullPage: true });
});

test("facts table filters and links the CSV", async () => {
  await open("/facts.html");
  const all = await page.$$eval("#facts tbody tr", r => r.length);
  assert.ok(all >= 8);
  await page.fill("input[name=donor]", "NL");
  await page.evaluate(() => { document.body.dataset.ready = ""; });
  await page.click("#filters button[type=submit]");
  await page.waitForSelector("body[data-ready='1']");
  const rows = await page.$$eval("#facts tbody tr", r => r.map(x => x.children[2].textContent));
  assert.ok(rows.length >= 1 && rows.length < all);
  assert.ok(rows.every(d => d === "NL"));
  const csv = await page.getAttribute("#csv", "href");
  assert.match(csv, /format=csv/);
  assert.match(csv, /donor=NL/);
  const r = await page.request.get(URL + csv);
  assert.equal(r.status(), 200);
  assert.match(await r.text(), /^fact_id,donor,/);
  assert.match(page.url(), /donor=NL/);
  await page.screenshot({ path: join(shots, "facts-filtered.png"), fullPage: true });
});

test("a fact shows each source with the evidence highlighted", async () => {
  await open("/facts.html?donor=NL");
  await page.click("#facts tbody tr a");
  await page.waitForSelector("body[data-ready='1']");
  assert.match(page.url(), /fact\.html\?id=\d+/);
  const marks = await page.$$eval("mark.evidence", ms => ms.map(m => m.textContent));
  assert.equal(marks.length, 2, "two sources, two highlights");
  // the first document has emoji before the evidence: astral code points
  // are two UTF-16 units, so a naive slice would be off
  assert.equal(marks[0], "The Netherlands delivered 12 PzH 2000 howitzers to Ukraine last week.");
  assert.match(marks[1], /^A spokesman confirmed that the Netherlands delivered 12 PzH 2000/);
  const before = await page.$eval("pre.doctext", p => p.firstChild.textContent);
  assert.match(before, /🇳🇱🇺🇦 continues\. $/);
  await page.screenshot({ path: join(shots, "fact.png"), fullPage: true });
});

test("document text with markup is shown as text", async () => {
  await open("/facts.html?donor=NO");
  await page.click("#facts tbody tr a");
  await page.waitForSelector("body[data-ready='1']");
  const mark = await page.textContent("mark.evidence");
  assert.match(mark, /<script>alert\("xss"\)<\/script>/);
  assert.match(mark, /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.$$eval("pre.doctext script, pre.doctext img, pre.doctext b", n => n.length), 0);
  assert.deepEqual(dialogs, []);
  await page.screenshot({ path: join(shots, "fact-xss.png"), fullPage: true });
});

test("the consent board lists transfers and consents", async () => {
  await open("/consent.html");
  const n = await page.$$eval("#board tbody tr, #unmatched tbody tr", r => r.length);
  assert.ok(n >= 1);
  assert.match(await page.textContent("main"), /Leopard 2/);
  await page.screenshot({ path: join(shots, "consent.png"), fullPage: true });
});

test("log in, confirm a fact, see it in the audit log", async () => {
  await open("/facts.html?donor=PL&type=delivered");
  const href = await page.getAttribute("#facts tbody tr a", "href");
  await open(href);
  assert.equal(await page.isVisible("#review-form"), false);
  await page.click("#login-link");
  await page.waitForSelector("body[data-ready='1']");
  await page.fill("input[name=user]", "alice");
  await page.fill("input[name=password]", "wrong password");
  await page.click("#login button[type=submit]");
  await page.waitForSelector("#login-msg.error");
  assert.match(await page.textContent("#login-msg"), /wrong/);
  await page.fill("input[name=password]", PASSWORD);
  await page.click("#login button[type=submit]");
  await page.waitForURL(/fact\.html\?id=\d+/);
  await page.waitForSelector("body[data-ready='1']");
  assert.equal(await page.textContent("#who .user"), "alice");
  const cookies = await page.context().cookies();
  const sess = cookies.find(c => c.name === "sl_session");
  assert.ok(sess && sess.httpOnly && sess.sameSite === "Strict");
  assert.equal(await page.evaluate(() => document.cookie), "", "the session cookie is not readable by scripts");
  await page.fill("#note", "checked against <i>two</i> reports");
  await page.click("#confirm");
  await page.waitForSelector("#review-msg.ok");
  assert.match(await page.textContent("#review-state"), /confirmed by alice/);
  await page.screenshot({ path: join(shots, "fact-confirmed.png"), fullPage: true });

  await open("/audit.html");
  const first = await page.$eval("#audit tbody tr", tr => [...tr.children].map(td => td.textContent));
  assert.equal(first[2], "alice");
  assert.equal(first[3], "confirm");
  assert.equal(first[4], href.split("=")[1]);
  assert.equal(first[6], "checked against <i>two</i> reports");
  assert.match(first[5], /delivered PL → UA/);
  await page.screenshot({ path: join(shots, "audit.png"), fullPage: true });

  await open("/facts.html?reviewed=only");
  const reviewed = await page.$$eval("#facts tbody tr", r => r.map(x => x.children[11].textContent));
  assert.ok(reviewed.length >= 1 && reviewed.every(s => s === "confirmed" || s === "corrected"));
});

test("no script errors and no external requests", () => {
  assert.deepEqual(pageErrors, []);
});
