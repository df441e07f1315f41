// HRIndex search client: one dependency-free ES module (standard JavaScript + fetch).
// Runs in browsers and in Node 20+. Reads the static index that `hrindex build` writes
// under <site>/search/index/ (format: Sources/SiteSearch/SiteSearch.docc/IndexFormat.md).
// It stays one file: each extra module would be one more request before a query can run.
//
//   import { createSearch } from "./search/search.js";
//   const engine = createSearch({ baseUrl: "https://example.org/uhri/" });
//   const r = await engine.search("right to education", { filters: { country: ["ecu"] }, limit: 20, offset: 0 });
//
// r.total    exact number of matches
// r.results  [{ id, url, title, excerpt, score, document, paragraph, date, language }], best first
//            `title` is plain text. `excerpt` is an HTML string: the text is escaped first
//            (& < > " ' become entities) and the matched words are then wrapped in <mark>…</mark>;
//            <mark> is the only markup it can contain, so it is safe for innerHTML.
// r.facets   { field: { value: count } } for every facet field of the index, counting the matches.
//
// The facet fields (the names `filters` and `r.facets` use) are the index's own: its manifest
// lists them, in index order, and engine.facetFields() returns that list. The engine also
// offers baseUrl, labels() ({ field: { value: label } }) and manifest(). The other exports
// (parseQuery, tokenize, tokenizeWithOffsets, formatToken, normalize, isCJK, wordTerm,
// stemEnglish, escapeHTML, buildExcerpt) are the parts the tests check on their own.
// engine.export(query, { filters, format: "csv" | "json", onProgress }) gives the whole result set
// as a file's text (Public/search/export.js, loaded only when called).
//
// Contents, in file order (each section starts with a "// ===== <name> =====" line):
//   Public API       createSearch: the engine over one site's index
//   Search           runSearch: a query and filters to the total, one page of results, facets
//   Query parsing    parseQuery: the clauses every match must satisfy
//   Matching         one clause's documents and scores: terms, prefixes, phrases through pairs
//   Facets           filters to facet values; exact counts of the matches per facet value
//   Results          one page's result records, with their excerpts
//   Excerpts         escapeHTML, buildExcerpt
//   Index loading    IndexReader: fetches and caches the files a query needs, finds its keys
//   Index decoding   varints, integer sets, dictionary shards, pair buckets, postings, rows
//   Tokenizer        normalize, tokenize: the twin of Sources/SiteSearch/Tokenizer.swift, both
//                    checked against Tests/search-js/tokenizer-vectors.json
//   English stemmer  stemEnglish (Porter2), used by the tokenizer for a-z words

// ===== Public API =====

function defaultBaseUrl() {
  try { return new URL("../", import.meta.url).href; } catch { return "./"; }
}

/**
 * Creates a search engine over the static index of one site.
 * @param {{baseUrl?: string, fetch?: typeof fetch}} options  baseUrl: the site root (default:
 *   the site that served this module, which lives at <site>/search/search.js).
 */
export function createSearch(options = {}) {
  let baseUrl = options.baseUrl ?? defaultBaseUrl();
  if (!baseUrl.endsWith("/")) baseUrl += "/";
  const fetchImpl = options.fetch ?? ((url) => globalThis.fetch(url));
  const index = new IndexReader(baseUrl + "search/index/", fetchImpl);
  return {
    baseUrl,
    /** Runs a query; see the module comment for the result. */
    search: (query, opts = {}) => runSearch(index, baseUrl, query, opts),
    /** Labels for facet values: { field: { value: label } }. */
    labels: () => index.json("labels.json"),
    /** The index manifest (document count, facet fields and values, global counts). */
    manifest: () => index.manifest(),
    /** The facet fields, in index order, as the manifest lists them: ["country", "region", …]. */
    facetFields: async () => (await index.manifest()).fields,
    /** The whole result set as the text of a CSV or JSON file (export.js, loaded on first use). */
    export: async (query, opts = {}) => (await import("./export.js")).exportResults(
      { baseUrl, index, run: (q, o) => runSearch(index, baseUrl, q, o) }, query, opts),
  };
}

// ===== Search =====

// Every clause and every filter must match. Matches rank by the sum of their clauses' scores,
// ties (and every match of a query without words) in index order: newest first.
async function runSearch(index, baseUrl, query, opts) {
  const manifest = await index.manifest();
  const n = manifest.documents;
  const limit = Math.max(0, Math.floor(opts.limit ?? 20));
  const offset = Math.max(0, Math.floor(opts.offset ?? 0));
  const clauses = parseQuery(query);
  const filters = resolveFilters(manifest, opts.filters ?? {});
  const filterEntries = filters.map((gs) => gs.map((g) => index.facetEntry(g, manifest)));
  const [matches, filterPostings] = await Promise.all([
    Promise.all(clauses.map((c) => matchClause(index, manifest, c))),
    Promise.all(filterEntries.map((es) => Promise.all(es.map((e) => index.postings(e))))),
  ]);
  const hits = new Uint8Array(n);
  const scores = new Float64Array(n);
  let constraints = 0;
  for (const { docs, score } of matches) {
    constraints++;
    for (let i = 0; i < docs.length; i++) { hits[docs[i]]++; scores[docs[i]] += score[i]; }
  }
  for (const group of filterPostings) {
    constraints++;
    const seen = group.length > 1 ? new Uint8Array(n) : null;
    for (const p of group) for (const d of p.docs) {
      if (seen) { if (seen[d]) continue; seen[d] = 1; }
      hits[d]++;
    }
  }
  const matched = [];
  if (constraints === 0) for (let d = 0; d < n; d++) matched.push(d);
  else for (let d = 0; d < n; d++) if (hits[d] === constraints) matched.push(d);
  if (matches.length > 0) matched.sort((a, b) => scores[b] - scores[a] || a - b);
  const page = matched.slice(offset, offset + limit);
  // Sources that contain every match and can count facets: single-term clauses and filters;
  // a phrase's words too, looked up only if the other ways cost more.
  const sources = matches.filter((m) => m.sources).map((m) => m.sources);
  filterEntries.forEach((es, i) => sources.push(es.map((e, k) => ({ entry: e, postings: filterPostings[i][k], facet: true }))));
  const phraseWords = clauses.filter((c) => c.items.length > 1).flatMap((c) => c.items.filter((it) => it.prefixes.length === 0).map((it) => it.exact));
  const [facets, results] = await Promise.all([
    countFacets(index, manifest, sources, phraseWords, hits, constraints, matched),
    loadResults(index, manifest, baseUrl, page, scores, clauses),
  ]);
  const found = { total: matched.length, results, facets };
  if (opts.matches) found.matches = matched;  // every match's document number, in order (export.js)
  return found;
}

