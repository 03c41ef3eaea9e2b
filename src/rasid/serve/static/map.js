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
  const events = await Desk.all("/api/events");
  const shown = [];
  for (const e of events) {
    for (const id of e.locations) {
      const place = e.entities[id];
      if (!place || place.lat === null || place.lon === null) continue;
      const marker = L.circleMarker([place.lat, place.lon], {radius: 6 + Math.min(6, e.documents.length),
        color: "#222", weight: 1, fillColor: Desk.colours[e.type] || "#666", fillOpacity: 0.85}).addTo(map);
      const box = document.createElement("div");
      const link = document.createElement("a");
      link.href = `/events/${e.id}`;
      Desk.text(link, `${Desk.label("event_type", e.type)} ${e.date || ""}`);
      box.append(link, document.createElement("br"), Desk.text(document.createElement("span"), place.name));
      marker.bindPopup(box);
      marker.on("click", () => { holder.dataset.clicked = e.id; });
      shown.push(marker);
    }
  }
  holder.dataset.points = String(shown.length);
  if (shown.length) map.fitBounds(L.featureGroup(shown).getBounds().pad(0.5), {maxZoom: 8});
  holder.dataset.ready = "1";
})();
