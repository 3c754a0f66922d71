// The Deimos console: a cluster page and a page per module, refreshed every few seconds from
// /console/api. Hash routes: #/ and #/module/<name>.
"use strict";
(function () {
  const API = "/console/api";
  const REFRESH_MILLIS = 3000;
  const view = document.getElementById("view");
  let timer = null;
  let page = null; // state of the module page that survives refreshes

  const esc = s => String(s).replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  const num = v => (v === undefined || v === null || v < 0) ? "n/a" : Number(v).toLocaleString("en-US", {maximumFractionDigits: 2});
  const ms = v => (v === undefined || v < 0) ? "n/a" : (v < 1 ? v.toFixed(3) : v.toFixed(1)) + " ms";
  const bytes = b => b < 0 ? "n/a" : b < 1024 ? b + " B" : b < 1048576 ? (b / 1024).toFixed(1) + " KiB" : b < 1073741824 ? (b / 1048576).toFixed(1) + " MiB" : (b / 1073741824).toFixed(2) + " GiB";
  const dur = m => { const s = Math.floor(m / 1000); return s < 60 ? s + " s" : s < 3600 ? Math.floor(s / 60) + " min " + (s % 60) + " s" : Math.floor(s / 3600) + " h " + Math.floor(s % 3600 / 60) + " min"; };
  const time = t => t ? new Date(t).toLocaleString("en-GB") : "";
  const enc = encodeURIComponent;

  async function get(path) {
    const r = await fetch(API + path, {cache: "no-store"});
    const j = await r.json();
    if (!r.ok) throw new Error(j.error || r.statusText);
    return j;
  }
  async function post(path, body) {
    const r = await fetch(API + path, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
    const j = await r.json();
    if (!r.ok) throw new Error(j.error || r.statusText);
    return j;
  }
  function stamp() {
    document.getElementById("refreshed").textContent = "refreshed " + new Date().toLocaleTimeString("en-GB");
  }

  function route() {
    clearInterval(timer);
    const h = decodeURIComponent(location.hash.slice(1) || "/");
    if (h.startsWith("/module/")) {
      modulePage(h.slice("/module/".length));
    } else {
      clusterPage();
    }
  }
  window.addEventListener("hashchange", route);

  // ---- cluster page ----
  function clusterPage() {
    document.getElementById("crumb").textContent = "cluster";
    page = null;
    const load = async () => {
      try {
        renderCluster(await get("/cluster"));
        stamp();
      } catch (e) {
        view.innerHTML = `<p class="error">${esc(e.message)}</p>`;
      }
    };
    load();
    timer = setInterval(load, REFRESH_MILLIS);
  }

  function renderCluster(c) {
    const rows = c.modules.map(m => `<tr data-module="${esc(m.module)}">
      <td><a href="#/module/${enc(m.module)}">${esc(m.module)}</a></td>
      <td class="state-${esc(m.state)}">${esc(m.state)}</td>
      <td class="num">${m.tasks}</td><td class="num">${m.threads}</td>
      <td class="num">${m.depots ?? ""}</td><td class="num">${m.pstates ?? ""}</td><td class="num">${m.topologies ?? ""}</td>
      <td class="num appends">${num(m.appends)}</td><td class="num processed">${num(m.processed)}</td>
      <td class="num ${m.failures ? "bad" : ""}">${num(m.failures)}</td>
      <td>${m.launchedAtMillis ? dur(Date.now() - m.launchedAtMillis) : ""}</td></tr>`).join("");
    const ops = c.operations.slice().reverse().map(opRow).join("");
    view.innerHTML = `<h1>Cluster</h1>
      <section class="card stats">
        <div class="stat"><b id="module-count">${c.modules.length}</b><span>modules</span></div>
        <div class="stat"><b>${dur(c.uptimeMillis)}</b><span>uptime</span></div>
        <div class="stat"><b id="data-dir-size">${bytes(c.dataDirBytes)}</b><span>data directory <code>${esc(c.dataDir)}</code></span></div>
        <div class="stat"><b>${c.jvmThreads}</b><span>JVM threads</span></div>
        <div class="stat"><b>${bytes(c.heapUsedBytes)}</b><span>heap used</span></div>
      </section>
      <h2>Modules</h2>
      <section class="card"><table id="cluster-modules"><thead><tr><th>module</th><th>state</th><th class="num">tasks</th><th class="num">threads</th>
        <th class="num">depots</th><th class="num">PStates</th><th class="num">topologies</th><th class="num">appends</th><th class="num">records processed</th><th class="num">failures</th><th>up</th></tr></thead>
        <tbody>${rows || `<tr><td colspan="11" class="muted">no modules deployed</td></tr>`}</tbody></table></section>
      <h2>Recent operations</h2>
      <section class="card"><table><thead><tr><th>when</th><th>module</th><th>operation</th><th>detail</th></tr></thead><tbody>${ops}</tbody></table></section>`;
  }

  function opRow(o) {
    return `<tr><td>${esc(time(o.atMillis))}</td><td>${esc(o.module)}</td><td class="${o.ok ? "" : "bad"}">${esc(o.action)}${o.ok ? "" : " (failed)"}</td><td>${esc(o.detail)}</td></tr>`;
  }

  // ---- module page ----
  function modulePage(name) {
    document.getElementById("crumb").innerHTML = `<a href="#/">cluster</a> / ${esc(name)}`;
    page = {name: name, topology: null, graphFor: null};
    view.innerHTML = `<h1 id="module-title">${esc(name)}</h1>
      <section class="card stats" id="module-stats"></section>
      <h2>Charts (last hour)</h2><div class="charts" id="charts"></div>
      <h2>Topologies</h2><section class="card"><table id="topologies"></table></section>
      <div class="cols">
        <div><h2>Depots</h2><section class="card"><table id="depots"></table></section></div>
        <div><h2>PStates</h2><section class="card"><table id="pstates"></table></section></div>
      </div>
      <h2>Dataflow graph</h2>
      <section class="card">
        <div class="row"><label>topology <select id="graph-topology"></select></label>
          <span class="legend"><span><i style="background:#e8f0fe"></i>stream</span><span><i style="background:#fff2db"></i>pre-aggregation</span>
          <span><i style="background:#fde2e2"></i>aggregation</span><span><i style="background:#e3f5e8"></i>post-aggregation</span>
          <span style="color:#c77c02">- - - partition hop</span><span>outline: segment (one task, one event)</span></span></div>
        <div id="graph-box"></div>
      </section>
      <h2>PState browser</h2>
      <section class="card" id="browser">
        <div class="row"><label>PState <select id="pstate-select"></select></label>
          <label>partition <select id="partition-select"></select></label>
          <button class="plain" id="keys-prev">&larr; prev</button><button class="plain" id="keys-next">next &rarr;</button>
          <span id="keys-info" class="muted"></span></div>
        <div class="cols"><div><table id="keys"></table></div><div id="value-box"></div></div>
        <h3>Run a path</h3>
        <div class="row"><input id="key-input" class="mono" size="24" placeholder='partition key (JSON, optional)'>
          <input id="path-input" class="mono" size="60" placeholder='path in REST JSON form, e.g. ["alice"]'>
          <button id="run-path">select</button></div>
        <pre id="path-result" class="muted">results show here</pre>
      </section>
      <div class="cols">
        <div><h2>Dynamic options</h2><section class="card">
          <table id="options-table"></table>
          <div class="row"><input id="option-key" class="mono" placeholder="option name" size="34">
            <input id="option-value" class="mono" placeholder="value" size="12"><button id="option-set">set</button></div>
          <div id="option-result" class="muted"></div></section></div>
        <div><h2>Operation log</h2><section class="card"><table id="oplog"></table></section></div>
      </div>`;
    wireBrowser();
    wireOptions();
    const load = async () => {
      try {
        const [m, s] = await Promise.all([get("/modules/" + enc(name)), get("/modules/" + enc(name) + "/series")]);
        if (!page || page.name !== name) return;
        renderModule(m);
        renderCharts(m, s);
        await renderGraphIfShown(m);
        stamp();
      } catch (e) {
        document.getElementById("module-stats").innerHTML = `<p class="error">${esc(e.message)}</p>`;
      }
    };
    load();
    timer = setInterval(load, REFRESH_MILLIS);
  }

  function renderModule(m) {
    const st = m.status;
    page.module = m;
    document.getElementById("module-stats").innerHTML = `
      <div class="stat"><b class="state-${esc(st.state)}" id="module-state">${esc(st.state)}</b><span>state</span></div>
      <div class="stat"><b>${st.tasks} / ${st.threads}</b><span>tasks / threads</span></div>
      <div class="stat"><b>${st.launchedAtMillis ? dur(Date.now() - st.launchedAtMillis) : "n/a"}</b><span>up</span></div>
      <div class="stat"><b>${esc(st.jar)}</b><span>jar</span></div>`;
    document.getElementById("topologies").innerHTML = `<thead><tr><th>topology</th><th>type</th><th class="num">records/s</th><th class="num">processed</th>
      <th class="num">p50</th><th class="num">p99</th><th class="num">max</th><th class="num">failures</th><th class="num">retries</th><th>microbatch progress</th></tr></thead><tbody>` +
      m.topologies.map(t => {
        let prog = "";
        if (t.type === "microbatch") {
          const end = t.progress.reduce((a, p) => a + p.end, 0), done = t.progress.reduce((a, p) => a + p.committed, 0);
          const pct = end > 0 ? Math.round(100 * done / end) : 100;
          prog = `<div class="bar" title="${done} of ${end}"><div style="width:${pct}%"></div></div>
            <span class="muted">${num(done)} / ${num(end)} records, ${num(t.behind)} behind, next id ${t.status.nextMicrobatchId}</span>`;
          if (t.status.stalled) prog += `<div class="warn stall">stalled: ${t.status.failedAttempts} failed attempts since ${esc(time(t.status.failingSinceMillis))}: ${esc(t.status.lastError)}</div>`;
          if (t.status.paused) prog += `<div class="warn">paused</div>`;
        }
        return `<tr data-topology="${esc(t.name)}"><td>${esc(t.name)}</td><td>${t.type}</td><td class="num rate">${num(t.rate)}</td>
          <td class="num processed">${num(t.processed)}</td><td class="num">${ms(t.p50)}</td><td class="num">${ms(t.p99)}</td><td class="num">${ms(t.max)}</td>
          <td class="num ${t.failures ? "bad" : ""}">${num(t.failures)}</td><td class="num">${num(t.retries)}</td><td>${prog}</td></tr>`;
      }).join("") + "</tbody>";
    document.getElementById("depots").innerHTML = `<thead><tr><th>depot</th><th class="num">partitions</th><th class="num">records</th><th class="num">appends/s</th><th class="num">bytes appended</th></tr></thead><tbody>` +
      m.depots.map(d => `<tr data-depot="${esc(d.name)}"><td>${esc(d.name)}${d.tickMillis ? ` <span class="muted">(tick ${d.tickMillis} ms)</span>` : ""}</td><td class="num">${d.partitions}</td>
        <td class="num records">${num(d.records)}</td><td class="num">${num(d.rate)}</td><td class="num">${bytes(d.appendedBytes)}</td></tr>`).join("") + "</tbody>";
    document.getElementById("pstates").innerHTML = `<thead><tr><th>PState</th><th>schema</th><th>owner</th><th class="num">entries</th><th>per partition</th></tr></thead><tbody>` +
      m.pstates.map(p => `<tr data-pstate="${esc(p.name)}"><td>${esc(p.name)}${p.private ? ` <span class="muted">(private)</span>` : ""}${p.global ? ` <span class="muted">(global)</span>` : ""}</td>
        <td><code>${esc(p.schema)}</code></td><td>${esc(p.owner || "")}</td><td class="num">${num(p.total)}</td><td class="muted sizes">${p.sizes.map(num).join(" \u00b7 ")}</td></tr>`).join("") + "</tbody>";
    // options: what the running module was defined with (stored options applied), typed; a
    // stored one the module does not show yet as the text it was set to
    const opts = {};
    Object.entries(st.options || {}).forEach(([k, v]) => opts[k] = v);
    Object.assign(opts, m.options);
    document.getElementById("options-table").innerHTML = `<thead><tr><th>option</th><th>value</th></tr></thead><tbody>` +
      (Object.keys(opts).length ? Object.entries(opts).map(([k, v]) => `<tr data-option="${esc(k)}"><td><code>${esc(k)}</code></td><td class="value"><code>${esc(JSON.stringify(v))}</code></td></tr>`).join("")
        : `<tr><td colspan="2" class="muted">none set</td></tr>`) + "</tbody>";
    document.getElementById("oplog").innerHTML = `<thead><tr><th>when</th><th>module</th><th>operation</th><th>detail</th></tr></thead><tbody>` +
      m.operations.slice().reverse().map(opRow).join("") + "</tbody>";
    // selects keep the user's choice across refreshes
    fillSelect("graph-topology", m.topologies.map(t => t.name));
    const ps = m.pstates.filter(p => !p.private);
    fillSelect("pstate-select", ps.map(p => p.name));
    const cur = ps.find(p => p.name === document.getElementById("pstate-select").value);
    if (cur) fillSelect("partition-select", cur.sizes.map((_, i) => String(i)));
    if (!page.browserStarted && ps.length) { page.browserStarted = true; loadKeys(0); }
  }

  function fillSelect(id, values) {
    const s = document.getElementById(id);
    const have = Array.from(s.options).map(o => o.value);
    if (have.join("\u0000") === values.join("\u0000")) return;
    const keep = s.value;
    s.innerHTML = values.map(v => `<option value="${esc(v)}">${esc(v)}</option>`).join("");
    if (values.includes(keep)) s.value = keep;
  }

  function renderCharts(m, s) {
    const box = document.getElementById("charts");
    const charts = [];
    m.topologies.filter(t => t.type !== "query" || s["topology|" + t.name + "|rate"]).forEach(t => {
      const k = "topology|" + t.name + "|";
      charts.push([`${t.name}: ${t.type === "query" ? "invocations" : "records"}/s`, s[k + "rate"], "#2f6fdf", "chart-rate-" + t.name]);
      charts.push([`${t.name}: latency p99 (solid) and p50 (dashed), ms`, s[k + "p99"], "#c0392b", "chart-latency-" + t.name, s[k + "p50"]]);
      if (t.type === "microbatch") charts.push([`${t.name}: records behind its depots`, s[k + "behind"], "#c77c02", "chart-behind-" + t.name]);
    });
    m.depots.forEach(d => charts.push([`${d.name}: appends/s`, s["depot|" + d.name + "|rate"], "#16a085", "chart-depot-" + d.name]));
    box.innerHTML = "";
    const now = Date.now();
    charts.forEach(([title, pts, color, id, second]) => {
      const div = document.createElement("div");
      div.className = "chart";
      div.setAttribute("data-chart", id);
      div.innerHTML = `<h3>${esc(title)}</h3>`;
      const svg = lineChart(pts || [], {color: color, now: now, extra: second ? [{points: second, color: "#7a8599"}] : []});
      div.appendChild(svg);
      box.appendChild(div);
    });
  }

  async function renderGraphIfShown(m) {
    const t = document.getElementById("graph-topology").value;
    if (!t) return;
    const g = await get("/modules/" + enc(page.name) + "/graph/" + enc(t));
    const box = document.getElementById("graph-box");
    box.innerHTML = "";
    box.appendChild(renderGraph(g));
  }

  // ---- PState browser ----
  function wireBrowser() {
    document.getElementById("pstate-select").addEventListener("change", () => { fillPartitions(); loadKeys(0); });
    document.getElementById("partition-select").addEventListener("change", () => loadKeys(0));
    document.getElementById("keys-prev").addEventListener("click", () => loadKeys(Math.max(0, page.offset - 20)));
    document.getElementById("keys-next").addEventListener("click", () => loadKeys(page.offset + 20));
    document.getElementById("graph-topology").addEventListener("change", () => renderGraphIfShown(page.module));
    document.getElementById("run-path").addEventListener("click", runPath);
  }

  function fillPartitions() {
    const p = page.module.pstates.find(x => x.name === document.getElementById("pstate-select").value);
    if (p) fillSelect("partition-select", p.sizes.map((_, i) => String(i)));
  }

  async function loadKeys(offset) {
    const ps = document.getElementById("pstate-select").value;
    const part = document.getElementById("partition-select").value || "0";
    page.offset = offset;
    const table = document.getElementById("keys");
    try {
      const r = await get(`/modules/${enc(page.name)}/pstates/${enc(ps)}/keys?partition=${part}&offset=${offset}&limit=20`);
      if (r.value !== undefined && r.keys === undefined) {
        table.innerHTML = `<tr><td><pre>${esc(JSON.stringify(r.value, null, 2))}</pre></td></tr>`;
        document.getElementById("keys-info").textContent = "one value per partition";
        return;
      }
      document.getElementById("keys-info").textContent = r.total ? `keys ${offset + 1}-${Math.min(r.total, offset + r.keys.length)} of ${r.total} on partition ${part}` : `no keys on partition ${part}`;
      table.innerHTML = `<thead><tr><th>key</th></tr></thead><tbody>` + r.keys.map((k, i) =>
        `<tr><td>${k.json === null ? esc(k.display) : `<a class="keylink" data-i="${i}">${esc(k.display)}</a>`}</td></tr>`).join("") + "</tbody>";
      table.querySelectorAll("a.keylink").forEach(a => a.addEventListener("click", () => openValue(ps, r.keys[+a.dataset.i].json, [], null)));
    } catch (e) {
      table.innerHTML = `<tr><td class="error">${esc(e.message)}</td></tr>`;
    }
  }

  async function openValue(ps, key, nav, after) {
    const box = document.getElementById("value-box");
    const body = {key: key, nav: nav, limit: 20};
    if (after !== null) body.after = after;
    try {
      const r = await post(`/modules/${enc(page.name)}/pstates/${enc(ps)}/page`, body);
      const where = [key].concat(nav).map(k => JSON.stringify(k)).join(" \u203a ");
      let html = `<div class="row"><b>${esc(where)}</b>${nav.length ? ` <button class="plain" id="value-up">up</button>` : ""}</div>`;
      if (r.kind === "map") {
        html += `<table id="value-entries"><thead><tr><th>key</th><th>value${r.subindexed ? " (subindexed: read a page at a time)" : ""}</th></tr></thead><tbody>` +
          r.entries.map((e, i) => `<tr><td>${e.nested && e.json !== null ? `<a class="keylink" data-i="${i}">${esc(e.display)}</a>` : esc(e.display)}</td><td><code>${esc(e.value)}</code></td></tr>`).join("") +
          `</tbody></table>` + (r.more ? `<button class="plain" id="value-more">next page &rarr;</button>` : "");
      } else if (r.kind === "list") {
        html += `<pre>${esc(JSON.stringify(r.items, null, 2))}</pre><span class="muted">${r.size} items</span>`;
      } else {
        html += `<pre id="value-plain">${esc(JSON.stringify(r.value, null, 2))}</pre>`;
      }
      box.innerHTML = html;
      if (r.kind === "map") {
        box.querySelectorAll("a.keylink").forEach(a => a.addEventListener("click", () => openValue(ps, key, nav.concat([r.entries[+a.dataset.i].json]), null)));
        const more = document.getElementById("value-more");
        if (more) more.addEventListener("click", () => openValue(ps, key, nav, r.entries[r.entries.length - 1].json));
      }
      const up = document.getElementById("value-up");
      if (up) up.addEventListener("click", () => openValue(ps, key, nav.slice(0, -1), null));
    } catch (e) {
      box.innerHTML = `<p class="error">${esc(e.message)}</p>`;
    }
  }

  async function runPath() {
    const ps = document.getElementById("pstate-select").value;
    const out = document.getElementById("path-result");
    try {
      const body = {path: JSON.parse(document.getElementById("path-input").value || "[]")};
      const k = document.getElementById("key-input").value.trim();
      if (k) body.key = JSON.parse(k);
      const r = await post(`/modules/${enc(page.name)}/pstates/${enc(ps)}/select`, body);
      out.className = "ok";
      out.textContent = JSON.stringify(r.result, null, 2);
    } catch (e) {
      out.className = "error";
      out.textContent = e.message;
    }
  }

  // ---- options ----
  function wireOptions() {
    document.getElementById("option-set").addEventListener("click", async () => {
      const res = document.getElementById("option-result");
      const btn = document.getElementById("option-set");
      btn.disabled = true;
      res.className = "muted";
      res.textContent = "updating the module...";
      try {
        const r = await post(`/modules/${enc(page.name)}/options`, {
          key: document.getElementById("option-key").value.trim(), value: document.getElementById("option-value").value.trim()});
        res.className = "ok";
        res.textContent = r.result;
      } catch (e) {
        res.className = "error";
        res.textContent = e.message;
      } finally {
        btn.disabled = false;
      }
    });
  }

  route();
})();