// ===== Query parsing =====

const QUOTE_CHARS = new Set(['"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb"]);
const startsWithCJK = (term) => isCJK(term.codePointAt(0));

/**
 * Parses a query into clauses; every clause must match. A clause is a list of items
 * { exact, prefixes, offset }: an item matches a token whose term equals `exact` or starts
 * with one of `prefixes`; the items of one clause must sit at the given relative positions.
 * - Unquoted words and compounds are one-item clauses; the query's last one, when unquoted,
 *   also matches as a prefix (of its stem and of its unstemmed form).
 * - "Quoted words" are one clause: a phrase.
 * - A run of 2+ CJK characters is a phrase of its bigrams (substring containment); a single
 *   CJK character matches every token that starts with it.
 */
export function parseQuery(query) {
  const segments = [];
  let text = "";
  let quoted = false;
  for (const ch of String(query ?? "")) {
    if (QUOTE_CHARS.has(ch)) {
      segments.push({ text, quoted });
      text = "";
      quoted = !quoted;
    } else text += ch;
  }
  segments.push({ text, quoted });
  const clauses = [];
  let lastPrefixable = null;
  for (const segment of segments) {
    const items = queryItems(tokenize(segment.text));
    if (items.length === 0) continue;
    if (segment.quoted) {
      const flat = items.flatMap((it) => it.cjkRun ?? [it]);
      const base = flat[0].offset;
      clauses.push({ items: flat.map((it) => ({ ...it, offset: it.offset - base })) });
      lastPrefixable = null;
      continue;
    }
    for (const it of items) {
      if (it.cjkRun) {
        const base = it.cjkRun[0].offset;
        clauses.push({ items: it.cjkRun.map((b) => ({ ...b, offset: b.offset - base })) });
        lastPrefixable = null;
      } else {
        const clause = { items: [{ ...it, offset: 0 }] };
        clauses.push(clause);
        lastPrefixable = it.tail ? null : clause;
      }
    }
  }
  if (lastPrefixable) {
    const item = lastPrefixable.items[0];
    const all = [...new Set([item.exact, item.raw ?? item.exact, ...completionStems(item.raw)])];
    item.prefixes = all.filter((p) => !all.some((q) => q !== p && p.startsWith(q)));
  }
  return clauses.map((c) => ({ items: c.items.map(({ exact, prefixes, offset }) => ({ exact, prefixes, offset })) }));
}

// A word typed halfway has a stem that is not a prefix of its full word's stem ("educat" vs
// "educ" for "education"): the stems of a few likely completions are prefixes too.
const COMPLETIONS = ["e", "ed", "ing", "ion", "ation", "s"];
function completionStems(raw) {
  if (!raw || raw.length < 3 || !/^[a-z]+$/.test(raw)) return [];
  const words = COMPLETIONS.map((s) => raw + s);
  for (const plural of IRREGULAR.keys()) if (plural.startsWith(raw)) words.push(plural);
  return words.map(wordTerm).filter((stem) => stem.length >= 3);
}

// Turns tokens into query items: a compound replaces the words it spans; a CJK run of 2+
// characters becomes one { cjkRun } item of its bigrams; a lone CJK character is a prefix item.
function queryItems(tokens) {
  const covered = new Set();
  for (const t of tokens) if (t.span) for (let k = 0; k < t.span; k++) covered.add(t.position + k);
  const items = [];
  let run = [];
  for (const t of tokens) {
    if (startsWithCJK(t.term)) {
      if (!t.tail) { run.push({ exact: t.term, prefixes: [], offset: t.position }); continue; }
      if (run.length > 0) items.push({ cjkRun: run, offset: run[0].offset });
      else items.push({ exact: t.term, prefixes: [t.term], offset: t.position, tail: true });
      run = [];
    } else if (t.span || !covered.has(t.position)) {
      items.push({ exact: t.term, raw: t.raw ?? t.term, prefixes: [], offset: t.position });
    }
  }
  items.sort((a, b) => a.offset - b.offset);
  return items;
}

// ===== Matching =====

// BM25's inverse document frequency of a key held by df of the n documents.
const idf = (n, df) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

// The documents of one clause (ascending) with the clause's score for each, and, for a
// one-term clause, its entries and postings (`sources`: they hold every match, for facets).
async function matchClause(index, manifest, clause) {
  const n = manifest.documents;
  if (clause.items.length === 1) {
    const item = clause.items[0];
    const entries = await index.entries(item);
    const postings = await Promise.all(entries.map((e) => index.postings(e)));
    const weights = entries.map((e) => (e.term === item.exact ? 1 : 0.5));
    return { ...union(postings, entries, weights, n, manifest.scale), sources: entries.map((e, k) => ({ entry: e, postings: postings[k] })) };
  }
  return matchPhrase(index, manifest, clause.items);
}

// Docs of any of the postings, each scored by its best posting: the key's idf times the
// posting's impact (its term-frequency factor); a key without impacts scores its idf.
function union(postings, entries, weights, n, scale) {
  const board = new Float64Array(n);
  const seen = new Uint8Array(n);
  let count = 0;
  postings.forEach((p, k) => {
    const keyIdf = idf(n, entries[k].df);
    for (let i = 0; i < p.docs.length; i++) {
      const d = p.docs[i];
      const s = weights[k] * keyIdf * (p.impacts ? p.impacts[i] / scale : 1);
      if (!seen[d]) { seen[d] = 1; count++; }
      if (s > board[d]) board[d] = s;
    }
  });
  const docs = new Uint32Array(count);
  const score = new Float64Array(count);
  let k = 0;
  for (let d = 0; d < n && k < count; d++) if (seen[d]) { docs[k] = d; score[k++] = board[d]; }
  return { docs, score };
}

const isCompound = (term) => term.includes("-");

// A phrase: its items must stand at their offsets. Adjacent items are looked up as pairs ("a b"
// = the documents where token b directly follows token a); for 3+ items the pairs' positions
// must chain. A CJK bigram's tail character, which the query leaves out, is put back between
// a bigram and what follows it.
async function matchPhrase(index, manifest, items) {
  const n = manifest.documents;
  const terms = await Promise.all(items.map(async (it) =>
    it.prefixes.length === 0 ? [it.exact] : (await index.entries(it)).map((e) => e.term)));
  const chain = [];
  items.forEach((it, i) => {
    chain.push({ terms: terms[i], offset: it.offset, step: isCompound(it.exact) ? it.exact.split("-").length : 1 });
    const next = items[i + 1];
    if (next && next.offset - it.offset === 2 && !isCompound(it.exact) && startsWithCJK(it.exact) && [...it.exact].length === 2) {
      chain.push({ terms: [[...it.exact][1]], offset: it.offset + 1, step: 1 });
    }
  });
  // Segments: stretches of the chain whose neighbours are adjacent.
  const segments = [[chain[0]]];
  for (let i = 1; i < chain.length; i++) {
    const prev = chain[i - 1];
    if (chain[i].offset - prev.offset === prev.step) segments[segments.length - 1].push(chain[i]);
    else segments.push([chain[i]]);
  }
  const parts = await Promise.all(segments.map((segment) => matchSegment(index, manifest, segment)));
  // Documents in every segment, scores added.
  const count = new Uint8Array(n);
  const total = new Float64Array(n);
  for (const { docs, score } of parts) for (let i = 0; i < docs.length; i++) { count[docs[i]]++; total[docs[i]] += score[i]; }
  const docs = [];
  for (let d = 0; d < n; d++) if (count[d] === parts.length) docs.push(d);
  return { docs: Uint32Array.from(docs), score: Float64Array.from(docs, (d) => total[d]), sources: null };
}

const MAX_PAIR_KEYS = 64;

async function matchSegment(index, manifest, segment) {
  const n = manifest.documents;
  if (segment.length === 1) {
    const entries = (await Promise.all(segment[0].terms.map((t) => index.entries({ exact: t, prefixes: [] })))).flat();
    const postings = await Promise.all(entries.map((e) => index.postings(e)));
    return union(postings, entries, entries.map(() => 1), n, manifest.scale);
  }
  // Each link (two neighbours) is the union of its pairs.
  const links = await Promise.all(segment.slice(1).map(async (b, i) => {
    const a = segment[i];
    const keys = a.terms.flatMap((x) => b.terms.map((y) => [x, y])).slice(0, MAX_PAIR_KEYS);
    const entries = (await Promise.all(keys.map(([x, y]) => index.pair(x, y)))).filter(Boolean);
    const postings = await Promise.all(entries.map((e) => index.postings(e)));
    return { offset: a.offset - segment[0].offset, entries, postings, ...union(postings, entries, entries.map(() => 1), n, manifest.scale) };
  }));
  const count = new Uint8Array(n);
  const total = new Float64Array(n);
  for (const link of links) for (let i = 0; i < link.docs.length; i++) { count[link.docs[i]]++; total[link.docs[i]] += link.score[i]; }
  let docs = [];
  for (let d = 0; d < n; d++) if (count[d] === links.length) docs.push(d);
  if (links.length > 1 && docs.length > 0) docs = await verifyChain(index, links, docs);
  return { docs: Uint32Array.from(docs), score: Float64Array.from(docs, (d) => total[d]) };
}

// Keeps the documents where every link's pair stands at its offset from the first's.
async function verifyChain(index, links, docs) {
  const sources = await Promise.all(links.map(async (link) => ({
    offset: link.offset,
    lists: await Promise.all(link.entries.map(async (e, k) => ({ docs: link.postings[k].docs, pos: await index.positions(e), at: 0 }))),
  })));
  const positionsOf = (link, d) => {
    const set = new Set();
    for (const s of link.lists) {
      while (s.at < s.docs.length && s.docs[s.at] < d) s.at++;
      if (s.docs[s.at] === d) for (let k = s.pos.offsets[s.at]; k < s.pos.offsets[s.at + 1]; k++) set.add(s.pos.values[k]);
    }
    return set;
  };
  return docs.filter((d) => {
    const sets = sources.map((link) => positionsOf(link, d));
    for (const p of sets[0]) if (sources.every((link, k) => sets[k].has(p + link.offset))) return true;
    return false;
  });
}

// ===== Facets =====

// A facet value's global index g is its field's offset (the values of the fields before it)
// plus its index among its field's values.
function valueOffsets(manifest) {
  if (!manifest._offsets) {
    let total = 0;
    manifest._offsets = manifest.values.map((vs) => { const o = total; total += vs.length; return o; });
  }
  return manifest._offsets;
}

function locateValue(manifest, g) {
  const offsets = valueOffsets(manifest);
  let field = offsets.length - 1;
  while (offsets[field] > g) field--;
  return [field, g - offsets[field]];
}

// Filters -> for each field with known values, the global value indexes (unknown values match nothing).
function resolveFilters(manifest, filters) {
  const offsets = valueOffsets(manifest);
  const groups = [];
  for (const [field, raw] of Object.entries(filters)) {
    const values = (Array.isArray(raw) ? raw : [raw]).map(String).filter((v) => v !== "");
    if (values.length === 0) continue;
    const f = manifest.fields.indexOf(field);
    const known = f < 0 ? [] : values.map((v) => manifest.values[f].indexOf(v)).filter((i) => i >= 0);
    groups.push([...new Set(known)].map((i) => offsets[f] + i));
  }
  return groups;
}

// Exact counts of the matches per facet value, from whichever is cheapest to download:
// precomputed counts (a source whose documents all match), the facet rows of one source that
// holds every match, or the facet values of the matching documents' blocks (vectors/).
async function countFacets(index, manifest, sources, phraseWords, hits, constraints, matched) {
  const counts = new Map();
  const add = (g, c) => counts.set(g, (counts.get(g) ?? 0) + c);
  if (constraints === 0) {
    manifest.counts.flat().forEach((c, g) => counts.set(g, c));
  } else if (matched.length > 0) {
    const n = hits.length;
    const blockSize = manifest.blockSize;
    const blocks = [...new Set(matched.map((d) => Math.floor(d / blockSize)))];
    const blockCost = (blocks.length * manifest.vectorBytes) / Math.max(1, Math.ceil(n / blockSize));
    let best = cheapestRows(sources, hits, constraints, manifest);
    if ((!best || best.cost > blockCost) && phraseWords.length > 0 && blockCost > 32768) {
      // Every match has each word of a phrase: the rows of the rarest may cost less than the
      // blocks (its postings come too, to map its rows to documents).
      const entries = (await Promise.all([...new Set(phraseWords)].map((t) => index.entries({ exact: t, prefixes: [] })))).flat();
      const rarest = entries.sort((a, b) => a.r.size + a.p.size - (b.r.size + b.p.size))[0];
      if (rarest && rarest.r.size + rarest.p.size < Math.min(blockCost, best?.cost ?? Infinity)) {
        const other = cheapestRows([[{ entry: rarest, postings: await index.postings(rarest) }]], hits, constraints, manifest);
        if (other && (!best || other.cost < best.cost)) best = other;
      }
    }
    if (best && best.cost <= blockCost) {
      const rows = await Promise.all(best.plan.map(({ x, mode }) => (mode === "rows" ? index.rows(x.entry) : null)));
      const left = await Promise.all(best.plan.map(({ left }) => valuesOf(index, blockSize, left)));
      best.plan.forEach(({ x, take, mode }, k) => {
        if (mode !== "rows") {
          for (const [g, c] of x.postings.counts) add(g, c);
          for (const values of left[k]) for (const g of values) add(g, -1);
          return;
        }
        for (const [g, set] of rows[k]) {
          let c = 0;
          for (const i of set) c += take[i];
          if (c > 0) add(g, c);
        }
      });
    } else {
      const vectors = await Promise.all(blocks.map((b) => index.vectors(b)));
      blocks.forEach((b, k) => {
        vectors[k].forEach((values, i) => {
          if (hits[b * blockSize + i] !== constraints) return;
          for (const g of values) add(g, 1);
        });
      });
    }
  }
  const facets = {};
  const offsets = valueOffsets(manifest);
  manifest.fields.forEach((field, f) => {
    const out = {};
    manifest.values[f].forEach((value, i) => {
      const c = counts.get(offsets[f] + i);
      if (c) out[value] = c;
    });
    facets[field] = out;
  });
  return facets;
}

// Of the sources (each a list of entries whose documents hold every match), the one that costs
// least to count from. Per entry, largest first (it brings the most, the others only what it
// left out): its precomputed counts when all its documents are taken; its counts less the
// values of the few documents it must leave out (from their blocks); or its facet rows.
const MAX_LEFT_OUT = 48;

function cheapestRows(sources, hits, constraints, manifest) {
  const blockSize = manifest.blockSize;
  const blockBytes = manifest.vectorBytes / Math.max(1, Math.ceil(hits.length / blockSize));
  let best = null;
  for (const list of sources) {
    const seen = new Uint8Array(hits.length);
    const plan = [];
    let cost = 0;
    for (const x of [...list].sort((a, b) => b.postings.docs.length - a.postings.docs.length)) {
      const docs = x.postings.docs;
      const take = new Uint8Array(docs.length);
      let taken = 0;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i];
        if (hits[d] === constraints && !seen[d]) { take[i] = 1; seen[d] = 1; taken++; }
      }
      if (taken === 0) continue;
      const step = { x, take, mode: "rows", left: [] };
      if (x.postings.counts) {
        if (taken === docs.length) {
          step.mode = "counts";
        } else if (docs.length - taken <= MAX_LEFT_OUT) {
          for (let i = 0; i < docs.length; i++) if (!take[i]) step.left.push(docs[i]);
          const blocks = new Set(step.left.map((d) => Math.floor(d / blockSize))).size;
          if (blocks * blockBytes < x.entry.r.size) step.mode = "minus";
          else step.left = [];
        }
      }
      plan.push(step);
      if (step.mode === "rows") cost += x.entry.r.size;
      if (step.mode === "minus") cost += new Set(step.left.map((d) => Math.floor(d / blockSize))).size * blockBytes;
    }
    if (!best || cost < best.cost) best = { plan, cost };
  }
  return best;
}

