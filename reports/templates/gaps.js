// gaps.html: one chain at a time (the one in the address, else the first), and the chain maps
// re-coloured for the county chosen, or the changes section (#changes), its rows those of the county
// chosen. Without this script every chain and every change show, for the whole prefecture.
(function () {
  "use strict";
  const sections = Array.from(document.querySelectorAll("section.chain"));
  const links = Array.from(document.querySelectorAll("nav#chains a"));
  // the changes section is a view of its own (#changes), like a chain: one at a time keeps the page short
  const changes = document.getElementById("changes");
  const show = () => {
    const wanted = location.hash.slice(1);
    const current = wanted === "changes" && changes ? changes : sections.find((s) => s.id === wanted) || sections[0];
    for (const s of sections) s.hidden = s !== current;
    if (changes) changes.hidden = changes !== current;
    for (const a of links) a.classList.toggle("current", current !== undefined && a.getAttribute("href") === "#" + current.id);
  };
  const colour = { strong: "#2e6b28", weak: "#b7791f", missing: "#b3413f" };
  const select = document.getElementById("county-view");
  const recolour = () => {
    for (const map of document.querySelectorAll("div.map")) {
      const view = JSON.parse(map.dataset.views)[select.value]; if (!view) continue;
      const title = map.querySelector(".map-title"); title.textContent = title.textContent.replace(/ · [^·]*$/, " · " + select.value);
      for (const g of map.querySelectorAll("g.segment")) {
        const box = view.boxes[Number(g.dataset.segment)];
        g.setAttribute("class", "segment " + box.status);
        g.querySelector("rect").setAttribute("fill", box.fill);
        g.querySelector("title").textContent = box.title;
        const texts = g.querySelectorAll("text");
        for (const t of texts) t.setAttribute("fill", box.dark ? "#ffffff" : "#1f1f1f");
        texts[1].textContent = box.mark;
      }
      for (const line of map.querySelectorAll("line.link")) {
        const kind = view.links[line.dataset.link];
        line.setAttribute("class", "link " + kind); line.setAttribute("stroke", colour[kind]);
        line.setAttribute("stroke-width", kind === "strong" ? "2.5" : "1.6");
        if (kind === "strong") line.removeAttribute("stroke-dasharray"); else line.setAttribute("stroke-dasharray", kind === "weak" ? "7 4" : "2 4");
        line.setAttribute("marker-end", "url(#" + map.dataset.marker + "-arrow-" + kind + ")");
      }
    }
  };
  // the changes of the county chosen: a row names the counties its fact is in (全市: every row)
  const filterChanges = () => {
    if (!changes) return;
    let shown = 0;
    for (const row of changes.querySelectorAll("tbody tr")) {
      row.hidden = select.value !== "全市" && !row.dataset.counties.split("、").includes(select.value);
      if (!row.hidden) shown += 1;
    }
    const count = document.getElementById("changes-shown");
    if (count) count.textContent = select.value === "全市" ? "" : "，其中 " + select.value + " " + shown + " 项";
  };
  window.addEventListener("hashchange", show);
  select.addEventListener("change", () => { recolour(); filterChanges(); });
  show(); recolour(); filterChanges();
  window.chainkgGaps = { show, recolour, filterChanges };
})();
