// Renders a topology's dataflow graph ({nodes, edges} from /graph) as layered SVG: one row per
// depth, partition hops dashed, nodes filled by batch phase and outlined by segment.
"use strict";
window.renderGraph = function (g) {
  const ns = "http://www.w3.org/2000/svg";
  const NW = 240, NH = 48, GX = 28, GY = 46, PAD = 20;
  const n = g.nodes.length;
  const out = g.nodes.map(() => []);
  const indeg = new Array(n).fill(0);
  // back edges (loops) are drawn but ignored by the layering
  const state = new Array(n).fill(0), back = new Set();
  g.edges.forEach((e, i) => out[e[0]].push(i));
  const visit = (v) => {
    state[v] = 1;
    for (const i of out[v]) {
      const w = g.edges[i][1];
      if (state[w] === 1) back.add(i);
      else if (state[w] === 0) visit(w);
    }
    state[v] = 2;
  };
  for (let v = 0; v < n; v++) if (state[v] === 0) visit(v);
  g.edges.forEach((e, i) => { if (!back.has(i)) indeg[e[1]]++; });
  const layer = new Array(n).fill(0), queue = [];
  for (let v = 0; v < n; v++) if (indeg[v] === 0) queue.push(v);
  while (queue.length) {
    const v = queue.shift();
    for (const i of out[v]) {
      if (back.has(i)) continue;
      const w = g.edges[i][1];
      layer[w] = Math.max(layer[w], layer[v] + 1);
      if (--indeg[w] === 0) queue.push(w);
    }
  }
  const rows = [];
  for (let v = 0; v < n; v++) (rows[layer[v]] = rows[layer[v]] || []).push(v);
  const pos = [];
  let width = 0;
  rows.forEach((r, li) => r.forEach((v, k) => {
    pos[v] = {x: PAD + k * (NW + GX), y: PAD + li * (NH + GY)};
    width = Math.max(width, PAD + (k + 1) * (NW + GX));
  }));
  const height = PAD * 2 + rows.length * (NH + GY);
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", Math.max(width, 400));
  svg.setAttribute("height", height);
  svg.setAttribute("id", "graph-svg");
  const el = (parent, name, attrs, text) => {
    const e = document.createElementNS(ns, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    parent.appendChild(e);
    return e;
  };
  const defs = el(svg, "defs", {});
  [["arrow", "#7a8599"], ["arrow-hop", "#c77c02"], ["arrow-agg", "#c0392b"]].forEach(([id, c]) => {
    const m = el(defs, "marker", {id: id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse"});
    el(m, "path", {d: "M0,0 L10,5 L0,10 z", fill: c});
  });
  const fills = {"stream": "#e8f0fe", "pre-agg": "#fff2db", "agg": "#fde2e2", "post-agg": "#e3f5e8"};
  const seg = ["#2f6fdf", "#8e44ad", "#16a085", "#d35400", "#2c3e50", "#c0392b", "#27ae60", "#7f8c8d"];
  g.edges.forEach((e, i) => {
    const a = pos[e[0]], b = pos[e[1]], kind = e[2];
    const x1 = a.x + NW / 2, y1 = a.y + NH, x2 = b.x + NW / 2, y2 = b.y;
    let d;
    if (back.has(i) || y2 <= y1) {
      const sx = a.x + NW, tx = b.x + NW, bend = Math.max(sx, tx) + 30;
      d = `M${sx},${a.y + NH / 2} C${bend},${a.y + NH / 2} ${bend},${b.y + NH / 2} ${tx},${b.y + NH / 2}`;
    } else {
      const my = (y1 + y2) / 2;
      d = `M${x1},${y1} C${x1},${my} ${x2},${my} ${x2},${y2}`;
    }
    const hop = kind === "hop", agg = kind === "agg";
    const p = el(svg, "path", {d: d, fill: "none", class: "edge edge-" + kind,
      stroke: hop ? "#c77c02" : agg ? "#c0392b" : "#7a8599", "stroke-width": hop ? 2.2 : 1.3,
      "stroke-dasharray": hop ? "6 4" : kind === "else" ? "3 3" : "none",
      "marker-end": "url(#" + (hop ? "arrow-hop" : agg ? "arrow-agg" : "arrow") + ")"});
    p.setAttribute("data-kind", kind);
    if (kind !== "next") {
      el(svg, "text", {x: (x1 + x2) / 2 + 6, y: (y1 + y2) / 2 + 4, fill: hop ? "#c77c02" : "#7a8599"}, kind);
    }
  });
  g.nodes.forEach(node => {
    const p = pos[node.id];
    const grp = el(svg, "g", {class: "node", transform: `translate(${p.x},${p.y})`,
      "data-label": node.label, "data-count": node.count, "data-kind": node.kind});
    el(grp, "title", {}, node.label + "\nkind " + node.kind + ", " + node.phase + ", segment " + node.segment + "\nruns: " + node.count);
    el(grp, "rect", {width: NW, height: NH, rx: 6, fill: fills[node.phase] || "#eee",
      stroke: seg[node.segment % seg.length], "stroke-width": node.kind === "PARTITION" ? 2.4 : 1.4});
    // package names say little here: dev.deimos.examples.Foo becomes Foo
    const short = node.label.replace(/\b(?:[a-z_][\w$]*\.)+(?=[A-Z])/g, "");
    const label = short.length > 36 ? short.slice(0, 35) + "\u2026" : short;
    el(grp, "text", {x: 8, y: 19, "font-weight": "bold", fill: "#1d2430"}, label);
    el(grp, "text", {x: 8, y: 37, fill: "#4b5563", class: "count"},
      "runs " + node.count.toLocaleString("en-US") + "  \u00b7  seg " + node.segment + "  \u00b7  " + node.phase);
  });
  return svg;
};