// The facet values of each of `docs`, from their blocks.
async function valuesOf(index, blockSize, docs) {
  if (docs.length === 0) return [];
  const blocks = [...new Set(docs.map((d) => Math.floor(d / blockSize)))];
  const vectors = new Map(await Promise.all(blocks.map(async (b) => [b, await index.vectors(b)])));
  return docs.map((d) => vectors.get(Math.floor(d / blockSize))[d % blockSize]);
}

// ===== Results =====

// A record of docs/<c>.json: [id, text, document, paragraph, date, language, title, url?];
// title null = the text, a number k = the text's first k characters and "…".
function readRecord([id, text, document, paragraph, date, language, title, url]) {
  return {
    id, text, document, paragraph, date, language,
    title: title === null ? text : typeof title === "number" ? text.slice(0, title) + "\u2026" : title,
    url: url ?? `recommendations/${id}/`,
  };
}

async function loadResults(index, manifest, baseUrl, page, scores, clauses) {
  const size = manifest.chunkSize;
  const chunks = await Promise.all([...new Set(page.map((d) => Math.floor(d / size)))]
    .map(async (c) => [c, await index.json(`docs/${c}.json`)]));
  const byChunk = new Map(chunks);
  return page.map((d) => {
    const doc = readRecord(byChunk.get(Math.floor(d / size))[d % size]);
    return {
      id: doc.id,
      url: baseUrl + doc.url,
      title: doc.title,
      excerpt: buildExcerpt(doc.text, clauses),
      score: Math.round(scores[d] * 1000) / 1000,
      document: doc.document,
      paragraph: doc.paragraph,
      date: doc.date,
      language: doc.language,
    };
  });
}

