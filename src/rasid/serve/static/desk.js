// Shared helpers of the desk's scripts (written for Rasid, Apache-2.0): fetching every page of
// an API list, and the colours of event types. No inline script: the CSP allows 'self' only.
"use strict";
const Desk = {
  async all(url) {
    const items = [];
    let offset = 0;
    for (;;) {
      const sep = url.includes("?") ? "&" : "?";
      const page = await (await fetch(`${url}${sep}limit=200&offset=${offset}`)).json();
      items.push(...page.items);
      if (page.next_offset === null) return items;
      offset = page.next_offset;
    }
  },
  colours: {attack: "#d1495b", clash: "#edae49", airstrike: "#00798c", explosion: "#8f2d56",
            territory_change: "#30638e", seizure: "#6a994e", leader_killed: "#3d348b", defection: "#7678ed",
            funds_transfer: "#f18701", return: "#4f772d", kidnapping: "#bc4749", execution: "#432818",
            arrest: "#5e548e", agreement: "#2a9d8f", other: "#6c757d"},
  labels: JSON.parse((document.getElementById("labels") || {textContent: "{}"}).textContent),
  label(vocabulary, value) { return (this.labels[vocabulary] || {})[value] || value; },
  text(el, value) { el.textContent = value; return el; },
};
