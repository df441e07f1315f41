// The search page (search/index.html): a plain GET form (q plus one checkbox per facet value)
// that this script turns into search-as-you-type. The state lives in the URL
// (?q=...&country=ecu&page=2), so a search can be shared and the back button works.
import { createSearch, normalize, pageNumbers, readSearchState, searchOptions, SORTS } from "./search.js";

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 200;
const DEFAULT_STRINGS = {
  results: "{n} results", result: "1 result", none: "No recommendation matches this search.",
  previous: "Previous", next: "Next", searching: "Searching…", error: "Search failed: {message}",
  more: "Show all {n}", pages: "Result pages", active: "Active filters", remove: "Remove filter {label}",
  clear: "Clear all filters", narrow: "Filter the list: {field}", suggest: "Did you mean {query}?",
  sort: "Sort", relevance: "Relevance", newest: "Newest first", oldest: "Oldest first", years: "Years",
  from: "From", to: "To", filters: "Filters ({n})",
};

const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const facetsBox = document.getElementById("search-facets");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const pager = document.getElementById("search-pager");
const app = document.getElementById("search-app");
// The active filters: a labelled list of chips, put before the facet boxes.
const chipsBox = document.createElement("section");
chipsBox.className = "search-chips";
chipsBox.hidden = true;
const chipsList = document.createElement("ul");
const strings = { ...DEFAULT_STRINGS, ...JSON.parse(app?.dataset.strings || "{}") };
// The facet fields' names in the page's language (the page lists every field of the index);
// a field without one shows its own name.
const fieldLabels = JSON.parse(app?.dataset.fields || "{}");
const chipsHeading = document.createElement("h2");
chipsHeading.id = "search-chips-heading";
chipsHeading.className = "visually-hidden";
chipsHeading.textContent = strings.active;
chipsBox.setAttribute("aria-labelledby", chipsHeading.id);
chipsBox.append(chipsHeading, chipsList);
facetsBox.before(chipsBox);

// Sort order and year range, before the facet boxes; on a phone, one "Filters (n)" button shows
// or hides the filters (the chips of the active ones stay in view).
const controls = document.createElement("div");
controls.className = "search-controls";
const sortLabel = document.createElement("label");
const sortSelect = document.createElement("select");
sortSelect.id = "search-sort";
sortSelect.name = "sort";
sortSelect.append(...SORTS.map((value) => Object.assign(document.createElement("option"), { value, textContent: strings[value] })));
sortLabel.htmlFor = sortSelect.id;
sortLabel.textContent = strings.sort;
const years = document.createElement("fieldset");
years.className = "search-years";
const yearsLegend = document.createElement("legend");
yearsLegend.textContent = strings.years;
const yearInput = (id, text) => {
  const box = Object.assign(document.createElement("input"), { id, type: "number", name: id.slice(7), inputMode: "numeric", min: "1900", max: "2100" });
  const label = Object.assign(document.createElement("label"), { htmlFor: id, textContent: text });
  return [label, box];
};
const [fromLabel, fromInput] = yearInput("search-from", strings.from);
const [toLabel, toInput] = yearInput("search-to", strings.to);
years.append(yearsLegend, fromLabel, fromInput, toLabel, toInput);
const sortBox = document.createElement("div");
sortBox.className = "search-sort";
sortBox.append(sortLabel, sortSelect);
controls.append(sortBox, years);
const filtersToggle = document.createElement("button");
filtersToggle.type = "button";
filtersToggle.className = "search-filters-toggle";
filtersToggle.setAttribute("aria-expanded", "false");
filtersToggle.setAttribute("aria-controls", "search-facets");
filtersToggle.addEventListener("click", () => {
  const open = form.classList.toggle("filters-open");
  filtersToggle.setAttribute("aria-expanded", String(open));
});
chipsBox.before(filtersToggle);
facetsBox.before(controls);
for (const control of [sortSelect, fromInput, toInput]) control.addEventListener("change", () => navigate(stateFromForm(), "push"));
// Results link into this page's edition, with facet labels in its language.
// Numbers the page's language's way, in the digits UN documents use in every language (0-9).
const numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined, { numberingSystem: "latn" });
const formatNumber = (n) => numberFormat.format(n);
const engine = createSearch({ language: document.documentElement.lang });
const labelsPromise = engine.labels().catch(() => ({}));
// The index's facet fields, in its order (from its manifest); set before the first search runs.
let facetFields = [];
let generation = 0;
let timer = 0;

const format = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));

const readState = (search = location.search) => readSearchState(search, facetFields);

function stateFromForm(page = 1) {
  const filters = {};
  for (const box of form.querySelectorAll("input[type=checkbox]:checked")) {
    (filters[box.name] ??= []).push(box.value);
  }
  const year = (box) => (/^\d{4}$/.test(box.value) ? box.value : "");
  return { q: input.value, filters, page, sort: sortSelect.value, from: year(fromInput), to: year(toInput) };
}

