// A zoomable timeline of one actor's claims per channel and its events (SVG, no library).
// Written for Rasid. Rows are channels; each mark is one report's statement, placed at the date
// it is about (for_when), linked to its evidence view. The wheel or the buttons zoom the time axis.
"use strict";
(async function () {
  const holder = document.getElementById("timeline");
  const params = new URLSearchParams(location.search);
  if (!params.get("actor")) return;
  const data = await (await fetch(`/api/timeline?${params}`)).json();
  const rows = [];
  for (const actor of data.actors) for (const [channel, items] of Object.entries(actor.channels)) rows.push({channel, items});
  const dated = rows.flatMap(r => r.items).map(i => Date.parse(i.for_when || i.reported)).filter(x => !isNaN(x));
  holder.dataset.marks = String(dated.length);
  if (!dated.length) { holder.dataset.ready = "1"; return; }
  const NS = "http://www.w3.org/2000/svg";
  const width = holder.clientWidth || 900, rowHeight = 34, top = 24, left = 160;  // `left`: room for the row names (on the right)
  let lo = Math.min(...dated) - 864e5 * 15, hi = Math.max(...dated) + 864e5 * 15;
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("width", width); svg.setAttribute("height", top + rows.length * rowHeight + 10);
  holder.append(svg);
  function draw() {
    svg.replaceChildren();
    const x = t => width - left - (t - lo) / (hi - lo) * (width - left - 20);  // right to left: earlier on the right, past the row names
    for (let k = 0; k <= 4; k++) {
      const t = lo + (hi - lo) * k / 4, tick = document.createElementNS(NS, "text");
      tick.setAttribute("x", x(t)); tick.setAttribute("y", 14); tick.setAttribute("class", "tick");
      svg.append(Desk.text(tick, new Date(t).toISOString().slice(0, 10)));
    }
    rows.forEach((row, r) => {
      const y = top + r * rowHeight + rowHeight / 2, name = document.createElementNS(NS, "text");
      name.setAttribute("x", width - 4); name.setAttribute("y", y + 4); name.setAttribute("class", "row");
      svg.append(Desk.text(name, row.channel === "events" ? "الأحداث" : Desk.label("channel", row.channel)));
      for (const item of row.items) {
        const t = Date.parse(item.for_when || item.reported);
        if (isNaN(t) || t < lo || t > hi) continue;
        const a = document.createElementNS(NS, "a"), dot = document.createElementNS(NS, "circle"), tip = document.createElementNS(NS, "title");
        a.setAttribute("href", `/documents/${item.report.hash}`);
        dot.setAttribute("cx", x(t)); dot.setAttribute("cy", y); dot.setAttribute("r", 4 + Math.min(5, item.independent_sources));
        dot.setAttribute("class", `mark ${row.channel}`);
        Desk.text(tip, `${item.for_when || ""} · ${item.what} · ${item.evidence}`);
        dot.append(tip); a.append(dot); svg.append(a);
      }
    });
  }
  function zoom(factor, at) {
    const centre = at === undefined ? (lo + hi) / 2 : at, span = (hi - lo) * factor;
    if (span < 864e5 * 2) return;
    lo = centre - (centre - lo) * factor; hi = lo + span; draw();
  }
  svg.addEventListener("wheel", ev => { ev.preventDefault(); zoom(ev.deltaY > 0 ? 1.25 : 0.8); }, {passive: false});
  document.getElementById("zoom-in").addEventListener("click", () => zoom(0.5));
  document.getElementById("zoom-out").addEventListener("click", () => zoom(2));
  draw();
  holder.dataset.ready = "1";
})();
