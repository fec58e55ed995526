// Behaviour for reports/index.html (extract.reports.html): draws one page of flags at a time from the JSON in
// #report-data. Article text is only ever written as text (textContent, text nodes), never as markup.
//
// The data's short keys (see page_data in html.py): a fact has id, q (quote), s (sentence), src, ln, col,
// m (metric), v (value), u (unit), rd (how it was read), by (said by), st (story); a flag has fp, rule, sev,
// title, expl, status, review and changed ({v, note, by, date} or null), facts ([fact index, role]) and chart.
"use strict";
(function () {
  const byId = (id) => document.getElementById(id);
  const source = byId("report-data");
  const list = byId("flag-list");
  if (!source || !list) {
    return;
  }
  const data = JSON.parse(source.textContent);
  const facts = data.facts;
  const flags = data.flags;
  const SVG = "http://www.w3.org/2000/svg";
  const SEVERITY_RANK = { error: 0, warning: 1, note: 2 };
  const NO_STORY = "(no story)";

  // Each flag's values for the filters, worked out once.
  const rows = flags.map((flag, order) => {
    const members = flag.facts.map((pair) => facts[pair[0]]);
    const uniq = (values) => Array.from(new Set(values)).sort();
    const stories = uniq(members.map((fact) => fact.st || NO_STORY));
    const words = [flag.fp, flag.rule, flag.title, flag.expl, flag.review ? flag.review.note : ""];
    members.forEach((fact) => words.push(fact.q, fact.s, fact.src, fact.m, fact.by, fact.st));
    return {
      flag: flag,
      order: order,
      members: members,
      stories: stories,
      story: stories[0],
      metrics: uniq(members.map((fact) => fact.m).filter(Boolean)),
      sources: uniq(members.map((fact) => fact.src)),
      text: words.join("\n").toLowerCase(),
    };
  });

  // ---- small DOM helpers: strings always become text nodes -------------------------------------------------
  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    children.forEach((child) => {
      if (child !== null && child !== undefined) {
        node.append(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach((name) => node.setAttribute(name, String(attributes[name])));
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function letter(index) {
    return data.letters[index % data.letters.length];
  }

  function colour(index) {
    return data.palette[index % data.palette.length];
  }

  function shorten(text, width) {
    const line = text.split(/\s+/).filter(Boolean).join(" ");
    return line.length <= width ? line : line.slice(0, width - 1) + "…";
  }

  // ---- one flag -------------------------------------------------------------------------------------------
  function statusLabel(flag) {
    if (flag.status === "accepted" && flag.review) {
      return "accepted: " + data.verdicts[flag.review.v];
    }
    return data.statuses[flag.status];
  }

  function marked(sentence, quote) {
    const block = el("blockquote", "");
    const at = quote ? sentence.indexOf(quote) : -1;
    if (at < 0) {
      block.append(sentence + " ", el("mark", "", quote));
    } else {
      block.append(sentence.slice(0, at), el("mark", "", quote), sentence.slice(at + quote.length));
    }
    return block;
  }

  function quoteCard(fact, role, index) {
    const badge = el("span", "letter", letter(index));
    badge.style.background = colour(index);
    const said = fact.by ? " · said by " + fact.by : "";
    return el(
      "figure",
      "quote",
      el("div", "who", badge, el("span", "", role)),
      marked(fact.s, fact.q),
      el("div", "reading", "Read as ", el("b", "", fact.rd)),
      el("footer", "", fact.src + ":" + fact.ln + ":" + fact.col + said + (fact.m ? " · " + fact.m : ""))
    );
  }

  function endMarker(x, y, paint, kind, pointingLeft) {
    if (kind === "arrow") {
      const tip = pointingLeft ? x - 2 : x + 2;
      const back = pointingLeft ? tip + 9 : tip - 9;
      return svg("polygon", { points: `${tip},${y} ${back},${y - 6} ${back},${y + 6}`, fill: paint });
    }
    if (kind === "open") {
      return svg("circle", { cx: x, cy: y, r: 4, fill: "#fff", stroke: paint, "stroke-width": 2 });
    }
    return svg("line", { x1: x, y1: y - 7, x2: x, y2: y + 7, stroke: paint, "stroke-width": 2.5 });
  }

  function chart(flag, members) {
    const geometry = flag.chart;
    if (!geometry) {
      return null;
    }
    const size = data.chart;
    const baseline = 12 + size.row * geometry.r.length;
    const left = size.label;
    const right = size.w - 30;
    const picture = svg("svg", { viewBox: `0 0 ${size.w} ${geometry.h}`, role: "img" });
    picture.setAttribute("aria-label", "Intervals in " + geometry.c);
    picture.append(svg("line", { x1: left, y1: baseline, x2: right, y2: baseline, stroke: "#9aa4af" }));
    geometry.t.forEach((tick) => {
      picture.append(svg("line", { x1: tick[0], y1: 6, x2: tick[0], y2: baseline + 4, stroke: "#e6e9ed" }));
      picture.append(svg("text", { x: tick[0], y: baseline + 16, "text-anchor": "middle" }, tick[1]));
    });
    picture.append(svg("text", { x: 8, y: baseline + 16 }, geometry.c));
    geometry.r.forEach((row, index) => {
      const fact = members[index];
      const paint = colour(index);
      const y = 12 + size.row * index + size.row / 2;
      const group = svg("g", {});
      group.append(svg("title", {}, `${letter(index)}: “${fact.q}” read as ${fact.rd}`));
      group.append(svg("text", { class: "label", x: 8, y: y + 4 }, `${letter(index)}  ${shorten(fact.q, 26)}`));
      const width = Math.max(row[1] - row[0], 0);
      group.append(svg("rect", { x: row[0], y: y - 4, width: width, height: 8, rx: 2, fill: paint, "fill-opacity": 0.35 }));
      group.append(endMarker(row[0], y, paint, row[3], true));
      group.append(endMarker(row[1], y, paint, row[4], false));
      if (row[2] !== null) {
        group.append(svg("circle", { cx: row[2], cy: y, r: 4.5, fill: paint, stroke: "#fff" }));
      }
      picture.append(group);
    });
    return el("div", "chart", picture);
  }

  function reviewBlock(flag) {
    const fingerprint = el("span", "fingerprint", "fingerprint " + flag.fp);
    const review = flag.review;
    if (!review) {
      const words = flag.status === "note" ? "A note: it needs no verdict." : "No decision recorded yet.";
      return el("div", "review " + flag.status, el("span", "", words), fingerprint);
    }
    const verdict = data.verdicts[review.v];
    const who = "by " + (review.by || "unknown reviewer") + ", " + (review.date || "undated");
    const note = review.note ? el("span", "note", "“" + review.note + "”") : null;
    return el(
      "div",
      "review " + flag.status,
      el("strong", "", verdict.charAt(0).toUpperCase() + verdict.slice(1)),
      el("span", "", who),
      note,
      fingerprint
    );
  }

  function changedBlock(flag) {
    const earlier = flag.changed;
    if (!earlier) {
      return null;
    }
    const who = "by " + (earlier.by || "unknown reviewer") + ", " + (earlier.date || "undated");
    return el(
      "div",
      "review changed",
      el("strong", "", "Changed since review"),
      el(
        "span",
        "",
        "figures joined or left the group after it was judged " + data.verdicts[earlier.v] + " " + who +
          "; it needs a verdict again"
      )
    );
  }

  function card(row) {
    const flag = row.flag;
    const article = el(
      "article",
      "discrepancy",
      el(
        "header",
        "",
        el("span", "pill severity-" + flag.sev, flag.sev),
        el("h3", "", flag.title),
        el("span", "rule", flag.rule),
        el("span", "pill status status-" + flag.status, statusLabel(flag))
      ),
      el("p", "explanation", flag.expl),
      el("div", "quotes", ...flag.facts.map((pair, index) => quoteCard(facts[pair[0]], pair[1], index))),
      chart(flag, row.members),
      reviewBlock(flag),
      changedBlock(flag)
    );
    article.id = "d-" + flag.fp;
    article.dataset.status = flag.status;
    article.dataset.story = row.story;
    return article;
  }

  // ---- filters, sorting, grouping, paging ----------------------------------------------------------------
  const controls = {
    search: byId("f-search"),
    severity: byId("f-severity"),
    rule: byId("f-rule"),
    status: byId("f-status"),
    story: byId("f-story"),
    metric: byId("f-metric"),
    source: byId("f-source"),
    sort: byId("f-sort"),
    group: byId("f-group"),
    size: byId("f-size"),
  };
  const count = byId("flags-count");
  const empty = byId("flags-empty");
  let page = 0;
  let shown = rows;

  function fill(select, counts, words) {
    Object.keys(counts)
      .sort((a, b) => (words ? 0 : a.localeCompare(b)))
      .forEach((value) => {
        const option = document.createElement("option");
        option.value = value;
        option.textContent = (words ? words[value] : value) + " (" + counts[value] + ")";
        select.append(option);
      });
  }

  function tally(pick) {
    const counts = {};
    rows.forEach((row) => [].concat(pick(row)).forEach((value) => (counts[value] = (counts[value] || 0) + 1)));
    return counts;
  }

  // Review-status choices: the summary's own statuses, then "reviewed" and each verdict.
  const STATUS_CHOICES = [
    ["attention", "needs attention (not accepted)"],
    ["unreviewed", data.statuses.unreviewed],
    ["confirmed-error", data.statuses["confirmed-error"]],
    ["accepted", data.statuses.accepted],
    ["note", data.statuses.note],
    ["changed", "changed since review"],
    ["reviewed", "any verdict"],
  ].concat(Object.keys(data.verdicts).map((verdict) => ["v:" + verdict, "verdict: " + data.verdicts[verdict]]));

  function statusMatches(flag, wanted) {
    if (wanted === "attention") {
      return flag.status !== "accepted";
    }
    if (wanted === "changed") {
      return flag.changed !== null;
    }
    if (wanted === "reviewed") {
      return flag.review !== null;
    }
    if (wanted.startsWith("v:")) {
      return flag.review !== null && flag.review.v === wanted.slice(2);
    }
    return flag.status === wanted;
  }

  const severityWords = {};
  const severities = tally((row) => row.flag.sev);
  Object.keys(SEVERITY_RANK).forEach((name) => {
    if (severities[name]) {
      severityWords[name] = name;
    }
  });
  const orderedSeverities = {};
  Object.keys(severityWords).forEach((name) => (orderedSeverities[name] = severities[name]));
  fill(controls.severity, orderedSeverities, severityWords);
  fill(controls.rule, tally((row) => row.flag.rule));
  STATUS_CHOICES.forEach((choice) => {
    const matching = rows.filter((row) => statusMatches(row.flag, choice[0])).length;
    if (matching) {
      const option = document.createElement("option");
      option.value = choice[0];
      option.textContent = choice[1] + " (" + matching + ")";
      controls.status.append(option);
    }
  });
  fill(controls.story, tally((row) => row.stories));
  fill(controls.metric, tally((row) => row.metrics));
  fill(controls.source, tally((row) => row.sources));

  const SORTS = {
    severity: () => 0, // the order given: most severe first
    story: (a, b) => a.story.localeCompare(b.story),
    rule: (a, b) => a.flag.rule.localeCompare(b.flag.rule),
    source: (a, b) => a.sources[0].localeCompare(b.sources[0]),
    metric: (a, b) => (a.metrics[0] || "").localeCompare(b.metrics[0] || ""),
    size: (a, b) => b.flag.facts.length - a.flag.facts.length,
    title: (a, b) => a.flag.title.localeCompare(b.flag.title),
  };

  function selected() {
    const words = controls.search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const chosen = rows.filter((row) => {
      const flag = row.flag;
      return (
        (!controls.severity.value || flag.sev === controls.severity.value) &&
        (!controls.rule.value || flag.rule === controls.rule.value) &&
        (!controls.status.value || statusMatches(flag, controls.status.value)) &&
        (!controls.story.value || row.stories.includes(controls.story.value)) &&
        (!controls.metric.value || row.metrics.includes(controls.metric.value)) &&
        (!controls.source.value || row.sources.includes(controls.source.value)) &&
        words.every((word) => row.text.includes(word))
      );
    });
    const by = SORTS[controls.sort.value] || SORTS.severity;
    const grouped = controls.group.checked;
    return chosen.sort((a, b) => (grouped && SORTS.story(a, b)) || by(a, b) || a.order - b.order);
  }

  function pager(nav, pages) {
    nav.replaceChildren();
    if (pages <= 1) {
      return;
    }
    const button = (label, target, disabled) => {
      const node = el("button", "", label);
      node.type = "button";
      node.disabled = disabled;
      node.dataset.page = String(target);
      node.addEventListener("click", () => {
        page = target;
        draw();
        list.scrollIntoView();
      });
      return node;
    };
    nav.append(
      button("‹ Previous", page - 1, page === 0),
      el("span", "page-info", "Page " + (page + 1) + " of " + pages),
      button("Next ›", page + 1, page >= pages - 1)
    );
  }

  function draw() {
    const size = Number(controls.size.value) || 50;
    const pages = Math.max(1, Math.ceil(shown.length / size));
    page = Math.min(Math.max(page, 0), pages - 1);
    const first = page * size;
    const slice = shown.slice(first, first + size);
    const storyTotals = {};
    if (controls.group.checked) {
      shown.forEach((row) => (storyTotals[row.story] = (storyTotals[row.story] || 0) + 1));
    }
    const nodes = [];
    let story = null;
    slice.forEach((row) => {
      if (controls.group.checked && row.story !== story) {
        story = row.story;
        const total = storyTotals[story];
        const head = el("h3", "story-head", story, el("span", "", " · " + total + (total === 1 ? " flag" : " flags")));
        head.dataset.story = story;
        nodes.push(head);
      }
      nodes.push(card(row));
    });
    list.replaceChildren(...nodes);
    const last = Math.min(first + size, shown.length);
    count.textContent =
      shown.length === 0
        ? "0 of " + rows.length + " flags"
        : (first + 1) + "–" + last + " of " + shown.length + " flags" +
          (shown.length === rows.length ? "" : " (" + rows.length + " in all)");
    if (shown.length === 1) {
      count.textContent = "1 of " + rows.length + (rows.length === 1 ? " flag" : " flags");
    }
    count.dataset.matching = String(shown.length);
    empty.hidden = shown.length !== 0;
    pager(byId("pager-top"), pages);
    pager(byId("pager-bottom"), pages);
  }

  function apply() {
    shown = selected();
    page = 0;
    draw();
  }

  function reset() {
    controls.search.value = "";
    ["severity", "rule", "status", "story", "metric", "source"].forEach((name) => (controls[name].value = ""));
    apply();
  }

  // ---- the CSV of the facts of the flags the filters keep --------------------------------------------------
  const CSV_COLUMNS = [
    ["fingerprint", (row) => row.flag.fp],
    ["rule", (row) => row.flag.rule],
    ["severity", (row) => row.flag.sev],
    ["status", (row) => row.flag.status],
    ["verdict", (row) => (row.flag.review ? row.flag.review.v : "")],
    ["role", (row, fact, role) => role],
    ["fact_id", (row, fact) => fact.id],
    ["story", (row, fact) => fact.st],
    ["metric", (row, fact) => fact.m],
    ["source", (row, fact) => fact.src],
    ["line", (row, fact) => String(fact.ln)],
    ["column", (row, fact) => String(fact.col)],
    ["quote", (row, fact) => fact.q],
    ["value", (row, fact) => fact.v],
    ["unit", (row, fact) => fact.u],
    ["read_as", (row, fact) => fact.rd],
    ["attributed_to", (row, fact) => fact.by],
    ["sentence", (row, fact) => fact.s],
  ];
  const NUMBERS = new Set(["line", "column", "value"]);

  // Like facts.csv (extract.display.spreadsheet_text): a text cell a spreadsheet would run as a formula gets a '.
  function cell(name, text) {
    const safe = !NUMBERS.has(name) && data.formula.some((start) => text.startsWith(start)) ? "'" + text : text;
    return /[",\r\n]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe;
  }

  function csv() {
    const lines = [CSV_COLUMNS.map((column) => column[0]).join(",")];
    shown.forEach((row) =>
      row.flag.facts.forEach((pair) => {
        const fact = facts[pair[0]];
        lines.push(CSV_COLUMNS.map((column) => cell(column[0], column[1](row, fact, pair[1]))).join(","));
      })
    );
    return lines.join("\r\n") + "\r\n";
  }

  byId("f-csv").addEventListener("click", () => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([csv()], { type: "text/csv;charset=utf-8" }));
    link.download = "claims-flagged-facts.csv";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  });

  controls.search.addEventListener("input", apply);
  ["severity", "rule", "status", "story", "metric", "source", "sort", "group"].forEach((name) =>
    controls[name].addEventListener("change", apply)
  );
  controls.size.addEventListener("change", () => {
    page = 0;
    draw();
  });
  byId("f-reset").addEventListener("click", reset);
  // For tests and the benchmark: the CSV text the button would save.
  window.claimsReport = { csv: csv };
  apply();
  document.body.dataset.ready = "true";
})();