function urlFor(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const field of facetFields) for (const v of state.filters[field] ?? []) params.append(field, v);
  if (state.sort && state.sort !== "relevance") params.set("sort", state.sort);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.page > 1) params.set("page", String(state.page));
  const query = params.toString();
  return location.pathname + (query ? "?" + query : "");
}

// `typing`: the query is being typed, so its last word is also a prefix.
async function run(state, typing = false) {
  const mine = ++generation;
  status.textContent = strings.searching;
  try {
    const [r, labels] = await Promise.all([
      engine.search(state.q, { ...searchOptions(state), limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE, typing }),
      labelsPromise,
    ]);
    if (mine !== generation) return;
    renderResults(r, state, labels);
    renderFacets(r.facets, state, labels);
    renderPager(r.total, state);
  } catch (error) {
    if (mine === generation) status.textContent = format(strings.error, { message: error.message });
  }
}

function renderResults(r, state, labels) {
  status.textContent = r.total === 0 ? strings.none : r.total === 1 ? strings.result : format(strings.results, { n: formatNumber(r.total) });
  if (r.total === 0 && r.suggestion) status.append(" ", suggestionLine(r.suggestion, state));
  list.replaceChildren(...r.results.map((hit) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = hit.url;
    link.textContent = hit.title;
    if (hit.titleLanguage) Object.assign(link, { lang: hit.titleLanguage, dir: "auto" });
    const heading = document.createElement("h2");
    heading.append(link);
    const meta = document.createElement("p");
    meta.className = "search-meta";
    const country = hit.country && (labels.country?.[hit.country] ?? hit.country);
    const body = hit.body && (labels.body?.[hit.body] ?? hit.body);
    // Symbols, paragraph numbers and dates isolated, so they read in order in right-to-left pages.
    const parts = [country, body, hit.document, hit.paragraph && `¶ ${hit.paragraph}`, hit.date].filter(Boolean);
    meta.append(...parts.flatMap((part, i) => {
      const isolated = document.createElement("bdi");
      isolated.textContent = part;
      return i ? [" · ", isolated] : [isolated];
    }));
    const excerpt = document.createElement("p");
    excerpt.className = "search-excerpt";
    // search.js escapes the text before adding <mark>: the excerpt holds no other markup.
    excerpt.innerHTML = hit.excerpt;
    if (hit.language) Object.assign(excerpt, { lang: hit.language, dir: "auto" });
    item.append(heading, meta, excerpt);
    return item;
  }));
  list.start = (state.page - 1) * PAGE_SIZE + 1;
}

// "Did you mean {query}?" with the query as a link that runs it.
function suggestionLine(suggestion, state) {
  const line = document.createElement("span");
  const [before, after = ""] = strings.suggest.split("{query}");
  const link = document.createElement("a");
  const next = { ...state, q: suggestion, page: 1 };
  link.href = urlFor(next);
  link.textContent = suggestion;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    input.value = suggestion;
    navigate(next, "push");
  });
  line.append(before, link, after);
  return line;
}

// Fields whose boxes the reader opened or closed, and what they typed to narrow a long list:
// kept across the re-renders of every search.
const openFields = new Map();
const valueFilters = new Map();
// A list longer than this gets a box that narrows it as one types.
const LONG_LIST = 12;

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
    box.open = openFields.get(field) ?? (selected.size > 0 || ["country", "mechanism", "language"].includes(field));
    box.addEventListener("toggle", () => openFields.set(field, box.open));
    const summary = document.createElement("summary");
    summary.textContent = fieldLabels[field] ?? field;
    if (selected.size > 0) summary.append(` (${selected.size})`);
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.className = "visually-hidden";
    legend.textContent = fieldLabels[field] ?? field;
    const items = document.createElement("ul");
    for (const value of values) {
      const id = `f-${field}-${value}`.replace(/[^A-Za-z0-9_-]/g, "_");
      const li = document.createElement("li");
      li.dataset.label = normalize(label(value));
      const check = document.createElement("input");
      Object.assign(check, { type: "checkbox", name: field, value, id, checked: selected.has(value) });
      const text = document.createElement("label");
      text.htmlFor = id;
      text.textContent = `${label(value)} (${formatNumber(counts[value] ?? 0)})`;
      li.append(check, text);
      items.append(li);
    }
    fieldset.append(legend);
    if (values.length > LONG_LIST) fieldset.append(valueFilter(field, items));
    fieldset.append(items);
    box.append(summary, fieldset);
    groups.push(box);
  }
  const focused = document.activeElement?.id;
  facetsBox.replaceChildren(...groups);
  renderChips(state, labels);
  if (focused) document.getElementById(focused)?.focus();
}