// ===== Excerpts =====

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Escapes text for HTML content and attribute values. */
export function escapeHTML(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * An HTML excerpt of `text` of about `maxChars` characters around the first match, with every
 * matched token wrapped in <mark>. Text is escaped piece by piece before any <mark> is added.
 */
export function buildExcerpt(text, clauses, maxChars = 240) {
  const matches = (term) => clauses.some((c) => c.items.some((it) =>
    it.exact === term || it.prefixes.some((p) => term.startsWith(p))));
  const tokens = tokenizeWithOffsets(text).filter((t) => !t.span || matches(t.term));
  const marked = tokens.filter((t) => matches(t.term));
  const ordered = tokens.filter((t) => !t.span).sort((a, b) => a.start - b.start);
  let start = 0;
  if (marked.length > 0 && text.length > maxChars) {
    const firstMark = Math.min(...marked.map((t) => t.start));
    const index = ordered.findIndex((t) => t.start >= firstMark);
    start = ordered[Math.max(0, index - 6)]?.start ?? 0;
  }
  let end = text.length;
  if (end - start > maxChars) {
    const last = ordered.filter((t) => t.end <= start + maxChars).pop();
    end = last && last.end > start ? last.end : start + maxChars;
  }
  const ranges = marked.map((t) => [Math.max(t.start, start), Math.min(t.end, end)])
    .filter(([a, b]) => a < b).sort((a, b) => a[0] - b[0]);
  let html = start > 0 ? "\u2026" : "";
  let at = start;
  for (const [a, b] of ranges) {
    if (b <= at) continue;
    const from = Math.max(a, at);
    html += escapeHTML(text.slice(at, from)) + "<mark>" + escapeHTML(text.slice(from, b)) + "</mark>";
    at = b;
  }
  html += escapeHTML(text.slice(at, end));
  if (end < text.length) html += "\u2026";
  return html;
}

// ===== Index loading =====

// Loads each index file once (a failed load is retried next time) and decodes it once.
class IndexReader {
  constructor(root, fetchImpl) {
    this.root = root;
    this.fetchImpl = fetchImpl;
    this.cache = new Map();
  }
  load(path, kind) {
    let promise = this.cache.get(path);
    if (!promise) {
      promise = (async () => {
        const response = await this.fetchImpl(this.root + path);
        if (!response.ok) throw new Error(`search index: ${this.root + path}: HTTP ${response.status}`);
        return kind === "json" ? response.json() : new Uint8Array(await response.arrayBuffer());
      })();
      promise.catch(() => this.cache.delete(path));
      this.cache.set(path, promise);
    }
    return promise;
  }
  json(path) { return this.load(path, "json"); }
  manifest() { return this.json("manifest.json"); }
  decoded(key, path, decode) {
    if (!this.cache.has(key)) this.cache.set(key, this.load(path, "bin").then(decode));
    return this.cache.get(key);
  }
  shard(k) { return this.decoded("shard:" + k, `terms/${k}.bin`, decodeShard); }
  bucket(b) { return this.decoded("bucket:" + b, `pairs/${b}.bin`, (bytes) => decodeBucket(bytes, b)); }
  vectors(b) { return this.decoded("vectors:" + b, `vectors/${b}.bin`, decodeVectors); }
  // Entries whose term equals `item.exact` or starts with one of `item.prefixes`.
  async entries(item) {
    const manifest = await this.manifest();
    const shards = manifest.shards;
    const wanted = new Set();
    for (const key of [item.exact, ...item.prefixes]) {
      let k = shardFor(shards, key);
      wanted.add(k);
      if (item.prefixes.includes(key)) while (k + 1 < shards.length && shards[k + 1].startsWith(key)) wanted.add(++k);
    }
    const found = new Map();
    for (const k of [...wanted].sort((a, b) => a - b)) {
      for (const e of await this.shard(k)) {
        if (e.term === item.exact || item.prefixes.some((p) => e.term.startsWith(p))) found.set(e.term, e);
      }
    }
    return [...found.values()];
  }
  // The entry of the pair "a b", or null when the two never stand side by side.
  async pair(a, b) {
    const manifest = await this.manifest();
    const key = a + " " + b;
    return (await this.bucket(pairBucket(manifest, key))).find((e) => e.term === key) ?? null;
  }
  part(entry, part, decode) {
    const key = `${part}:${entry.src ?? ""}:${entry.term}`;
    if (!this.cache.has(key)) {
      const bytes = entry[part].inline ?? this.load(`${entry.src}.${part}.bin`, "bin");
      this.cache.set(key, Promise.resolve(bytes).then(decode));
    }
    return this.cache.get(key);
  }
  postings(entry) { return this.part(entry, "p", decodePostings); }
  rows(entry) { return this.part(entry, "r", decodeRows); }
  async positions(entry) {
    const postings = await this.postings(entry);
    return this.part(entry, "x", (bytes) => decodePositions(bytes, postings.docs.length));
  }
  // Facet value g is stored like a term, under facets/.
  facetEntry(g, manifest) {
    const [field, index] = locateValue(manifest, g);
    return {
      term: "\u0000" + g, df: manifest.counts[field][index], src: `facets/${g}`,
      p: { inline: null, size: 0 }, r: { inline: null, size: manifest.rowBytes[field][index] },
    };
  }
}

// The dictionary shard that holds `term`: the last whose first term is not after it.
function shardFor(shards, term) {
  let lo = 0, hi = shards.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (compareCodePoints(shards[mid], term) <= 0) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function compareCodePoints(a, b) {
  const x = Array.from(a, (c) => c.codePointAt(0));
  const y = Array.from(b, (c) => c.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

const utf8Encoder = new TextEncoder();

// FNV-1a (32-bit) of a key's UTF-8 bytes: how the writer spreads pairs over buckets.
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const byte of utf8Encoder.encode(text)) h = Math.imul(h ^ byte, 0x01000193);
  return h >>> 0;
}

// The bucket of a pair key: the hash's top bits pick a partition, the rest one of its buckets.
function pairBucket(manifest, key) {
  const h = fnv1a(key);
  const bits = Math.log2(manifest.pairPartitions);
  const perPartition = manifest.pairBuckets / manifest.pairPartitions;
  const low = bits === 0 ? h : h % 2 ** (32 - bits);
  return Math.floor(h / 2 ** (32 - bits)) * perPartition + (low % perPartition);
}

// ===== Index decoding =====

function readVarint(state) {
  let result = 0;
  let factor = 1;
  for (;;) {
    const byte = state.bytes[state.at++];
    if (byte === undefined) throw new Error("search index: truncated data");
    result += (byte & 0x7f) * factor;
    if (byte < 0x80) return result;
    factor *= 128;
  }
}

// A sorted set of integers: gaps (mode 0), runs (mode 1) or a bitmap (mode 2).
function readIntSet(state) {
  const header = readVarint(state);
  const mode = header % 4;
  const n = Math.floor(header / 4);
  if (mode === 0) {
    const out = new Uint32Array(n);
    let value = -1;
    for (let i = 0; i < n; i++) { value += readVarint(state) + 1; out[i] = value; }
    return out;
  }
  if (mode === 1) {
    const runs = [];
    let total = 0;
    let next = 0;
    for (let r = 0; r < n; r++) {
      const start = next + readVarint(state);
      const length = readVarint(state) + 1;
      runs.push(start, length);
      total += length;
      next = start + length + 1;
    }
    const out = new Uint32Array(total);
    let k = 0;
    for (let r = 0; r < runs.length; r += 2) for (let v = 0; v < runs[r + 1]; v++) out[k++] = runs[r] + v;
    return out;
  }
  const first = readVarint(state);
  const spanBytes = readVarint(state);
  const out = new Uint32Array(n);
  let k = 0;
  for (let b = 0; b < spanBytes; b++) {
    const byte = state.bytes[state.at + b];
    if (byte === 0) continue;
    for (let bit = 0; bit < 8; bit++) if (byte & (1 << bit)) out[k++] = first + b * 8 + bit;
  }
  state.at += spanBytes;
  return out;
}

function decodePostings(bytes) {
  const state = { bytes, at: 0 };
  const flags = readVarint(state);
  const docs = readIntSet(state);
  let impacts = null;
  if (flags & 1) { impacts = bytes.subarray(state.at, state.at + docs.length); state.at += docs.length; }
  let counts = null;
  if (flags & 2) {
    counts = new Map();
    const k = readVarint(state);
    let g = -1;
    for (let i = 0; i < k; i++) { g += readVarint(state) + 1; counts.set(g, readVarint(state)); }
  }
  return { docs, impacts, counts };
}

function decodeRows(bytes) {
  const state = { bytes, at: 0 };
  const k = readVarint(state);
  const rows = [];
  let g = -1;
  for (let i = 0; i < k; i++) { g += readVarint(state) + 1; rows.push([g, readIntSet(state)]); }
  return rows;
}

function decodePositions(bytes, docCount) {
  const state = { bytes, at: 0 };
  const offsets = new Uint32Array(docCount + 1);
  const values = [];
  for (let i = 0; i < docCount; i++) {
    offsets[i] = values.length;
    const n = readVarint(state);
    let p = 0;
    for (let k = 0; k < n; k++) { p += readVarint(state); values.push(p); }
  }
  offsets[docCount] = values.length;
  return { offsets, values: Uint32Array.from(values) };
}

const utf8 = new TextDecoder();

// A dictionary shard: its entry count, segment s and first file number k, then front-coded
// terms in byte order, each with its postings (p) and facet rows (r), inline or in
// keys/<s>-<k>.<part>.bin (k counts the segment's entries with a file).
function decodeShard(bytes) {
  const state = { bytes, at: 0 };
  const count = readVarint(state);
  const segment = readVarint(state);
  let files = readVarint(state);
  const entries = [];
  let previous = new Uint8Array(0);
  for (let i = 0; i < count; i++) {
    const shared = readVarint(state);
    const suffixLength = readVarint(state);
    const termBytes = new Uint8Array(shared + suffixLength);
    termBytes.set(previous.subarray(0, shared));
    termBytes.set(bytes.subarray(state.at, state.at + suffixLength), shared);
    state.at += suffixLength;
    previous = termBytes;
    const entry = { term: utf8.decode(termBytes), df: readVarint(state) };
    const flags = readVarint(state);
    entry.src = (flags & 3) !== 3 ? `keys/${segment}-${files++}` : null;
    readParts(state, entry, flags, [["p", 1], ["r", 2]]);
    entries.push(entry);
  }
  return entries;
}

// A pair bucket: pairs of adjacent tokens ("human right"), each with its postings (p) and
// positions (x), inline or in pairs/<bucket>-<k>.<part>.bin (k counts the bucket's entries
// with a file).
function decodeBucket(bytes, bucket) {
  const state = { bytes, at: 0 };
  const count = readVarint(state);
  const entries = [];
  let files = 0;
  for (let i = 0; i < count; i++) {
    const length = readVarint(state);
    const entry = { term: utf8.decode(bytes.subarray(state.at, state.at + length)) };
    state.at += length;
    entry.df = readVarint(state);
    const flags = readVarint(state);
    entry.src = (flags & 3) !== 3 ? `pairs/${bucket}-${files++}` : null;
    readParts(state, entry, flags, [["p", 1], ["x", 2]]);
    entries.push(entry);
  }
  return entries;
}

function readParts(state, entry, flags, parts) {
  for (const [part, bit] of parts) {
    const size = readVarint(state);
    if (flags & bit) { entry[part] = { inline: state.bytes.subarray(state.at, state.at + size), size }; state.at += size; }
    else entry[part] = { inline: null, size };
  }
}

// Facet values of the documents of one block: per document its count, then value gaps.
function decodeVectors(bytes) {
  const state = { bytes, at: 0 };
  const docs = [];
  while (state.at < bytes.length) {
    const k = readVarint(state);
    const values = new Uint32Array(k);
    let g = -1;
    for (let i = 0; i < k; i++) { g += readVarint(state) + 1; values[i] = g; }
    docs.push(values);
  }
  return docs;
}

// ===== Tokenizer =====

const MAX_TOKEN = 64;
const COMPOUND_JOINERS = new Set(["/", ".", "-", "(", ")", "_", ":", "\u2010", "\u2013"]);
const SPACES = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);
const FOLDS = new Map([
  [0xdf, "ss"], [0x3c2, "\u03c3"], [0x131, "i"], [0xf8, "o"], [0x111, "d"], [0xf0, "d"],
  [0x142, "l"], [0x127, "h"], [0xfe, "th"], [0xe6, "ae"], [0x153, "oe"], [0x167, "t"],
  [0x2bc, "'"], [0x2019, "'"], [0x2018, "'"],
  [0x671, "\u0627"], [0x672, "\u0627"], [0x673, "\u0627"], [0x675, "\u0627"],
  [0x649, "\u064a"], [0x6cc, "\u064a"], [0x629, "\u0647"], [0x6a9, "\u0643"], [0x640, ""],
]);
const IRREGULAR = new Map([
  ["women", "woman"], ["men", "man"], ["children", "child"], ["people", "person"],
  ["peoples", "person"], ["feet", "foot"], ["teeth", "tooth"], ["mice", "mouse"],
  ["geese", "goose"], ["oxen", "ox"], ["criteria", "criterion"], ["phenomena", "phenomenon"],
  ["wives", "wife"], ["lives", "life"], ["knives", "knife"], ["spokeswomen", "spokeswoman"],
  ["spokesmen", "spokesman"], ["chairwomen", "chairwoman"], ["chairmen", "chairman"],
]);

const RE_MARK = /\p{Mn}/u;
const RE_FORMAT = /\p{Cf}/u;
const RE_WORD = /[\p{L}\p{N}\p{M}]/u;

function foldCodePoint(cp, ch) {
  if (cp === 0x3099 || cp === 0x309a) return ch;
  if (RE_MARK.test(ch) || RE_FORMAT.test(ch)) return "";
  if (cp >= 0x660 && cp <= 0x669) return String.fromCharCode(48 + cp - 0x660);
  if (cp >= 0x6f0 && cp <= 0x6f9) return String.fromCharCode(48 + cp - 0x6f0);
  const f = FOLDS.get(cp);
  return f === undefined ? ch : f;
}

/** Unicode NFKD, lower case, marks and format characters removed, letter folds, then NFC. */
export function normalize(text) {
  const lowered = text.normalize("NFKD").toLowerCase();
  let out = "";
  for (const ch of lowered) out += foldCodePoint(ch.codePointAt(0), ch);
  return out.normalize("NFC");
}

/** True for Han ideographs, kana and the CJK iteration marks, which are indexed as bigrams. */
export function isCJK(cp) {
  return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x323af) ||
    (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0x3005 && cp <= 0x3007);
}

