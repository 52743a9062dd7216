// dateline's page: a topic box, a zoomable timeline (vis-timeline), the same
// entries as a keyboard-friendly list, the article of an entry with its
// sentence highlighted and its time expressions marked, exports, and live
// updates from /api/events.
//
// Article data is hostile: it only ever enters the page as text
// (textContent, createTextNode, setAttribute of plain attributes), never as
// HTML, and only http(s) addresses become links.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("query");
  const status = $("status");
  const list = $("list");
  const OPTIONS = ["query", "keywords", "entity", "speaker", "from", "to", "dates", "per_date"];
  const DEFAULTS = { dates: "10", per_date: "1" };

  let chart = null;        // the vis.Timeline
  let chartItems = null;   // its vis.DataSet
  let entries = [];        // [{id, date, item}] in list order
  let version = null;      // the store version the timeline was built at
  let current = null;      // the query string of the timeline shown
  let loading = 0;         // a counter, so that a late answer never replaces a newer one

  // CONTROL matches one control character other than tab and line breaks:
  // terminal escapes and the like in article text are shown as U+FFFD, one
  // for one, so that rune offsets still hold.
  const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
  function clean(s) {
    return String(s).replace(CONTROL, "\ufffd");
  }

  // el makes an element with text content and plain attributes.
  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, clean(v));
    if (text !== undefined && text !== null) e.textContent = clean(text);
    return e;
  }

  // safeURL returns u when it is an absolute http(s) URL, else null.
  function safeURL(u) {
    try {
      const p = new URL(u);
      return p.protocol === "http:" || p.protocol === "https:" ? p.href : null;
    } catch (e) {
      return null;
    }
  }

  function say(msg, isError) {
    status.textContent = msg;
    status.classList.toggle("error", !!isError);
  }

  // params reads the form into URLSearchParams, leaving out defaults.
  function formParams() {
    const p = new URLSearchParams();
    for (const name of OPTIONS) {
      const v = (form.elements[name].value || "").trim();
      if (v !== "" && v !== DEFAULTS[name]) p.set(name, v);
    }
    return p;
  }

  function fillForm(p) {
    for (const name of OPTIONS) form.elements[name].value = p.get(name) || DEFAULTS[name] || "";
    if (p.get("keywords") || p.get("entity") || p.get("speaker") || p.get("from") || p.get("to") || p.get("dates") || p.get("per_date")) $("more").open = true;
  }

  async function getJSON(url) {
    const resp = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await resp.json().catch(() => null);
    if (!resp.ok) throw new Error((body && body.error) || resp.status + " " + resp.statusText);
    return body;
  }

  // load builds the timeline the page's URL asks for.
  async function load(opts) {
    const page = new URLSearchParams(location.search);
    fillForm(page);
    const q = new URLSearchParams();
    for (const name of OPTIONS) if (page.has(name)) q.set(name, page.get(name));
    const qs = q.toString();
    if (!page.has("query") && !page.has("keywords") && !page.has("entity") && !page.has("speaker") && !(opts && opts.force)) {
      say("Type a topic and press Enter to build its timeline.");
      return;
    }
    const n = ++loading;
    say(opts && opts.update ? "New articles: updating the timeline…" : "Building the timeline…");
    let tl;
    try {
      tl = await getJSON("/api/timeline?" + qs);
    } catch (e) {
      if (n === loading) say("Could not build the timeline: " + e.message, true);
      return;
    }
    if (n !== loading) return;
    current = qs;
    draw(tl);
    drawSpeakers(tl, page);
    drawEntities(page);
    exportLinks(qs);
    const items = entries.length;
    let msg = tl.dates.length + (tl.dates.length === 1 ? " date, " : " dates, ") + items + (items === 1 ? " entry." : " entries.");
    if (tl.dates.length === 0) msg = "Nothing in the store matched: no dates.";
    if (opts && opts.update) msg = "Updated with new articles: " + msg;
    say(msg);
    const art = page.get("article");
    if (art) openArticle(art, parseInt(page.get("sentence") || "0", 10), false);
  }

  function exportLinks(qs) {
    for (const a of document.querySelectorAll("#exports a")) {
      const p = new URLSearchParams(qs);
      p.set("format", a.dataset.format);
      p.set("download", "1");
      a.href = "/api/timeline?" + p.toString();
    }
    $("tools").hidden = false;
  }

  // draw shows the timeline in the chart and in the list.
  function draw(tl) {
    entries = [];
    list.replaceChildren();
    const visItems = [];
    tl.dates.forEach((d, di) => {
      const li = el("li");
      const h = el("h3");
      h.appendChild(el("time", { datetime: d.date }, longDate(d.date)));
      li.appendChild(h);
      const ul = el("ul");
      d.items.forEach((it, ii) => {
        const id = di + "-" + ii;
        entries.push({ id, date: d.date, item: it });
        const b = el("button", { type: "button", class: "entry", "data-id": id });
        b.appendChild(el("span", { class: "text" }, it.display));
        for (const who of speakersOf(it)) b.appendChild(el("span", { class: "said" }, "— said " + who));
        b.appendChild(el("span", { class: "src" }, provenance(it)));
        const row = el("li");
        row.appendChild(b);
        ul.appendChild(row);
        const content = el("div", { "data-id": id }, shorten(it.display, 140));
        visItems.push({ id, start: d.date, content });
      });
      li.appendChild(ul);
      list.appendChild(li);
    });
    drawChart(visItems);
  }

  // speakersOf lists the distinct named speakers of an item's quotes.
  function speakersOf(it) {
    const out = [];
    for (const q of it.quotes || []) if (q.speaker && !out.includes(q.speaker)) out.push(q.speaker);
    return out;
  }

  // refine loads the timeline of the page's query with one parameter set
  // (or removed, for an empty value).
  function refine(name, value) {
    const p = new URLSearchParams(location.search);
    p.delete("article");
    p.delete("sentence");
    if (value) p.set(name, value);
    else p.delete(name);
    history.pushState(null, "", "?" + p.toString());
    shown = location.search;
    $("article").hidden = true;
    load({ force: true });
  }

  // drawSpeakers lists who is quoted in the timeline and what they said,
  // each speaker a button that keeps only their quotes.
  function drawSpeakers(tl, page) {
    const said = new Map(); // speaker → [content]
    for (const d of tl.dates) for (const it of d.items) for (const q of it.quotes || []) {
      if (!q.speaker) continue;
      if (!said.has(q.speaker)) said.set(q.speaker, []);
      if (!said.get(q.speaker).includes(q.content)) said.get(q.speaker).push(q.content);
    }
    const ul = $("speakers");
    ul.replaceChildren();
    const speakers = [...said.keys()].sort((a, b) => said.get(b).length - said.get(a).length || a.localeCompare(b));
    for (const who of speakers) {
      const li = el("li", { class: "speaker" });
      const b = el("button", { type: "button", class: "speaker-filter", "data-speaker": who }, who + " (" + said.get(who).length + ")");
      b.addEventListener("click", () => refine("speaker", who));
      li.appendChild(b);
      const quotes = el("ul");
      for (const c of said.get(who)) quotes.appendChild(el("li", { class: "quote" }, c));
      li.appendChild(quotes);
      ul.appendChild(li);
    }
    if (!speakers.length) ul.appendChild(el("li", {}, "No one is quoted in these entries."));
    const cur = page.get("speaker");
    $("speaker-filter").hidden = !cur;
    $("speaker-current").textContent = cur ? clean("Only what " + cur + " said.") : "";
    $("speakers-section").hidden = false;
  }

  // drawEntities offers the store's most mentioned entities as filters.
  async function drawEntities(page) {
    const cur = page.get("entity");
    $("entity-filter").hidden = !cur;
    $("entity-current").textContent = cur ? clean("Only sentences naming " + cur + ".") : "";
    let ents;
    try {
      ents = (await getJSON("/api/entities?limit=12")).entities;
    } catch (e) {
      return;
    }
    const ul = $("entities");
    ul.replaceChildren();
    for (const e of ents) {
      const li = el("li");
      const b = el("button", { type: "button", class: "entity-filter", "data-entity": e.name, title: e.type + ", " + e.mentions + " mentions" }, e.name);
      b.addEventListener("click", () => refine("entity", e.name));
      li.appendChild(b);
      ul.appendChild(li);
    }
  }

  function drawChart(items) {
    if (typeof vis === "undefined") {
      say("The timeline chart could not load; the list below has every entry.", true);
      return;
    }
    if (!chart) {
      chartItems = new vis.DataSet(items);
      chart = new vis.Timeline($("chart"), chartItems, {
        stack: true, zoomable: true, moveable: true, selectable: true, showCurrentTime: false,
        margin: { item: 6 }, orientation: "top", zoomMin: 1000 * 60 * 60 * 24 * 3,
      });
      chart.on("select", (ev) => {
        if (ev.items.length) {
          const e = entries.find((x) => x.id === ev.items[0]);
          if (e) openEntry(e, false);
        }
      });
    } else {
      chartItems.clear();
      chartItems.add(items);
    }
    fitChart(items);
  }

  // fitChart shows every item with room on both sides (vis-timeline's own
  // fit leaves the boxes at the edges half outside).
  function fitChart(items) {
    if (!chart || !items.length) return;
    const times = items.map((it) => Date.parse(it.start + "T00:00:00Z"));
    const lo = Math.min(...times), hi = Math.max(...times);
    const pad = Math.max((hi - lo) * 0.2, 3 * 24 * 3600 * 1000);
    chart.setOptions({ start: lo - pad, end: hi + pad });
    chart.setWindow(lo - pad, hi + pad, { animation: false });
  }

  function shorten(s, n) {
    const cps = Array.from(s);
    return cps.length <= n ? s : cps.slice(0, n - 1).join("") + "…";
  }

  function longDate(iso) {
    const d = new Date(iso + "T00:00:00Z");
    return isNaN(d) ? iso : d.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }

  function provenance(it) {
    const parts = [];
    if (it.source) parts.push(it.source);
    parts.push(it.published);
    if (it.title) parts.push("“" + it.title + "”");
    return "— " + parts.join(", ");
  }

  // openEntry opens an entry's article and marks the entry as current.
  function openEntry(e, fromList) {
    for (const b of list.querySelectorAll("button.entry")) b.setAttribute("aria-current", b.dataset.id === e.id ? "true" : "false");
    if (chart && !fromList) {
      const b = list.querySelector('button.entry[data-id="' + e.id + '"]');
      if (b) b.scrollIntoView({ block: "nearest" });
    }
    if (chart && fromList) chart.setSelection([e.id], { focus: false });
    const p = new URLSearchParams(location.search);
    p.set("article", e.item.article_id);
    p.set("sentence", String(e.item.sentence));
    history.replaceState(null, "", "?" + p.toString());
    openArticle(e.item.article_id, e.item.sentence, true);
  }

  async function openArticle(id, sentence, focus) {
    let a;
    try {
      a = await getJSON("/api/articles/" + encodeURIComponent(id));
    } catch (e) {
      say("Could not open the article: " + e.message, true);
      return;
    }
    showArticle(a, sentence);
    if (focus) $("article-title").focus();
  }

  // showArticle writes the article's text with its sentences and time
  // expressions; offsets are in code points of a.text.
  function showArticle(a, chosen) {
    const box = $("article");
    const title = $("article-title");
    title.replaceChildren();
    const url = safeURL(a.url || "");
    const head = a.title || a.source || a.id;
    if (url) {
      const link = el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, head);
      title.appendChild(link);
    } else {
      title.textContent = clean(head);
    }
    title.classList.toggle("chosen", chosen === -1);
    $("article-meta").textContent = clean([a.source, a.published, a.id].filter(Boolean).join(" · "));
    const cps = Array.from(a.text).map(clean);
    const text = $("article-text");
    text.replaceChildren();
    let pos = 0;
    let mark = null;
    for (const s of a.sentences) {
      if (s.start > pos) text.appendChild(document.createTextNode(cps.slice(pos, s.start).join("")));
      const span = el(s.index === chosen ? "mark" : "span", { class: s.index === chosen ? "sentence chosen" : "sentence", "data-index": String(s.index) });
      let at = s.start;
      for (const x of s.timexes || []) {
        const start = Math.max(x.start, at), end = Math.min(x.end, s.end);
        if (end <= start) continue;
        if (start > at) span.appendChild(document.createTextNode(cps.slice(at, start).join("")));
        const t = el("time", { class: "timex", title: x.type + " " + x.value }, cps.slice(start, end).join(""));
        if (/^\d{4}(-\d\d){0,2}$/.test(x.value)) t.setAttribute("datetime", x.value);
        span.appendChild(t);
        at = end;
      }
      if (s.end > at) span.appendChild(document.createTextNode(cps.slice(at, s.end).join("")));
      text.appendChild(span);
      if (s.index === chosen) mark = span;
      pos = Math.max(pos, s.end);
    }
    if (pos < cps.length) text.appendChild(document.createTextNode(cps.slice(pos).join("")));
    showSiblings(a.siblings || []);
    box.hidden = false;
    if (mark) mark.scrollIntoView({ block: "center" });
  }

  // showSiblings lists the other articles of the article's story (its
  // copies and updated versions) as links that open them here.
  function showSiblings(sibs) {
    const ul = $("siblings-list");
    ul.replaceChildren();
    for (const sb of sibs) {
      const p = new URLSearchParams(location.search);
      p.set("article", sb.id);
      p.delete("sentence");
      const label = [sb.title || sb.id, sb.source, sb.published].filter(Boolean).join(" · ");
      const link = el("a", { href: "?" + p.toString(), class: "sibling", "data-id": sb.id }, label);
      link.addEventListener("click", (ev) => {
        ev.preventDefault();
        history.replaceState(null, "", "?" + p.toString());
        openArticle(sb.id, -2, true);
      });
      const li = el("li");
      li.appendChild(link);
      ul.appendChild(li);
    }
    $("article-siblings").hidden = sibs.length === 0;
  }

  // The list: arrow keys move between entries, Home and End to the ends,
  // Enter or Space (the button's own) opens one.
  list.addEventListener("click", (ev) => {
    const b = ev.target.closest("button.entry");
    if (!b) return;
    const e = entries.find((x) => x.id === b.dataset.id);
    if (e) openEntry(e, true);
  });
  list.addEventListener("keydown", (ev) => {
    const buttons = Array.from(list.querySelectorAll("button.entry"));
    const i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    let j = -1;
    if (ev.key === "ArrowDown") j = Math.min(i + 1, buttons.length - 1);
    else if (ev.key === "ArrowUp") j = Math.max(i - 1, 0);
    else if (ev.key === "Home") j = 0;
    else if (ev.key === "End") j = buttons.length - 1;
    if (j >= 0) {
      ev.preventDefault();
      buttons[j].focus();
    }
  });

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = formParams();
    if (p.toString() === current && new URLSearchParams(location.search).has("query")) return;
    history.pushState(null, "", p.toString() ? "?" + p.toString() : "/");
    shown = location.search;
    $("article").hidden = true;
    load({ force: true });
  });
  // Back and forward load the timeline of that URL; following the skip
  // link changes only the fragment, and must not redraw the list.
  let shown = location.search;
  window.addEventListener("popstate", () => {
    if (location.search === shown) return;
    shown = location.search;
    load();
  });
  $("article-close").addEventListener("click", () => {
    $("article").hidden = true;
    const p = new URLSearchParams(location.search);
    p.delete("article");
    p.delete("sentence");
    history.replaceState(null, "", "?" + p.toString());
    const b = list.querySelector("button.entry[aria-current=true]");
    if (b) b.focus();
  });
  $("speaker-clear").addEventListener("click", () => refine("speaker", ""));
  $("entity-clear").addEventListener("click", () => refine("entity", ""));
  $("zoom-in").addEventListener("click", () => chart && chart.zoomIn(0.5));
  $("zoom-out").addEventListener("click", () => chart && chart.zoomOut(0.5));
  $("zoom-fit").addEventListener("click", () => chartItems && fitChart(chartItems.get()));

  // Live updates: the server sends the store's version when it changes.
  function listen() {
    if (typeof EventSource === "undefined") return;
    const es = new EventSource("/api/events");
    es.addEventListener("version", (ev) => {
      let v;
      try {
        v = JSON.parse(ev.data).version;
      } catch (e) {
        return;
      }
      if (version !== null && v !== version && current !== null) load({ update: true });
      version = v;
    });
  }

  listen();
  load();
})();