// A box that hides the values of a long list whose label does not contain what is typed.
function valueFilter(field, items) {
  const box = document.createElement("input");
  Object.assign(box, { type: "search", id: `filter-${field}`, className: "search-value-filter", autocomplete: "off" });
  box.setAttribute("aria-label", format(strings.narrow, { field: fieldLabels[field] ?? field }));
  box.placeholder = format(strings.narrow, { field: fieldLabels[field] ?? field });
  box.value = valueFilters.get(field) ?? "";
  const apply = () => {
    const wanted = normalize(box.value.trim());
    valueFilters.set(field, box.value);
    for (const li of items.children) li.hidden = wanted !== "" && !li.dataset.label.includes(wanted);
  };
  box.addEventListener("input", apply);
  // Enter narrows the list; it does not submit the search form.
  box.addEventListener("keydown", (event) => { if (event.key === "Enter") event.preventDefault(); });
  apply();
  return box;
}

// The active filters as buttons that remove them, and one that removes them all.
function renderChips(state, labels) {
  const chips = [];
  for (const field of facetFields) {
    for (const value of state.filters[field] ?? []) {
      const name = labels[field]?.[value] ?? value;
      const chip = document.createElement("button");
      chip.type = "button";
      chip.className = "search-chip";
      chip.textContent = `${fieldLabels[field] ?? field}: ${name} \u00d7`;
      chip.setAttribute("aria-label", format(strings.remove, { label: `${fieldLabels[field] ?? field}: ${name}` }));
      chip.addEventListener("click", () => {
        const filters = { ...state.filters, [field]: state.filters[field].filter((v) => v !== value) };
        navigate({ ...state, q: input.value, filters, page: 1 }, "push");
        input.focus();
      });
      const li = document.createElement("li");
      li.append(chip);
      chips.push(li);
    }
  }
  if (chips.length > 1) {
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "search-chip search-chip-clear";
    clear.textContent = strings.clear;
    clear.addEventListener("click", () => { navigate({ ...state, q: input.value, filters: {}, page: 1 }, "push"); input.focus(); });
    const li = document.createElement("li");
    li.append(clear);
    chips.push(li);
  }
  chipsBox.hidden = chips.length === 0;
  const active = Object.values(state.filters).reduce((n, vs) => n + vs.length, 0) + (state.from ? 1 : 0) + (state.to ? 1 : 0);
  filtersToggle.textContent = format(strings.filters, { n: active });
  chipsList.replaceChildren(...chips);
}

// Previous, the first page, the pages around this one, the last page and Next, with "…" for
// the pages left out: 1 … 4 5 [6] 7 8 … 40.
function renderPager(total, state) {
  const pages = Math.ceil(total / PAGE_SIZE);
  const items = [];
  const link = (page, text, rel) => {
    const a = document.createElement("a");
    a.href = urlFor({ ...state, page });
    if (rel) a.rel = rel;
    a.textContent = text;
    a.addEventListener("click", (event) => {
      event.preventDefault();
      navigate({ ...state, page }, "push");
      list.focus();
    });
    return a;
  };
  const text = (content, current) => {
    const span = document.createElement("span");
    span.textContent = content;
    if (current) span.setAttribute("aria-current", "page");
    return span;
  };
  if (state.page > 1) items.push(link(state.page - 1, strings.previous, "prev"));
  if (pages > 1) {
    let last = 0;
    for (const page of pageNumbers(state.page, pages)) {
      if (page > last + 1) items.push(text("\u2026", false));
      items.push(page === state.page ? text(String(page), true) : link(page, String(page), null));
      last = page;
    }
  }
  if (state.page < pages) items.push(link(state.page + 1, strings.next, "next"));
  pager.setAttribute("aria-label", strings.pages);
  pager.replaceChildren(...items);
}


function navigate(state, mode, typing = false) {
  const url = urlFor(state);
  if (mode === "push") history.pushState(null, "", url);
  else history.replaceState(null, "", url);
  run(state, typing);
}

function applyState(state) {
  input.value = state.q;
  sortSelect.value = state.sort;
  fromInput.value = state.from;
  toInput.value = state.to;
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
    navigate(state, "replace", true);
  }, DEBOUNCE_MS);
});
facetsBox.addEventListener("change", (event) => { if (event.target.type === "checkbox") navigate(stateFromForm(), "push"); });
window.addEventListener("popstate", () => applyState(readState()));
list.tabIndex = -1;
// The query box shows the URL's query at once; the search runs once the facet fields are known.
input.value = readState().q;
engine.facetFields().catch(() => []).then((fields) => {
  facetFields = fields;
  applyState(readState());
});
