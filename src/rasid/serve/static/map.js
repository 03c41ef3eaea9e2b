// The map of events (Leaflet over the offline base map; no tile server). Written for Rasid.
"use strict";
(async function () {
  const holder = document.getElementById("map");
  if (!window.L) { holder.classList.add("missing"); return; }
  const map = L.map(holder, {zoomSnap: 0.5, attributionControl: false}).setView([33.5, 42], 5);
  const base = await (await fetch("/static/vendor/basemap.geojson")).json();
  L.geoJSON(base, {style: f => f.properties.layer === "country"
    ? {color: "#8a94a0", weight: 0.6, fillColor: "#eef0ea", fillOpacity: 1}
    : f.properties.layer === "admin1" ? {color: "#b0b8c0", weight: 0.5, fill: false}
    : {color: "#4d5966", weight: 1.2, fill: false}}).addTo(map);
  const points = await (await fetch("/api/map")).json();
  const shown = [];
  for (const f of points.features) {
    const p = f.properties, [lon, lat] = f.geometry.coordinates;
    const marker = L.circleMarker([lat, lon], {radius: 6 + Math.min(6, p.reports), color: "#222", weight: 1,
      fillColor: Desk.colours[p.type] || "#666", fillOpacity: 0.85}).addTo(map);
    const box = document.createElement("div"), link = document.createElement("a");
    link.href = `/events/${p.id}`;
    Desk.text(link, `${Desk.label("event_type", p.type)} ${p.date || ""}`);
    box.append(link, document.createElement("br"), Desk.text(document.createElement("span"), p.place));
    marker.bindPopup(box);
    shown.push(marker);
  }
  holder.dataset.points = String(shown.length);
  if (shown.length) map.fitBounds(L.featureGroup(shown).getBounds().pad(0.5), {maxZoom: 8});
  holder.dataset.ready = "1";
})();
