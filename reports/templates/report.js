(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("chainkg-data").textContent);
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = text; if (cls) e.className = cls; return e; };
  const MIN_LABEL_PX = 12, FONT = 16;

  const legend = document.getElementById("legend");
  for (const [, style] of data.legend) {
    const item = el("span"); const swatch = el("span", "", "swatch"); swatch.style.background = style.color;
    item.appendChild(swatch); item.appendChild(document.createTextNode(style.label)); legend.appendChild(item);
  }
  const countySelect = document.getElementById("county-filter");
  const chainSelect = document.getElementById("chain-filter");
  const upperBox = document.getElementById("upper-edges");
  const crossBox = document.getElementById("cross-edges");
  for (const [iri, name] of data.counties) { const o = el("option", name); o.value = iri; countySelect.appendChild(o); }
  for (const [iri, name] of data.chains) { const o = el("option", name); o.value = iri; chainSelect.appendChild(o); }
  const sourceById = {}; for (const s of data.sources) sourceById[s.id] = s;
  const home = {}; for (const n of data.nodes) home[n.id] = { x: n.x, y: n.y };

  const nodes = new vis.DataSet(data.nodes.map((n) => Object.assign({}, n, { fixed: true })));
  const edges = new vis.DataSet(data.edges.map((e, i) => Object.assign({ id: "e" + i, arrows: { to: { enabled: true, scaleFactor: 0.5 } } }, e)));
  const visible = (node) => {
    const county = countySelect.value, chain = chainSelect.value;
    return (!county || node.places.includes(county)) && (!chain || node.chains.includes(chain));
  };
  const nodeView = new vis.DataView(nodes, { filter: visible });
  let selected = null;
  const edgeView = new vis.DataView(edges, { filter: (e) => {
    if (e.inside || !visible(nodes.get(e.from)) || !visible(nodes.get(e.to))) return false;
    if (e.from === selected || e.to === selected) return true;  // a chosen node shows all its ties
    if (e.upper && !upperBox.checked) return false;
    return !e.cross || crossBox.checked;
  } });
  const options = {
    physics: { enabled: false },
    interaction: { hover: true, navigationButtons: false, multiselect: false, zoomView: true },
    nodes: { borderWidth: 1, margin: 6, scaling: { label: { enabled: false, drawThreshold: MIN_LABEL_PX, maxVisible: 26 } } },
    edges: { smooth: false, color: { color: "rgba(110,110,110,0.35)", highlight: "#a4262c", hover: "#a4262c" }, width: 1, selectionWidth: 2 },
    layout: { improvedLayout: false, randomSeed: 7 },
  };
  const network = new vis.Network(document.getElementById("graph"), { nodes: nodeView, edges: edgeView }, options);

  // Every place (and chain) an area behind its nodes, named above its first row.
  const tint = { county: "#2f5f8f", zone: "#23706a", chain: "#a4262c", region: "#777777", unplaced: "#777777" };
  const kindOf = {}; for (const a of data.areas) kindOf[a.home] = a.kind;
  // A node's extent from its position and label (a bounding box from vis-network is stale for
  // a node not drawn yet, e.g. one a filter has just brought back).
  const labelPx = (text) => Math.min(180, Array.from(text || "").reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? FONT : 9), 0));
  network.on("beforeDrawing", (ctx) => {
    const boxes = {}; const ids = nodeView.getIds(); const at = network.getPositions(ids);
    for (const id of ids) {
      const n = nodes.get(id); const half = labelPx(n.label) / 2 + 10; const p = at[id];
      const b = { left: p.x - half, right: p.x + half, top: p.y - 20, bottom: p.y + (n.shape === "box" ? 20 : 34) };
      const box = boxes[n.home] || (boxes[n.home] = { x0: b.left, y0: b.top, x1: b.right, y1: b.bottom });
      box.x0 = Math.min(box.x0, b.left); box.y0 = Math.min(box.y0, b.top); box.x1 = Math.max(box.x1, b.right); box.y1 = Math.max(box.y1, b.bottom);
    }
    const scale = network.getScale(); const titlePx = Math.max(15 / scale, 17);
    for (const [h, b] of Object.entries(boxes)) {
      const colour = tint[kindOf[h]] || "#777777";
      ctx.save(); ctx.globalAlpha = 0.07; ctx.fillStyle = colour;
      const x = b.x0 - 8, y = b.y0 - titlePx - 8, w = b.x1 - b.x0 + 16, hgt = b.y1 - b.y0 + titlePx + 16;
      ctx.fillRect(x, y, w, hgt);
      ctx.globalAlpha = 0.55; ctx.strokeStyle = colour; ctx.lineWidth = 1 / scale;
      if (kindOf[h] === "unplaced") ctx.setLineDash([6 / scale, 4 / scale]);
      ctx.strokeRect(x, y, w, hgt);
      ctx.globalAlpha = 1; ctx.fillStyle = colour === "#777777" ? "#444444" : colour; ctx.font = "bold " + titlePx + "px sans-serif";
      ctx.fillText(data.groups[h] || "", x + 4, y + titlePx); ctx.restore();
    }
  });

  // --- the side panel ---------------------------------------------------------------------
  const panel = document.getElementById("panel");
  const tag = (edge) => {
    if (!edge.basis || edge.basis === "stated") return null;
    const t = el("span", "[" + edge.basisZh + "]", "tag " + edge.basis);
    if (edge.note) t.title = edge.note;
    return t;
  };
  const sourceLine = (id) => {
    const s = sourceById[id]; if (!s) return id;
    return s.title + (s.date ? " · " + s.date : "") + (s.table ? "（参考表）" : "");
  };
  const relationItem = (e, id) => {
    const li = el("li"); const other = data.details[e.from === id ? e.to : e.from];
    const rel = el("b", e.zh); rel.title = e.en;
    if (e.from === id) { li.appendChild(rel); li.appendChild(document.createTextNode(" → " + (other ? other.name : ""))); }
    else { li.appendChild(document.createTextNode((other ? other.name : "") + " → ")); li.appendChild(rel); li.appendChild(document.createTextNode(" → 此")); }
    if (e.count) li.appendChild(document.createTextNode("（" + e.count + " 家）"));
    const t = tag(e); if (t) li.appendChild(t);
    // the date after the relation and its basis, so "从事 → 纸业包装[推断]" still reads as one phrase
    if (e.date) li.appendChild(el("span", " · " + e.date, "date"));
    if (e.stale) li.appendChild(el("b", data.staleZh, "stale"));
    return li;
  };
  const sentences = (list) => {
    // each sentence once, with its source and the relations it supports
    const seen = new Map();
    for (const e of list) for (const ev of e.evidence) {
      const entry = seen.get(ev.text) || { source: ev.source, rels: [] };
      entry.rels.push(e); seen.set(ev.text, entry);
    }
    const out = [];
    for (const [text, entry] of seen) {
      out.push(el("blockquote", text));
      const rels = entry.rels.map((e) => data.details[e.from].name + " " + e.zh + " " + data.details[e.to].name);
      out.push(el("div", "来源：" + sourceLine(entry.source) + "；支持：" + Array.from(new Set(rels)).join("、"), "source"));
    }
    return out;
  };
  const showNode = (id) => {
    const d = data.details[id]; panel.replaceChildren();
    panel.appendChild(el("h2", d.name));
    const kind = el("div", d.classZh + (d.nameEn ? " · " + d.nameEn : ""), "muted"); kind.title = d.classEn; panel.appendChild(kind);
    if (d.code) panel.appendChild(el("div", "区划代码：" + d.code));
    if (d.aliases.length) panel.appendChild(el("div", "别名：" + d.aliases.join("、")));
    if (d.home === "@unplaced") panel.appendChild(el("div", "所在地：来源未说明", "muted"));
    if (d.note) panel.appendChild(el("div", "说明：" + d.note, "muted"));
    const own = data.edges.filter((e) => (e.from === id || e.to === id) && e.predicate !== "segmentOf");
    if (own.length) {
      panel.appendChild(el("h3", "关系"));
      const ul = el("ul"); for (const e of own) ul.appendChild(relationItem(e, id)); panel.appendChild(ul);
    }
    const quoted = sentences(own);
    if (quoted.length) { panel.appendChild(el("h3", "原文依据")); for (const x of quoted) panel.appendChild(x); }
    const tables = own.filter((e) => !e.evidence.length && e.sources.length);
    if (tables.length) {
      panel.appendChild(el("h3", "参考表依据（无原句）"));
      const ul = el("ul");
      for (const e of tables) ul.appendChild(el("li", data.details[e.from].name + " " + e.zh + " " + data.details[e.to].name + " — " + e.sources.map((s) => s.title).join("、")));
      panel.appendChild(ul);
    }
  };
  const showEdge = (id) => {
    const e = edges.get(id); panel.replaceChildren();
    const h = el("h2", data.details[e.from].name + " —" + e.zh + "→ " + data.details[e.to].name); h.title = e.en; panel.appendChild(h);
    if (e.basis) { const b = el("div", "依据类型：" + e.basisZh); const t = tag(e); if (t) b.appendChild(t); panel.appendChild(b); }
    if (e.confidence !== null && e.confidence !== undefined) panel.appendChild(el("div", "置信度：" + e.confidence));
    panel.appendChild(el("div", "语气：" + (e.modality || "未判定"), e.modality ? "" : "muted"));
    if (e.date) {
      const d = el("div", "日期：" + e.date, "date"); d.id = "edge-date";
      if (e.stale) { const b = el("b", data.staleZh, "stale"); b.title = data.staleLegend; d.appendChild(b); }
      panel.appendChild(d);
    }
    if (e.count) panel.appendChild(el("div", "明确数量：" + e.count + " 家"));
    if (e.kind) panel.appendChild(el("div", "类别：" + ({ chain_leader: "链主", leader: "龙头", leading_enterprise: "龙头" }[e.kind] || e.kind)));
    if (e.note) panel.appendChild(el("div", "说明：" + e.note, "muted"));
    for (const s of e.sources) panel.appendChild(el("div", "来源：" + s.title + (s.date ? " · " + s.date : "") + (s.table ? "（参考表）" : ""), "source"));
    const quoted = sentences([e]);
    if (quoted.length) { panel.appendChild(el("h3", "原文依据")); for (const x of quoted) panel.appendChild(x); }
    else if (e.sources.length) panel.appendChild(el("div", "来自参考表：无原句。", "muted"));
  };
  const showStart = () => {
    panel.replaceChildren();
    panel.appendChild(el("p", "点击节点或连线：名称、关系、原文依据与来源。搜索框可按名称、别名或拼音查找。", "muted"));
    panel.appendChild(el("p", "[推断]：来源未明说，由参考表或审阅推出；[规划/意向]：计划或意向，尚非事实。", "muted"));
    panel.appendChild(el("p", "每条关系注明日期（来源无日期的写“日期不详”）。" + data.staleLegend, "muted"));
    if (data.sources.length) {
      panel.appendChild(el("h3", "来源（" + data.sources.length + "）"));
      const ul = el("ul"); for (const s of data.sources) ul.appendChild(el("li", sourceLine(s.id))); panel.appendChild(ul);
    }
  };
  const choose = (id) => { selected = id; edgeView.refresh(); };
  network.on("click", (params) => {
    if (params.nodes.length) { choose(params.nodes[0]); showNode(params.nodes[0]); }
    else if (params.edges.length) showEdge(params.edges[0]);
    else { choose(null); showStart(); }
  });

  // --- filters: keep what belongs, bring a county's chains beside it, zoom to what is kept ---
  const stats = document.getElementById("stats");
  let moved = [];
  const placeChains = () => {
    if (moved.length) { nodes.update(moved.map((id) => ({ id, x: home[id].x, y: home[id].y }))); moved = []; }
    if (!countySelect.value) return;
    const kept = nodeView.get(); const chainNodes = kept.filter((n) => kindOf[n.home] === "chain");
    const placed = kept.filter((n) => kindOf[n.home] !== "chain");
    if (!chainNodes.length || !placed.length) return;
    const x1 = Math.max(...placed.map((n) => home[n.id].x)), y0 = Math.min(...placed.map((n) => home[n.id].y));
    const byChain = {}; for (const n of chainNodes) (byChain[n.home] = byChain[n.home] || []).push(n.id);
    const updates = []; let row = 0;
    for (const chain of Object.keys(byChain).sort()) {
      const ids = byChain[chain].sort((a, b) => (a === chain ? -1 : b === chain ? 1 : home[a].x - home[b].x || home[a].y - home[b].y));
      ids.forEach((id, k) => updates.push({ id, x: x1 + 230 + k * 200, y: y0 + 40 + row * 80 }));
      row += 1;
    }
    nodes.update(updates); moved = updates.map((u) => u.id);
  };
  const zoomToKept = () => {
    const ids = nodeView.getIds(); if (!ids.length) return;
    network.fit({ nodes: ids, animation: false, maxZoomLevel: 1.6 });
    const scale = network.getScale();
    if (scale * FONT < MIN_LABEL_PX) network.moveTo({ scale: MIN_LABEL_PX / FONT, animation: false });
    else if (scale > 1.6) network.moveTo({ scale: 1.6, animation: false });
  };
  const refresh = () => {
    nodeView.refresh(); placeChains(); edgeView.refresh();
    stats.textContent = "显示 " + nodeView.length + " / " + data.total_nodes + " 个节点" + (data.large ? "（企业按县、链汇总）" : "");
    zoomToKept();
  };
  countySelect.addEventListener("change", refresh); chainSelect.addEventListener("change", refresh);
  upperBox.addEventListener("change", () => edgeView.refresh());
  crossBox.addEventListener("change", () => edgeView.refresh());

  // --- search: name, alias or pinyin; the chosen node is focused and its panel shown -------------
  const search = document.getElementById("search"); const results = document.getElementById("search-results");
  const matches = (query) => {
    const q = query.trim().toLowerCase().replace(/\s+/g, ""); if (!q) return [];
    const found = [];
    for (const [id, d] of Object.entries(data.details)) {
      const rank = d.search.findIndex((k) => k.includes(q));
      if (rank >= 0) found.push([d.search[0] === q ? -2 : d.search[0].startsWith(q) ? -1 : rank, d.name.length, d.name, id]);
    }
    return found.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1)).slice(0, 12).map((f) => f[3]);
  };
  const focusNode = (id) => {
    if (!nodeView.get(id)) { countySelect.value = ""; chainSelect.value = ""; refresh(); }
    choose(id); network.selectNodes([id]);
    network.focus(id, { scale: Math.max(1.3, network.getScale()), animation: false });
    showNode(id); results.replaceChildren(); search.value = data.details[id].name;
  };
  search.addEventListener("input", () => {
    results.replaceChildren();
    for (const id of matches(search.value)) {
      const d = data.details[id]; const b = el("button", d.name); b.type = "button";
      b.appendChild(el("small", d.classZh + (d.aliases.length ? " · " + d.aliases.slice(0, 2).join("、") : "")));
      b.addEventListener("click", () => focusNode(id)); results.appendChild(b);
    }
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { const first = matches(search.value)[0]; if (first) focusNode(first); }
    if (event.key === "Escape") results.replaceChildren();
  });

  showStart(); refresh();
  window.chainkgReport = { network, nodes, edges, nodeView, edgeView, matches, focusNode,
    drawnNodes: () => network.body.nodeIndices.length };
})();