const CLASS_SPACE = 0, CLASS_PUNCT = 1, CLASS_WORD = 2, CLASS_CJK = 3;
function classify(cp, ch) {
  if (isCJK(cp)) return CLASS_CJK;
  if (SPACES.has(cp)) return CLASS_SPACE;
  return RE_WORD.test(ch) ? CLASS_WORD : CLASS_PUNCT;
}

/** The index term of one normalized word: irregular plurals, then Porter2 for a-z words. */
export function wordTerm(word) {
  if (!/^[a-z]+$/.test(word)) return word;
  const lemma = IRREGULAR.get(word);
  return stemEnglish(lemma === undefined ? word : lemma);
}

/**
 * Splits text into index tokens: { term, position, span?, tail? }.
 * - A run of letters/digits/marks is one word token (see wordTerm); positions count tokens.
 * - Word runs joined only by / . - ( ) _ : (no space) form a group; a group of 2+ runs with an
 *   ASCII digit also yields a compound token, the raw runs joined by "-" ("A/HRC/39/6" ->
 *   "a-hrc-39-6", "47(g)" -> "47-g"), at the first run's position with span = number of runs.
 * - A run of CJK characters yields overlapping bigrams, one per character position, and its
 *   last character alone as a tail token (tail: true), so every character starts a token.
 * - Tokens longer than 64 code points are dropped (their position is still counted).
 */
