// Behaviour for reports/index.html (extract.reports.html): filters only hide and show what the page already holds.
// Article text is never written into the page from here (no innerHTML); counts are set with textContent.
"use strict";
(function () {
  const byId = (id) => document.getElementById(id);

  function factFilters() {
    const table = byId("facts-table");
    if (!table) {
      return null;
    }
    const rows = Array.from(table.tBodies[0].rows);
    const texts = rows.map((row) => row.textContent.toLowerCase());
    const search = byId("fact-search");
    const metric = byId("filter-metric");
    const place = byId("filter-place");
    const source = byId("filter-source");
    const flagged = byId("filter-flagged");
    const count = byId("facts-count");
    const empty = byId("facts-empty");

    function apply() {
      const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      rows.forEach((row, index) => {
        const data = row.dataset;
        const visible =
          (!metric.value || data.metric === metric.value) &&
          (!place.value || data.places.split(";").includes(place.value)) &&
          (!source.value || data.source === source.value) &&
          (!flagged.checked || data.flagged === "true") &&
          words.every((word) => texts[index].includes(word));
        row.hidden = !visible;
        if (visible) {
          shown += 1;
        }
      });
      count.textContent = shown + " of " + rows.length + " claims shown";
      empty.hidden = shown !== 0;
    }

    function reset() {
      search.value = "";
      metric.value = "";
      place.value = "";
      source.value = "";
      flagged.checked = false;
      apply();
    }

    search.addEventListener("input", apply);
    [metric, place, source, flagged].forEach((control) => control.addEventListener("change", apply));
    byId("filter-reset").addEventListener("click", reset);
    apply();
    return reset;
  }

  const resetFacts = factFilters();

  // A link to a claim shows it even when the current filters hide it.
  document.querySelectorAll("a.fact-link").forEach((link) => {
    link.addEventListener("click", () => {
      const target = byId(link.getAttribute("href").slice(1));
      if (target && target.hidden && resetFacts) {
        resetFacts();
      }
    });
  });

  // Accepted discrepancies can be folded away; unreviewed ones and confirmed errors always stay in view.
  const hideAccepted = byId("hide-accepted");
  if (hideAccepted) {
    hideAccepted.addEventListener("change", () => {
      document.querySelectorAll('.discrepancy[data-status="accepted"]').forEach((card) => {
        card.hidden = hideAccepted.checked;
      });
    });
  }
})();
