// The inspector's page: reads /api once a second (while "live" is ticked) and draws it. No framework, no build:
// every value is put on the page with textContent, never as HTML.
(function () {
  "use strict";

  const expanded = new Set();
  let lastText = "";

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return "";
    if (seconds >= 100 * 365 * 86400) return "forever";
    if (seconds < 1) return Math.round(seconds * 1000) + " ms";
    if (seconds < 120) return (Math.round(seconds * 10) / 10) + " s";
    if (seconds < 7200) return Math.round(seconds / 60) + " min";
    if (seconds < 172800) return Math.round(seconds / 3600) + " h";
    return Math.round(seconds / 86400) + " d";
  }

  function bytes(n) {
    if (n === null || n === undefined) return "…";
    if (n < 1024) return n + " B";
    if (n < 1024 * 1024) return (Math.round(n / 102.4) / 10) + " KiB";
    return (Math.round(n / 104857.6) / 10) + " MiB";
  }

  function clock(iso) {
    const d = new Date(iso);
    return d.toLocaleTimeString([], { hour12: false }) + "." + String(d.getMilliseconds()).padStart(3, "0");
  }

  function pathOf(url) {
    try {
      const u = new URL(url);
      return u.pathname + u.search;
    } catch (e) {
      return url;
    }
  }

  function status(code) {
    if (code === null || code === undefined) return el("span", { class: "pending", text: "…" });
    return el("span", { class: "status-" + String(code).charAt(0), text: code });
  }

  function outcome(label) {
    return label ? el("span", { class: "outcome " + label, text: label }) : el("span", { class: "pending", text: "…" });
  }

  function drawServer(s) {
    const box = document.getElementById("server");
    box.replaceChildren(
      "serving ", el("b", { text: s.program.split(/[\\/]/).pop(), title: s.program }), " on ", el("a", { href: s.address, text: s.address, style: "color:#fff" }),
      " · version " + s.programVersion + " since " + clock(s.programLoaded),
      " · cache " + bytes(s.cacheBytes) + " of " + bytes(s.cacheCapacity));
  }

  function drawRequests(requests) {
    document.getElementById("request-count").textContent = requests.length ? "(last " + requests.length + ")" : "";
    document.getElementById("requests-empty").hidden = requests.length > 0;
    const bodies = requests.map((r) => {
      const sends = r.backendRequests.map((b) =>
        el("span", { class: "send" }, b.backend + " ", outcome(b.cache), " ", status(b.status),
          b.seconds === null ? "" : " " + duration(b.seconds), b.error ? " " + b.error : ""));
      const body = el("tbody", { class: "request", "data-id": r.id });
      const summary = el("tr", { class: "summary", title: "click for details", onclick: () => {
        if (expanded.has(r.id)) expanded.delete(r.id); else expanded.add(r.id);
        drawRequests(requests);
      } },
        el("td", { class: "mono", text: clock(r.started) }),
        el("td", { text: r.method }),
        el("td", { class: "mono url", title: r.url, text: pathOf(r.url) }),
        el("td", {}, status(r.status)),
        el("td", { class: "num", text: duration(r.seconds) }),
        el("td", {}, ...sends),
        el("td", { class: "num", text: r.logLines.length + r.droppedLines || "" }));
      body.append(summary);
      if (expanded.has(r.id)) body.append(details(r));
      return body;
    });
    const table = document.getElementById("request-table");
    table.querySelectorAll("tbody.request").forEach((b) => b.remove());
    for (const b of bodies) table.append(b);
  }

  function details(r) {
    const cell = el("td", { colspan: 7 });
    cell.append(el("div", { class: "mono", text: "id " + r.id + " · " + r.url }));
    if (r.backendRequests.length) {
      cell.append(el("h3", { text: "backend requests" }));
      const t = el("table", {}, el("tr", {}, ...["backend", "request", "cache", "status", "time", "error"].map((h) => el("th", { text: h }))));
      for (const b of r.backendRequests) {
        t.append(el("tr", {},
          el("td", { text: b.backend }), el("td", { class: "mono", text: b.method + " " + b.url }),
          el("td", {}, outcome(b.cache)), el("td", {}, status(b.status)),
          el("td", { class: "num", text: duration(b.seconds) }), el("td", { text: b.error || "" })));
      }
      cell.append(t);
    }
    cell.append(el("h3", { text: "log lines" }));
    if (!r.logLines.length) cell.append(el("div", { class: "hint", text: "none" }));
    for (const l of r.logLines) {
      const where = l.source === "endpoint" ? l.endpoint : l.source;
      cell.append(el("div", { class: "mono logline" }, el("span", { class: "hint", text: where + " :: " }), l.text));
    }
    if (r.droppedLines) cell.append(el("div", { class: "hint", text: r.droppedLines + " more lines not kept" }));
    return el("tr", { class: "details" }, cell);
  }

  function drawCache(objects) {
    document.getElementById("cache-count").textContent = objects.length ? "(" + objects.length + " objects)" : "";
    document.getElementById("cache-empty").hidden = objects.length > 0;
    const rows = objects.map((o) => el("tr", { "data-key": o.key, "data-namespace": o.namespace },
      el("td", { class: "mono", title: o.namespace + " key " + o.key },
        o.namespace === "readthrough" ? "" : el("span", { class: "hint", text: o.namespace + " " }), o.label),
      el("td", { class: "mono", text: o.variant }),
      el("td", { class: "state-" + o.state, text: o.hitForPass ? "hit-for-pass" : o.state + (o.writing ? " (writing)" : "") }),
      el("td", {}, o.status === null ? "" : status(o.status)),
      el("td", { class: "num", text: duration(o.age) }),
      el("td", { class: "num", text: duration(o.ttl) }),
      el("td", { class: "num", text: o.staleWhileRevalidate ? duration(o.staleWhileRevalidate) : "" }),
      el("td", { class: "num", text: o.staleIfError ? duration(o.staleIfError) : "" }),
      el("td", {}, ...o.surrogateKeys.map((k) => el("span", { class: "chip", title: "purge by this key", text: k, onclick: () => {
        document.getElementById("surrogate-key").value = k;
        document.getElementById("surrogate-key").focus();
      } }))),
      el("td", { class: "num", text: o.hits }),
      el("td", { class: "num", text: bytes(o.size) }),
      el("td", {}, el("button", { class: "purge", type: "button", title: "purge this object (all its variants)",
        onclick: () => purge({ namespace: o.namespace, key: o.key }) }, "Purge"))));
    document.getElementById("cache-rows").replaceChildren(...rows);
  }

  function drawStores(stores) {
    const boxes = [];
    for (const [name, entries] of Object.entries(stores.config)) {
      boxes.push(store("config store", name, Object.entries(entries).map(([k, v]) => [k, v])));
    }
    for (const [name, keys] of Object.entries(stores.kv)) {
      boxes.push(store("KV store", name, Object.entries(keys).map(([k, size]) => [k, bytes(size)])));
    }
    for (const [name, names] of Object.entries(stores.secret)) {
      boxes.push(store("secret store", name, names.map((k) => [k, el("span", { class: "secret", text: "value hidden" })])));
    }
    if (!boxes.length) boxes.push(el("p", { class: "hint", text: "No stores are defined." }));
    document.getElementById("store-list").replaceChildren(...boxes);
  }

  function store(kind, name, rows) {
    const t = el("table", {});
    for (const [k, v] of rows) t.append(el("tr", {}, el("td", { class: "mono", text: k }), el("td", { class: "mono" }, v)));
    if (!rows.length) t.append(el("tr", {}, el("td", { class: "hint", text: "empty" })));
    return el("div", { class: "store", "data-store": name }, el("h3", {}, name + " ", el("span", { text: kind })), t);
  }

  function drawBackends(backends) {
    document.getElementById("backend-rows").replaceChildren(...backends.map((b) => el("tr", {},
      el("td", { text: b.name }), el("td", { class: "mono", text: b.url || "(scripted)" }),
      el("td", { class: "mono", text: b.overrideHost || "" }), el("td", { class: "hint", text: b.dynamic ? "registered by the program" : "" }))));
  }

  async function refresh(force) {
    let text;
    try {
      const r = await fetch("/api", { cache: "no-store" });
      text = await r.text();
    } catch (e) {
      document.getElementById("server").textContent = "the local server does not answer (" + e.message + ")";
      return;
    }
    if (text === lastText && !force) return;
    lastText = text;
    const data = JSON.parse(text);
    drawServer(data.server);
    drawRequests(data.requests);
    drawCache(data.cache);
    drawStores(data.stores);
    drawBackends(data.backends);
  }

  async function purge(what) {
    const result = document.getElementById("purge-result");
    try {
      const r = await fetch("/api/purge", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(what),
      });
      const answer = await r.json();
      result.textContent = r.ok
        ? "purged " + answer.purged + (answer.purged === 1 ? " object" : " objects")
        : "error: " + answer.error;
    } catch (e) {
      result.textContent = "error: " + e.message;
    }
    refresh(true);
  }

  document.getElementById("purge-surrogate").addEventListener("submit", (e) => {
    e.preventDefault();
    const key = document.getElementById("surrogate-key").value.trim();
    if (key) purge({ surrogateKey: key, soft: document.getElementById("soft").checked });
  });

  setInterval(() => { if (document.getElementById("live").checked) refresh(false); }, 1000);
  refresh(true);
})();
