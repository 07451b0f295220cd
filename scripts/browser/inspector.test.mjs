// The local server's inspector in a real browser: Debian's chromium driven by playwright-core (no browser is
// downloaded). Serves samples/readthrough/bin/main.wasm with the server jar, the embedded demo origin as its backend
// and a few stores, then loads the page, makes requests and purges, and checks what the page shows.
//
//   cd scripts/browser && npm ci && npm test
//
// Needs `mvn install` (the server jar and the sample's main.wasm) and /usr/bin/chromium (or CHROMIUM). PORT (default
// 7951) is the server's port, PORT+1 the inspector's, PORT+2 the origin's. INSPECTOR_SCREENSHOT=FILE saves a
// screenshot of the page with requests of each kind (docs/inspector.png is made that way).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const port = Number(process.env.PORT || 7951);
const server = `http://127.0.0.1:${port}`;
const inspector = `http://127.0.0.1:${port + 1}/`;
const originPort = port + 2;
const SECRET = "s3cr3t-never-shown";
const WAIT = 15000;

let serverProcess;
let serverOutput = "";
let browser;
let page;
let work;

function serverJar() {
  const dir = path.join(root, "sdk-testkit/local-server/target");
  const jar = fs.existsSync(dir) && fs.readdirSync(dir).find((f) => /^compute-java-local-server-.*-server\.jar$/.test(f));
  if (!jar) throw new Error(`the server jar is missing in ${dir}: run mvn install first`);
  return path.join(dir, jar);
}

async function get(p, init) {
  const r = await fetch(server + p, init);
  await r.arrayBuffer();
  return r;
}

async function cacheOf(p) {
  return (await get(p)).headers.get("x-cache");
}

/** The page's rows for a client request path, newest first. */
function requestRows(p) {
  return page.locator("#request-table tbody.request").filter({ has: page.locator(`td.url`, { hasText: new RegExp(`^${p.replace(/[?]/g, "\\?")}$`) }) });
}

function cacheRow(labelEnd) {
  return page.locator("#cache-rows tr").filter({ has: page.locator("td", { hasText: new RegExp(`${labelEnd}$`) }) });
}

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "inspector-"));
  const manifest = path.join(work, "fastly.toml");
  fs.writeFileSync(manifest, `
[local_server.backends.origin]
url = "http://127.0.0.1:${originPort}/"

[local_server.config_stores.settings]
format = "inline-toml"
contents = { greeting = "hej", colour = "blue" }

[local_server.kv_stores]
catalogue = [ { key = "item-1", data = "a small value" }, { key = "item-2", data = "another" } ]

[local_server.secret_stores]
vault = [ { key = "api-token", data = "${SECRET}" } ]
`);
  const wasm = process.env.INSPECTOR_WASM || path.join(root, "samples/readthrough/bin/main.wasm");
  if (!fs.existsSync(wasm)) throw new Error(`${wasm} is missing: run mvn install first`);
  serverProcess = spawn("java", ["-jar", serverJar(), "-C", manifest, "--addr", `127.0.0.1:${port}`,
    "--embedded-origin", `127.0.0.1:${originPort}`, "--inspect", `127.0.0.1:${port + 1}`, wasm],
    { stdio: ["ignore", "pipe", "pipe"] });
  serverProcess.stdout.on("data", (d) => { serverOutput += d; });
  serverProcess.stderr.on("data", (d) => { serverOutput += d; });
  const deadline = Date.now() + 120000;
  while (!serverOutput.includes("Inspector on")) {
    if (serverProcess.exitCode !== null) throw new Error("the server exited:\n" + serverOutput);
    if (Date.now() > deadline) throw new Error("the server did not start:\n" + serverOutput);
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(WAIT);
});

