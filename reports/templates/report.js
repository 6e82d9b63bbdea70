(function () {
  const data = JSON.parse(document.getElementById("chainkg-data").textContent);
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = text; if (cls) e.className = cls; return e; };

  const legend = document.getElementById("legend");
  for (const [name, style] of data.legend) {
    const item = el("span"); const swatch = el("span", "", "swatch"); swatch.style.background = style.color;
    item.appendChild(swatch); item.appendChild(document.createTextNode(style.label)); legend.appendChild(item);
  }
  const countySelect = document.getElementById("county-filter");
  const chainSelect = document.getElementById("chain-filter");
  for (const [iri, name] of data.counties) { const o = el("option", name); o.value = iri; countySelect.appendChild(o); }
  for (const [iri, name] of data.chains) { const o = el("option", name); o.value = iri; chainSelect.appendChild(o); }

  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges.map((e, i) => Object.assign({ id: "e" + i, arrows: "to", font: { size: 9, color: "#888" } }, e)));
  const visible = (node) => {
    const county = countySelect.value, chain = chainSelect.value;
    const inCounty = !county || node.places.includes(county) || node.places.includes("*");
    const inChain = !chain || node.chains.includes(chain);
    return inCounty && inChain;
  };
  const nodeView = new vis.DataView(nodes, { filter: visible });
  const edgeView = new vis.DataView(edges, { filter: (e) => visible(nodes.get(e.from)) && visible(nodes.get(e.to)) });
  const options = Object.assign({}, data.options, {
    physics: data.large ? { enabled: false } : { enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -40, springLength: 110, springConstant: 0.05, centralGravity: 0.0, avoidOverlap: 0.8 },
      stabilization: { enabled: true, iterations: 250, fit: true } },
    interaction: { hover: true, navigationButtons: false, multiselect: false },
    edges: { smooth: false, color: { color: "#c9c9c9", highlight: "#e15759" }, width: 1 },
    layout: { improvedLayout: false, randomSeed: 7 },
  });
  const network = new vis.Network(document.getElementById("graph"), { nodes: nodeView, edges: edgeView }, options);
  network.once("stabilizationIterationsDone", () => network.setOptions({ physics: { enabled: false } }));

  // County / zone and chain areas behind the nodes, so the groups read at a glance.
  const palette = ["#4e79a7", "#59a14f", "#76b7b2", "#f28e2b", "#b07aa1", "#9c755f", "#e15759", "#edc948"];
  network.on("beforeDrawing", (ctx) => {
    const ids = nodeView.getIds(); const positions = network.getPositions(ids); const boxes = {};
    for (const id of ids) {
      const home = nodes.get(id).home; if (home.startsWith("@")) continue;
      const p = positions[id]; const b = boxes[home] || (boxes[home] = { x0: p.x, y0: p.y, x1: p.x, y1: p.y });
      b.x0 = Math.min(b.x0, p.x); b.y0 = Math.min(b.y0, p.y); b.x1 = Math.max(b.x1, p.x); b.y1 = Math.max(b.y1, p.y);
    }
    let i = 0;
    for (const [home, b] of Object.entries(boxes)) {
      const color = palette[i++ % palette.length];
      ctx.save(); ctx.globalAlpha = 0.08; ctx.fillStyle = color;
      ctx.fillRect(b.x0 - 60, b.y0 - 50, b.x1 - b.x0 + 120, b.y1 - b.y0 + 100);
      ctx.globalAlpha = 0.7; ctx.fillStyle = color; ctx.font = "bold 22px sans-serif";
      ctx.fillText(data.groups[home] || "", b.x0 - 55, b.y0 - 58); ctx.restore();
    }
  });

  const panel = document.getElementById("panel");
  const showNode = (id) => {
    const d = data.details[id]; panel.replaceChildren();
    panel.appendChild(el("h2", d.name)); if (d.nameEn) panel.appendChild(el("div", d.nameEn, "muted"));
    panel.appendChild(el("div", d.classes.join(" / ")));
    if (d.code) panel.appendChild(el("div", "GB/T 2260: " + d.code + (d.level ? " (" + d.level + ")" : "")));
    if (d.aliases.length) panel.appendChild(el("div", "别名 aliases: " + d.aliases.join("、")));
    if (d.status) panel.appendChild(el("div", "status: " + d.status));
    for (const e of data.edges) {
      if (e.from !== id && e.to !== id) continue;
      const other = data.details[e.from === id ? e.to : e.from];
      const line = el("div"); line.appendChild(el("b", e.from === id ? e.predicate + " → " : "← " + e.predicate + " "));
      line.appendChild(document.createTextNode(other ? other.name : "")); panel.appendChild(line);
      for (const s of e.evidence) panel.appendChild(el("blockquote", s));
    }
  };
  const showEdge = (id) => {
    const e = edges.get(id); panel.replaceChildren();
    panel.appendChild(el("h2", data.details[e.from].name + " —" + e.predicate + "→ " + data.details[e.to].name));
    if (e.kind) panel.appendChild(el("div", "kind: " + e.kind));
    if (e.confidence !== null && e.confidence !== undefined) panel.appendChild(el("div", "confidence: " + e.confidence));
    if (e.sources.length) panel.appendChild(el("div", "sources: " + e.sources.join(", "), "muted"));
    for (const s of e.evidence) panel.appendChild(el("blockquote", s));
    if (!e.evidence.length) panel.appendChild(el("div", "(from a reference table: no sentence)", "muted"));
  };
  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]); else if (params.edges.length) showEdge(params.edges[0]);
  });
  const stats = document.getElementById("stats");
  const refresh = () => { nodeView.refresh(); edgeView.refresh();
    stats.textContent = nodeView.length + " / " + data.total_nodes + " nodes" + (data.large ? " (firms aggregated)" : "");
    network.fit(); };
  countySelect.addEventListener("change", refresh); chainSelect.addEventListener("change", refresh);
  refresh();
  window.chainkgReport = { network, nodes, edges, nodeView, edgeView, drawnNodes: () => network.body.nodeIndices.length };
})();
