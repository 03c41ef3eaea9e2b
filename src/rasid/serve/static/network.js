// The actor network (Cytoscape): actors told together in reports. Written for Rasid.
"use strict";
(async function () {
  const holder = document.getElementById("network");
  if (!window.cytoscape) { holder.classList.add("missing"); return; }
  const actor = new URLSearchParams(location.search).get("actor");
  const data = await (await fetch("/api/network" + (actor ? `?actor=${encodeURIComponent(actor)}` : ""))).json();
  const graph = cytoscape({container: holder, elements: [
      ...data.nodes.map(n => ({data: {id: n.id, label: n.name, kind: n.kind || n.type}})),
      ...data.edges.map(e => ({data: {id: `${e.source}|${e.target}`, source: e.source, target: e.target, weight: e.weight}}))],
    style: [
      {selector: "node", style: {"label": "data(label)", "font-size": 12, "background-color": "#0b5d6b",
                                 "color": "#1d232b", "text-valign": "bottom", "text-margin-y": 4}},
      {selector: "node[kind = 'armed_group']", style: {"background-color": "#b3261e"}},
      {selector: "edge", style: {"width": "mapData(weight, 1, 10, 1, 8)", "line-color": "#9aa5b1"}}],
    layout: {name: data.nodes.length > 40 ? "cose" : "circle", animate: false}});
  graph.on("tap", "node", evt => { location.href = `/entities/${evt.target.id()}`; });
  holder.dataset.nodes = String(data.nodes.length);
  holder.dataset.edges = String(data.edges.length);
  holder.dataset.ready = "1";
})();
