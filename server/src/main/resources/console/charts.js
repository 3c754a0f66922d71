// A small SVG line chart: no library, one function. points: [[millis, value], ...]; opts.extra:
// more series [{points, color}] drawn dashed on the same scale.
"use strict";
window.lineChart = function (points, opts) {
  const W = opts.width || 420, H = opts.height || 140, L = 46, R = 8, T = 8, B = 20;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", W);
  svg.setAttribute("height", H);
  svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  const el = (name, attrs, text) => {
    const e = document.createElementNS(ns, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    svg.appendChild(e);
    return e;
  };
  const now = opts.now || Date.now();
  const span = opts.spanMillis || 3600 * 1000;
  const t0 = now - span;
  const pts = points.filter(p => p[0] >= t0);
  const extra = (opts.extra || []).map(e => ({color: e.color, pts: (e.points || []).filter(p => p[0] >= t0)}));
  let max = 0;
  pts.forEach(p => { if (p[1] > max) max = p[1]; });
  extra.forEach(e => e.pts.forEach(p => { if (p[1] > max) max = p[1]; }));
  max = max <= 0 ? 1 : niceCeil(max);
  const x = t => L + (W - L - R) * (t - t0) / span;
  const y = v => T + (H - T - B) * (1 - v / max);
  for (let i = 0; i <= 4; i++) {
    const v = max * i / 4;
    el("line", {x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: "#e6e9ef"});
    el("text", {x: L - 4, y: y(v) + 3, "text-anchor": "end"}, fmt(v));
  }
  for (let m = 0; m <= 60; m += 15) {
    const t = t0 + m * 60000 * span / 3600000;
    el("text", {x: x(t), y: H - 5, "text-anchor": "middle"}, m === 60 ? "now" : "-" + Math.round((60 - m) * span / 3600000) + "m");
  }
  extra.forEach(e => {
    if (e.pts.length === 0) return;
    const d = e.pts.map((p, i) => (i ? "L" : "M") + x(p[0]).toFixed(1) + "," + y(p[1]).toFixed(1)).join(" ");
    el("path", {d: d, fill: "none", stroke: e.color, "stroke-width": 1.2, "stroke-dasharray": "4 3"});
  });
  if (pts.length > 0) {
    const d = pts.map((p, i) => (i ? "L" : "M") + x(p[0]).toFixed(1) + "," + y(p[1]).toFixed(1)).join(" ");
    el("path", {d: d, fill: "none", stroke: opts.color || "#2f6fdf", "stroke-width": 1.6});
    const lp = pts[pts.length - 1];
    el("circle", {cx: x(lp[0]), cy: y(lp[1]), r: 2.5, fill: opts.color || "#2f6fdf"});
  } else {
    el("text", {x: W / 2, y: H / 2, "text-anchor": "middle"}, "no samples yet");
  }
  svg.setAttribute("data-points", String(pts.length));
  return svg;

  function niceCeil(v) {
    const e = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * e) return m * e;
    return 10 * e;
  }
  function fmt(v) {
    if (v >= 1e6) return (v / 1e6).toFixed(1) + "M";
    if (v >= 1e3) return (v / 1e3).toFixed(1) + "k";
    return v >= 10 || v === 0 ? String(Math.round(v)) : v.toFixed(2);
  }
};