export function tokenize(text) {
  return tokenizeChars(Array.from(normalize(text)), null);
}

// The one tokenizer loop. `spans`, when given, holds for each normalized character the
// [start, end) UTF-16 range of the source text it came from; tokens then carry start/end.
function tokenizeChars(chars, spans) {
  const tokens = [];
  const push = (token, from, to) => {
    if (spans) { token.start = spans[from][0]; token.end = spans[to - 1][1]; }
    tokens.push(token);
  };
  let position = 0;
  let group = [];
  let groupStart = 0;
  let groupFrom = 0;
  let groupTo = 0;
  const endGroup = () => {
    if (group.length >= 2 && group.some((r) => /[0-9]/.test(r))) {
      const term = group.join("-");
      if (Array.from(term).length <= MAX_TOKEN) push({ term, position: groupStart, span: group.length }, groupFrom, groupTo);
    }
    group = [];
  };
  const classes = chars.map((ch) => classify(ch.codePointAt(0), ch));
  let i = 0;
  while (i < chars.length) {
    const cls = classes[i];
    if (cls === CLASS_WORD) {
      let j = i + 1;
      while (j < chars.length && classes[j] === CLASS_WORD) j++;
      const run = chars.slice(i, j).join("");
      if (group.length === 0) { groupStart = position; groupFrom = i; }
      group.push(run);
      groupTo = j;
      if (j - i <= MAX_TOKEN) push({ term: wordTerm(run), position, raw: run }, i, j);
      position++;
      i = j;
    } else if (cls === CLASS_CJK) {
      endGroup();
      let j = i + 1;
      while (j < chars.length && classes[j] === CLASS_CJK) j++;
      for (let k = i; k < j - 1; k++) push({ term: chars[k] + chars[k + 1], position: position + k - i }, k, k + 2);
      push({ term: chars[j - 1], position: position + j - 1 - i, tail: true }, j - 1, j);
      position += j - i;
      i = j;
    } else {
      if (cls === CLASS_SPACE || !COMPOUND_JOINERS.has(chars[i])) endGroup();
      i++;
    }
  }
  endGroup();
  return tokens;
}