after(async () => {
  if (browser) await browser.close();
  if (serverProcess) serverProcess.kill();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test("the page loads, names the program and has no requests yet", async () => {
  await page.goto(inspector);
  await page.locator("#server", { hasText: "main.wasm" }).waitFor();
  await page.locator("#requests-empty").waitFor({ state: "visible" });
  assert.equal(await page.title(), "compute-java inspector");
});

test("a request appears after it is made, with its backend request's cache outcome", async () => {
  assert.equal(await cacheOf("/ttl/first"), "MISS");
  await requestRows("/ttl/first").first().locator(".outcome.MISS").waitFor();

  assert.equal(await cacheOf("/ttl/first"), "HIT");
  const rows = requestRows("/ttl/first");
  await rows.first().locator(".outcome.HIT").waitFor();
  assert.equal(await rows.count(), 2);
  assert.equal(await rows.nth(1).locator(".outcome").innerText(), "MISS");
  assert.equal(await rows.first().locator(".status-2").first().innerText(), "200");
});

test("pass, hit-for-pass and stale are named too", async () => {
  await get("/pass/report");
  await requestRows("/pass/report").first().locator(".outcome.PASS").waitFor();

  await get("/cache-control/private/cart");
  await get("/cache-control/private/cart");
  await requestRows("/cache-control/private/cart").first().locator(".outcome.hit-for-pass").waitFor();

  // one second fresh, then a minute of stale-while-revalidate: ask until the page shows a stale answer
  await get("/swr/cache-control/max-age=1/news");
  const deadline = Date.now() + WAIT;
  while (!(await requestRows("/swr/cache-control/max-age=1/news").first().locator(".outcome.stale").count())) {
    assert.ok(Date.now() < deadline, "no stale answer appeared");
    await get("/swr/cache-control/max-age=1/news");
    await page.waitForTimeout(300);
  }
});

test("a request's details list its backend requests", async () => {
  const row = requestRows("/ttl/first").nth(1);
  await row.locator("tr.summary").click();
  const details = row.locator("tr.details");
  await details.waitFor();
  assert.match(await details.innerText(), /backend requests/i);
  assert.match(await details.innerText(), /origin/);
  assert.match(await details.innerText(), /GET http:\/\/127\.0\.0\.1:\d+\/ttl\/first/);
  await get("/header/Surrogate-Key:demo/page");
  await cacheRow("/header/Surrogate-Key:demo/page").waitFor();
  if (process.env.INSPECTOR_SCREENSHOT) {
    await page.screenshot({ path: process.env.INSPECTOR_SCREENSHOT, fullPage: true });
  }
});

test("purging an object by key makes the next request miss", async () => {
  const row = cacheRow("/ttl/first");
  await row.waitFor();
  assert.equal(await row.locator("td.num").nth(4).innerText(), "1", "one hit so far");
  await row.locator("button.purge").click();
  await page.locator("#purge-result", { hasText: "purged 1 object" }).waitFor();
  await row.waitFor({ state: "detached" });

  assert.equal(await cacheOf("/ttl/first"), "MISS");
  const rows = requestRows("/ttl/first");
  await rows.first().locator(".outcome.MISS").waitFor();
  assert.equal(await rows.count(), 3);
});

test("purging by surrogate key, from a key shown on the object", async () => {
  const row = cacheRow("/header/Surrogate-Key:demo/page");
  await row.locator(".chip", { hasText: "demo" }).click();
  assert.equal(await page.locator("#surrogate-key").inputValue(), "demo");
  await page.locator("#purge-surrogate button[type=submit]").click();
  await page.locator("#purge-result", { hasText: "purged 1 object" }).waitFor();
  await row.waitFor({ state: "detached" });
  assert.equal(await cacheOf("/header/Surrogate-Key:demo/page"), "MISS");
});

test("the stores show their names and keys, never a secret's value", async () => {
  const stores = page.locator("#store-list");
  await stores.locator("[data-store=settings]", { hasText: "hej" }).waitFor();
  const text = await stores.innerText();
  for (const shown of ["settings", "greeting", "colour", "catalogue", "item-1", "item-2", "vault", "api-token", "value hidden"]) {
    assert.ok(text.includes(shown), `the stores show ${shown}:\n${text}`);
  }
  assert.ok(!(await page.content()).includes(SECRET), "the page never holds a secret's value");
  await page.locator("#backend-rows", { hasText: `http://127.0.0.1:${originPort}/` }).waitFor();
});

test("the JSON form holds the same", async () => {
  const api = await (await fetch(inspector + "api")).json();
  assert.ok(api.requests.length >= 8, JSON.stringify(api.requests.length));
  assert.deepEqual(Object.keys(api), ["server", "requests", "cache", "stores", "backends"]);
  assert.deepEqual(api.stores.secret, { vault: ["api-token"] });
  const purge = await fetch(inspector + "api/purge", { method: "POST", body: "surrogateKey=demo" });
  assert.equal(purge.status, 415, "a purge must be JSON, which another site's page cannot send unasked");
});
