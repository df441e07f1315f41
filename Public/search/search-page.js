// The search page (search/index.html): a plain GET form (q plus one checkbox per facet value)
// that this script turns into search-as-you-type. The state lives in the URL
// (?q=...&country=ecu&page=2), so a search can be shared and the back button works.
import { createSearch } from "./search.js";

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 200;
const DEFAULT_STRINGS = {
  results: "{n} results", result: "1 result", none: "No recommendation matches this search.",
  previous: "Previous", next: "Next", searching: "Searching…", error: "Search failed: {message}",
  more: "Show all {n}", pages: "Result pages",
};

const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const facetsBox = document.getElementById("search-facets");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const pager = document.getElementById("search-pager");
const app = document.getElementById("search-app");
const strings = { ...DEFAULT_STRINGS, ...JSON.parse(app?.dataset.strings || "{}") };
// The facet fields' names in the page's language (the page lists every field of the index);
// a field without one shows its own name.
const fieldLabels = JSON.parse(app?.dataset.fields || "{}");
const engine = createSearch();
// Numbers the page's language's way, in the digits UN documents use in every language (0-9),
// as the pages built by hrindex write them.
const numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined, { numberingSystem: "latn" });
const formatNumber = (n) => numberFormat.format(n);
const labelsPromise = engine.labels(document.documentElement.lang).catch(() => ({}));
// The index's facet fields, in its order (from its manifest); set before the first search runs.
let facetFields = [];
let generation = 0;
let timer = 0;

const format = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));

function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const field of facetFields) {
    const values = params.getAll(field).filter(Boolean);
    if (values.length) filters[field] = values;
  }
  const page = Math.max(1, parseInt(params.get("page") ?? "1", 10) || 1);
  return { q: params.get("q") ?? "", filters, page };
}

function stateFromForm(page = 1) {
  const filters = {};
  for (const box of form.querySelectorAll("input[type=checkbox]:checked")) {
    (filters[box.name] ??= []).push(box.value);
  }
  return { q: input.value, filters, page };
}

function urlFor(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const field of facetFields) for (const v of state.filters[field] ?? []) params.append(field, v);
  if (state.page > 1) params.set("page", String(state.page));
  const query = params.toString();
  return location.pathname + (query ? "?" + query : "");
}

async function run(state) {
  const mine = ++generation;
  status.textContent = strings.searching;
  try {
    const [r, labels] = await Promise.all([
      engine.search(state.q, { filters: state.filters, limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE }),
      labelsPromise,
    ]);
    if (mine !== generation) return;
    renderResults(r, state);
    renderFacets(r.facets, state, labels);
    renderPager(r.total, state);
  } catch (error) {
    if (mine === generation) status.textContent = format(strings.error, { message: error.message });
  }
}

function renderResults(r, state) {
  status.textContent = r.total === 0 ? strings.none : r.total === 1 ? strings.result : format(strings.results, { n: formatNumber(r.total) });
  list.replaceChildren(...r.results.map((hit) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = hit.url;
    link.textContent = hit.title;
    // A title or excerpt in another language keeps its own direction (an English title in Arabic).
    if (hit.language) { link.lang = hit.language; link.dir = "auto"; }
    const heading = document.createElement("h2");
    heading.append(link);
    const meta = document.createElement("p");
    meta.className = "search-meta";
    // Symbols, paragraph numbers and dates isolated, so they read in order in right-to-left pages.
    const parts = [hit.document, hit.paragraph && `¶ ${hit.paragraph}`, hit.date].filter(Boolean);
    meta.append(...parts.flatMap((part, i) => {
      const isolated = document.createElement("bdi");
      isolated.textContent = part;
      return i ? [" · ", isolated] : [isolated];
    }));
    const excerpt = document.createElement("p");
    excerpt.className = "search-excerpt";
    // search.js escapes the text before adding <mark>: the excerpt holds no other markup.
    excerpt.innerHTML = hit.excerpt;
    if (hit.language) { excerpt.lang = hit.language; excerpt.dir = "auto"; }
    item.append(heading, meta, excerpt);
    return item;
  }));
  list.start = (state.page - 1) * PAGE_SIZE + 1;
}

function renderFacets(facets, state, labels) {
  const groups = [];
  for (const field of facetFields) {
    const counts = facets[field] ?? {};
    const selected = new Set(state.filters[field] ?? []);
    const values = [...new Set([...Object.keys(counts), ...selected])];
    if (values.length === 0) continue;
    const label = (v) => labels[field]?.[v] ?? v;
    values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || label(a).localeCompare(label(b)));
    const box = document.createElement("details");
    box.className = "search-facet";
    box.open = selected.size > 0 || ["country", "mechanism", "language"].includes(field);
    const summary = document.createElement("summary");
    summary.textContent = fieldLabels[field] ?? field;
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.className = "visually-hidden";
    legend.textContent = fieldLabels[field] ?? field;
    const items = document.createElement("ul");
    for (const value of values) {
      const id = `f-${field}-${value}`.replace(/[^A-Za-z0-9_-]/g, "_");
      const li = document.createElement("li");
      const check = document.createElement("input");
      Object.assign(check, { type: "checkbox", name: field, value, id, checked: selected.has(value) });
      const text = document.createElement("label");
      text.htmlFor = id;
      text.textContent = `${label(value)} (${formatNumber(counts[value] ?? 0)})`;
      li.append(check, text);
      items.append(li);
    }
    fieldset.append(legend, items);
    box.append(summary, fieldset);
    groups.push(box);
  }
  const focused = document.activeElement?.id;
  facetsBox.replaceChildren(...groups);
  if (focused) document.getElementById(focused)?.focus();
}

function renderPager(total, state) {
  const pages = Math.ceil(total / PAGE_SIZE);
  const links = [];
  const link = (page, text, rel) => {
    const a = document.createElement("a");
    a.href = urlFor({ ...state, page });
    a.rel = rel;
    a.textContent = text;
    a.addEventListener("click", (event) => {
      event.preventDefault();
      navigate({ ...state, page }, "push");
      list.focus();
    });
    return a;
  };
  if (state.page > 1) links.push(link(state.page - 1, strings.previous, "prev"));
  if (state.page < pages) links.push(link(state.page + 1, strings.next, "next"));
  pager.setAttribute("aria-label", strings.pages);
  pager.replaceChildren(...links);
}

function navigate(state, mode) {
  const url = urlFor(state);
  if (mode === "push") history.pushState(null, "", url);
  else history.replaceState(null, "", url);
  run(state);
}

function applyState(state) {
  input.value = state.q;
  run(state);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  navigate(stateFromForm(), "push");
});
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const state = stateFromForm();
    const last = state.q.trim().split(/\s+/).pop() ?? "";
    // One Latin letter matches too much to be useful while typing; CJK characters are words.
    if (last.length === 1 && !/[\u3040-\u30ff\u3400-\u9fff]/.test(last)) return;
    navigate(state, "replace");
  }, DEBOUNCE_MS);
});
facetsBox.addEventListener("change", () => navigate(stateFromForm(), "push"));
window.addEventListener("popstate", () => applyState(readState()));
list.tabIndex = -1;
// The query box shows the URL's query at once; the search runs once the facet fields are known.
input.value = readState().q;
engine.facetFields().catch(() => []).then((fields) => {
  facetFields = fields;
  applyState(readState());
});