const CHAR_CACHE = new Map();

/** Tokens of `text` with start/end offsets (UTF-16) into `text`, for excerpts. */
export function tokenizeWithOffsets(text) {
  const chars = [];
  const spans = [];
  let offset = 0;
  for (const ch of text) {
    const end = offset + ch.length;
    let n = CHAR_CACHE.get(ch);
    if (n === undefined) { n = Array.from(normalize(ch)); if (CHAR_CACHE.size < 20000) CHAR_CACHE.set(ch, n); }
    for (const c of n) { chars.push(c); spans.push([offset, end]); }
    offset = end;
  }
  return tokenizeChars(chars, spans);
}

/** Compact form used by the shared test vectors: term@pos, term@pos+span, term@pos* (tail). */
export function formatToken(t) {
  return `${t.term}@${t.position}${t.span ? "+" + t.span : ""}${t.tail ? "*" : ""}`;
}

// ===== English stemmer =====

// Porter2 (Snowball English), written from the published algorithm description.

const VOWELS = "aeiouy";
const isV = (c) => VOWELS.includes(c);

const EXCEPTIONS1 = new Map([
  ["skis", "ski"], ["skies", "sky"], ["dying", "die"], ["lying", "lie"], ["tying", "tie"],
  ["idly", "idl"], ["gently", "gentl"], ["ugly", "ugli"], ["early", "earli"], ["only", "onli"],
  ["singly", "singl"], ["sky", "sky"], ["news", "news"], ["howe", "howe"], ["atlas", "atlas"],
  ["cosmos", "cosmos"], ["bias", "bias"], ["andes", "andes"],
]);
const EXCEPTIONS2 = new Set(["inning", "outing", "canning", "herring", "earring", "evening", "proceed", "exceed", "succeed"]);
const R1_PREFIXES = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];


/** The Porter2 (Snowball English) stem of a lower-case a-z word. */
export function stemEnglish(word) {
  if (word.length <= 2) return word;
  const ex = EXCEPTIONS1.get(word);
  if (ex !== undefined) return ex;
  let w = word;
  if (w[0] === "'") w = w.slice(1);
  // Mark consonant y.
  const chars = [...w];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === "y" && (i === 0 || isV(chars[i - 1]))) chars[i] = "Y";
  }
  w = chars.join("");
  const r1 = region1(w);
  const r2 = regionAfter(w, r1);
  const s = { w, r1, r2 };
  step0(s);
  step1a(s);
  if (EXCEPTIONS2.has(s.w)) return s.w.replace(/Y/g, "y");
  step1b(s);
  step1c(s);
  step2(s);
  step3(s);
  step4(s);
  step5(s);
  return s.w.replace(/Y/g, "y");
}

const isDouble = (w) => {
  const n = w.length;
  if (n < 2 || w[n - 1] !== w[n - 2]) return false;
  return "bdfgmnprt".includes(w[n - 1]);
};

function region1(w) {
  for (const p of R1_PREFIXES) if (w.startsWith(p)) return p.length;
  return regionAfter(w, 0);
}

function regionAfter(w, start) {
  let i = start;
  while (i < w.length && !isV(w[i])) i++;
  while (i < w.length && isV(w[i])) i++;
  return i < w.length ? i + 1 : w.length;
}

// A short syllable ends at index `end` (exclusive).
function endsShortSyllable(w, end) {
  if (end >= 3 && !isV(w[end - 1]) && !"wxY".includes(w[end - 1]) && isV(w[end - 2]) && !isV(w[end - 3])) return true;
  if (end === 2 && !isV(w[1]) && isV(w[0])) return true;
  return end === 4 && w.startsWith("past");
}

function longest(w, suffixes) {
  let best = null;
  for (const s of suffixes) if (w.endsWith(s) && (best === null || s.length > best.length)) best = s;
  return best;
}

function step0(s) {
  const suf = longest(s.w, ["'", "'s", "'s'"]);
  if (suf) s.w = s.w.slice(0, -suf.length);
}

function step1a(s) {
  const w = s.w;
  const suf = longest(w, ["sses", "ied", "ies", "s", "us", "ss"]);
  if (suf === "sses") s.w = w.slice(0, -2);
  else if (suf === "ied" || suf === "ies") s.w = w.slice(0, -3) + (w.length - 3 > 1 ? "i" : "ie");
  else if (suf === "s") {
    const before = w.slice(0, -2);
    if ([...before].some(isV)) s.w = w.slice(0, -1);
  }
}

function step1b(s) {
  const w = s.w;
  const suf = longest(w, ["eed", "eedly", "ed", "edly", "ing", "ingly"]);
  if (suf === null) return;
  const stemEnd = w.length - suf.length;
  if (suf === "eed" || suf === "eedly") {
    if (stemEnd < s.r1) return;
    const stem = w.slice(0, stemEnd);
    s.w = stem + (stem === "proc" || stem === "exc" || stem === "succ" ? "eed" : "ee");
    return;
  }
  const stem = w.slice(0, stemEnd);
  if (suf === "ing" && stem.length === 2 && stem[1] === "y" && !isV(stem[0])) {
    s.w = stem[0] + "ie";
    return;
  }
  if (![...stem].some(isV)) return;
  s.w = stem;
  if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) s.w = stem + "e";
  else if (isDouble(stem)) {
    if (!(stem.length === 3 && "aeo".includes(stem[0]))) s.w = stem.slice(0, -1);
  } else if (s.r1 >= stem.length && endsShortSyllable(stem, stem.length)) s.w = stem + "e";
}

function step1c(s) {
  const w = s.w, n = w.length;
  if (n > 2 && (w[n - 1] === "y" || w[n - 1] === "Y") && !isV(w[n - 2])) s.w = w.slice(0, -1) + "i";
}

const STEP2 = [
  ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["abli", "able"], ["entli", "ent"],
  ["izer", "ize"], ["ization", "ize"], ["ational", "ate"], ["ation", "ate"], ["ator", "ate"],
  ["alism", "al"], ["aliti", "al"], ["alli", "al"], ["fulness", "ful"], ["ousli", "ous"],
  ["ousness", "ous"], ["iveness", "ive"], ["iviti", "ive"], ["biliti", "ble"], ["bli", "ble"],
  ["ogi", "og"], ["ogist", "og"], ["fulli", "ful"], ["lessli", "less"], ["li", ""],
];
const STEP3 = [
  ["tional", "tion"], ["ational", "ate"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"],
  ["ical", "ic"], ["ful", ""], ["ness", ""], ["ative", ""],
];
const STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
  "ism", "ate", "iti", "ous", "ive", "ize", "ion"];

function longestPair(w, table) {
  let best = null;
  for (const p of table) if (w.endsWith(p[0]) && (best === null || p[0].length > best[0].length)) best = p;
  return best;
}

function step2(s) {
  const w = s.w;
  const p = longestPair(w, STEP2);
  if (p === null) return;
  const start = w.length - p[0].length;
  if (start < s.r1) return;
  if (p[0] === "ogi" && w[start - 1] !== "l") return;
  if (p[0] === "li" && !"cdeghkmnrt".includes(w[start - 1])) return;
  s.w = w.slice(0, start) + p[1];
}

function step3(s) {
  const w = s.w;
  const p = longestPair(w, STEP3);
  if (p === null) return;
  const start = w.length - p[0].length;
  if (start < s.r1) return;
  if (p[0] === "ative" && start < s.r2) return;
  s.w = w.slice(0, start) + p[1];
}

function step4(s) {
  const w = s.w;
  const suf = longest(w, STEP4);
  if (suf === null) return;
  const start = w.length - suf.length;
  if (start < s.r2) return;
  if (suf === "ion" && w[start - 1] !== "s" && w[start - 1] !== "t") return;
  s.w = w.slice(0, start);
}

function step5(s) {
  const w = s.w, n = w.length;
  if (w[n - 1] === "e") {
    const k = n - 1;
    if (k >= s.r2 || (k >= s.r1 && !endsShortSyllable(w, k))) s.w = w.slice(0, k);
  } else if (w[n - 1] === "l") {
    if (n - 1 >= s.r2 && w[n - 2] === "l") s.w = w.slice(0, n - 1);
  }
}
