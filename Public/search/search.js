// HRIndex search client: one dependency-free ES module (standard JavaScript + fetch).
// Runs in browsers and in Node 20+. Reads the static index that `hrindex build` writes
// under <site>/search/index/ (format: Sources/SiteSearch/SiteSearch.docc/IndexFormat.md).
// It stays one file: each extra module would be one more request before a query can run.
//
//   import { createSearch } from "./search/search.js";
//   const engine = createSearch({ baseUrl: "https://example.org/uhri/", language: "fr" });
//   const r = await engine.search("right to education", { filters: { country: ["ecu"] }, limit: 20, offset: 0 });
//
// r.total    exact number of matches
// opts: filters, limit, offset; sort: "relevance" (default; no query: newest first), "newest" or
//       "oldest"; years: [from, to] (either may be null), the year range, as the year filter;
//       typing: true while the query is being typed (see parseQuery).
// r.results  [{ id, url, title, excerpt, score, document, paragraph, date, country, body, language,
//            titleLanguage }] (country and body: their facet values, "" when none),
//            best first. `url` is the page in the reader's edition (`language`, when the site has
//            it); `title` is plain text, in the reader's language when the record is translated
//            (`titleLanguage`); the excerpt comes from the reader's language when the query matches
//            there, else from the version that matches (`language`). Translations are indexed
//            with their record: one result per recommendation. `excerpt` is an HTML string: the text is escaped first
//            (& < > " ' become entities) and the matched words are then wrapped in <mark>…</mark>;
//            <mark> is the only markup it can contain, so it is safe for innerHTML.
// r.suggestion  (only when r.total is 0, and a word matched nothing) the query with such words
//            replaced by the closest words of the term dictionary: "did you mean", spelled back
//            from its stems in the word's script and language (see suggest).
// r.facets   { field: { value: count } } for every facet field of the index. Disjunctive: a field
//            without a filter counts the matches; a field with one counts the documents that meet
//            the query and every other filter (with country: ["ecu"] every State keeps its count).
//
// A query word matches the text, and also the names (every language, aliases) of a record's
// State, themes, affected groups, body, mechanism and SDGs (names/ in the index), ranked below
// a match in the text; quoted words match the text only. The index stems each name by its
// language (aliases by every Latin stemmer), and a word is looked up by all its stems.
//
// Words match by their stems. The index stems a text's Latin-script words by its language:
// French (fr) and Spanish (es) texts by Snowball French and Spanish, run on the word with its
// accents (normalizeKeepingAccents) and folded afterwards; any other text by Porter2. Cyrillic
// and Arabic words take the Russian and Arabic stemmers in any text. A query word is stemmed
// for the page's language (createSearch's `language`; English without one) and also, "try all",
// by every other Latin stemmer: its terms there are its `also` (quoted words too).
//
// The facet fields (the names `filters` and `r.facets` use) are the index's own: its manifest
// lists them, in index order, and engine.facetFields() returns that list. The engine also
// offers baseUrl, labels() ({ field: { value: label } }) and manifest(). The other exports
// (parseQuery, tokenize, tokenizeWithOffsets, formatToken, normalize, normalizeKeepingAccents, isCJK,
// wordTerm, stemEnglish, stemRussian, stemFrench, stemSpanish, stemArabic, escapeHTML, buildExcerpt, editDistance, pageNumbers,
// SPELLINGS, ARABIC_PREFIXES, IRREGULAR) are the parts the tests check on their own.
// engine.export(query, { filters, sort, years, format: "csv" | "json", onProgress }) gives the whole
// result set, in the search's order, as a file's text with URLs into the reader's edition
// (Public/search/export.js, loaded only when called). readSearchState and searchOptions read the
// search page's URL (?q=…&country=…&sort=…&from=…&to=…&page=…) into the options of both.
//
// Contents, in file order (each section starts with a "// ===== <name> =====" line):
//   Public API       createSearch: the engine over one site's index
//   Search           runSearch: a query and filters to the total, one page of results, facets
//   Suggestions      suggest: "did you mean" for a query without results
//   Query parsing    parseQuery: the clauses every match must satisfy
//   Matching         one clause's documents and scores: terms, prefixes, phrases through pairs
//   Facets           filters to facet values; exact counts of the matches per facet value
//   Results          one page's result records (from the heads of the query's terms and of its
//                    phrases' pairs, where one saves requests, else from docs/ chunks), with their excerpts
//   Excerpts         escapeHTML, buildExcerpt
//   Index loading    IndexReader: fetches and caches the files a query needs, finds its keys
//   Index decoding   varints, integer sets, dictionary shards, pair buckets, postings, rows
//   Tokenizer        normalize, tokenize(text, language): the twin of Sources/SiteSearch/Tokenizer.swift
//                    and LatinStemmer.swift, both checked against Tests/search-js/tokenizer-vectors.json
//   English stemmer  stemEnglish (Porter2), used by the tokenizer for a-z words
//   Russian stemmer  stemRussian (Snowball), used by the tokenizer for Cyrillic words
//   French and Spanish stemmers  stemFrench, stemSpanish (Snowball), for the Latin words of fr
//                    and es texts; checked against Tests/search-js/snowball-vectors.json
//   Arabic stemmer   stemArabic (light10), used by the tokenizer for Arabic words

// ===== Public API =====

function defaultBaseUrl() {
  try { return new URL("../", import.meta.url).href; } catch { return "./"; }
}

/**
 * Creates a search engine over the static index of one site.
 * @param {{baseUrl?: string, language?: string, fetch?: typeof fetch}} options  baseUrl: the site
 *   root (default: the site that served this module, which lives at <site>/search/search.js);
 *   language: the reader's edition (result URLs and facet labels), e.g. "fr".
 */
export function createSearch(options = {}) {
  let baseUrl = options.baseUrl ?? defaultBaseUrl();
  if (!baseUrl.endsWith("/")) baseUrl += "/";
  const fetchImpl = options.fetch ?? ((url) => globalThis.fetch(url));
  const index = new IndexReader(baseUrl + "search/index/", fetchImpl);
  // The reader's edition: its language when the site has it, else the site's default.
  const edition = async () => {
    const editions = (await index.manifest()).editions ?? {};
    const language = options.language && Object.hasOwn(editions, options.language) ? options.language : null;
    // reader: the page's language, whose stemmer a query word tries first (even without an edition).
    return { language, root: baseUrl + (language ? editions[language] : ""), reader: options.language ?? "en" };
  };
  return {
    baseUrl,
    /** Runs a query; see the module comment for the result. */
    search: async (query, opts = {}) => runSearch(index, await edition(), query, opts),
    /** Labels for facet values in the reader's language: { field: { value: label } }. */
    labels: async () => {
      const { language } = await edition();
      return index.json(language ? `labels/${language}.json` : "labels.json");
    },
    /** The index manifest (document count, facet fields and values, global counts). */
    manifest: () => index.manifest(),
    /** The facet fields, in index order, as the manifest lists them: ["country", "region", …]. */
    facetFields: async () => (await index.manifest()).fields,
    /** The whole result set as the text of a CSV or JSON file (export.js, loaded on first use). */
    export: async (query, opts = {}) => {
      const ed = await edition();
      return (await import("./export.js")).exportResults({ root: ed.root, index, run: (q, o) => runSearch(index, ed, q, o) }, query, opts);
    },
  };
}

// ===== Search =====

// Every clause and every filter must match. Matches rank by the sum of their clauses' scores,
// ties (and every match of a query without words) in index order: newest first.
async function runSearch(index, edition, query, opts) {
  const manifest = await index.manifest();
  const n = manifest.documents;
  const limit = Math.max(0, Math.floor(opts.limit ?? 20));
  const offset = Math.max(0, Math.floor(opts.offset ?? 0));
  const parsed = parseQuery(query, { typing: opts.typing === true, language: edition.reader });
  const clauses = parsed.filter((c) => !c.not && !c.optional);
  const excluded = parsed.filter((c) => c.not);
  const boosts = parsed.filter((c) => c.optional);
  const filters = resolveFilters(manifest, withYears(manifest, opts.filters ?? {}, opts.years));
  const filterEntries = filters.map(({ values }) => values.map((g) => index.facetEntry(g, manifest)));
  // A word with neither a term nor a name in the index matches nothing: then the words' postings
  // are not loaded. The check makes the lookups matching a word makes first, so a word's clause
  // waits for it at no cost of a round trip; phrases and filters, which start elsewhere, do not.
  const possible = Promise.all(clauses.map((c) => mayMatch(index, manifest, c))).then((all) => !all.includes(false));
  const words = (c) => (c.any ? c.any.every(words) : c.items.length === 1);
  const match = (c) => (words(c) ? possible.then((ok) => (ok ? matchClause(index, manifest, c) : null)) : matchClause(index, manifest, c));
  const pending = Promise.all([
    Promise.all(clauses.map(match)),
    Promise.all(filterEntries.map((es) => Promise.all(es.map((e) => index.postings(e))))),
    Promise.all(excluded.map(match)),
    Promise.all(boosts.map(match)),
  ]);
  if (!(await possible)) {
    if (opts.matches) return { total: 0, matches: [] };
    const out = { total: 0, results: [], facets: facetObject(manifest, () => new Map()) };
    const suggestion = await suggest(index, manifest, query, edition.reader);
    if (suggestion !== null) out.suggestion = suggestion;
    return out;
  }
  const [matches, filterPostings, exclusions, boosted] = await pending;
  const hits = new Uint8Array(n);
  const scores = new Float64Array(n);
  let constraints = 0;
  for (const { docs, score } of matches) {
    constraints++;
    for (let i = 0; i < docs.length; i++) { hits[docs[i]]++; scores[docs[i]] += score[i]; }
  }
  // members[i][d] = 1 when document d has one of the values of filter i.
  const members = filterPostings.map((group) => {
    constraints++;
    const member = new Uint8Array(n);
    for (const p of group) for (const d of p.docs) if (!member[d]) { member[d] = 1; hits[d]++; }
    return member;
  });
  if (exclusions.length > 0) {
    // One more constraint that every document meets but the excluded ones.
    constraints++;
    const out = new Uint8Array(n);
    for (const { docs } of exclusions) for (const d of docs) out[d] = 1;
    for (let d = 0; d < n; d++) hits[d] = out[d] ? 0 : hits[d] + 1;
  }
  // An optional clause's documents rank above the others (CJK words written together).
  const first = new Uint8Array(boosted.length > 0 ? n : 0);
  for (const { docs, score } of boosted) for (let i = 0; i < docs.length; i++) { first[docs[i]] = 1; scores[docs[i]] += score[i]; }
  const matched = matchingDocs(hits, constraints);
  // Documents are numbered newest first: "newest" keeps that order, "oldest" reverses it.
  if (opts.sort === "oldest") matched.reverse();
  else if (opts.sort === "newest") { /* index order */ }
  else if (boosted.length > 0) matched.sort((a, b) => first[b] - first[a] || scores[b] - scores[a] || a - b);
  else if (matches.length > 0) matched.sort((a, b) => scores[b] - scores[a] || a - b);
  // export.js needs only every match's document number, in order: no page, facets or suggestion.
  if (opts.matches) return { total: matched.length, matches: matched };
  const page = matched.slice(offset, offset + limit);
  // Sources that contain every match and can count facets: single-term clauses and filters;
  // a phrase's words too, looked up only if the other ways cost more.
  const clauseSources = matches.filter((m) => m.sources).map((m) => m.sources);
  const filterSources = filterEntries.map((es, i) => es.map((e, k) => ({ entry: e, postings: filterPostings[i][k], facet: true })));
  // Each word of a phrase as the terms it matches (its stem and, tried in every language, `also`).
  const phraseWords = clauses.filter((c, i) => c.items && c.items.length > 1 && !matches[i].named)
    .flatMap((c) => c.items.filter((it) => it.prefixes.length === 0).map((it) => ({ exact: it.exact, also: it.also, prefixes: [] })));
  const count = (sources, h, c, docs) => countFacets(index, manifest, sources, phraseWords, h, c, docs);
  // Disjunctive facets: a filtered field's values are counted under every other constraint.
  const relaxed = filters.map(({ field }, i) => {
    if (field < 0) return null;
    const h = Uint8Array.from(hits, (x, d) => x - members[i][d]);
    return count([...clauseSources, ...filterSources.filter((_, k) => k !== i)], h, constraints - 1, matchingDocs(h, constraints - 1));
  });
  const [counts, fieldCounts, results] = await Promise.all([
    count([...clauseSources, ...filterSources], hits, constraints, matched),
    Promise.all(relaxed),
    loadResults(index, manifest, edition, page, scores, clauses, matches.flatMap((m) => m.heads)),
  ]);
  const byField = new Map(filters.map(({ field }, i) => [field, fieldCounts[i]]));
  const out = { total: matched.length, results, facets: facetObject(manifest, (f) => byField.get(f) ?? counts) };
  if (matched.length === 0) {
    const suggestion = await suggest(index, manifest, query, edition.reader);
    if (suggestion !== null) out.suggestion = suggestion;
  }
  return out;
}

/** The sort orders of the search page; the first is the default. */
export const SORTS = ["relevance", "newest", "oldest"];

/**
 * The search page's state from its URL's query string: q, the filters of the facet `fields`
 * (other parameters are ignored), page (from 1), sort (one of SORTS), from and to (four-digit
 * years, else "").
 */
export function readSearchState(search, fields) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const field of fields) {
    const values = params.getAll(field).filter(Boolean);
    if (values.length) filters[field] = values;
  }
  const page = Math.max(1, parseInt(params.get("page") ?? "1", 10) || 1);
  const sort = SORTS.includes(params.get("sort")) ? params.get("sort") : "relevance";
  const year = (name) => (/^\d{4}$/.test(params.get(name) ?? "") ? params.get(name) : "");
  return { q: params.get("q") ?? "", filters, page, sort, from: year("from"), to: year("to") };
}

/** The options of engine.search and engine.export for a page state: its filters, sort and years. */
export function searchOptions(state) {
  return { filters: state.filters, sort: state.sort, years: [state.from || null, state.to || null] };
}

/** The page numbers a pager shows: the first, the last, and two either side of `current` (1-based). */
export function pageNumbers(current, pages) {
  const shown = new Set([1, pages]);
  for (let p = current - 2; p <= current + 2; p++) if (p >= 1 && p <= pages) shown.add(p);
  return [...shown].sort((a, b) => a - b);
}

// ===== Suggestions =====

// Endings put back on a dictionary term (a stem) to spell words of each language that have it as
// their stem, likeliest first; Arabic puts an article before some (ARABIC_PREFIXES).
export const SPELLINGS = {
  en: ["", "s", "e", "ed", "ing", "ion", "ation", "y", "al", "ment", "er", "ers"],
  fr: ["", "e", "s", "es", "er", "é", "ée", "és", "ées", "ion", "ions", "ation", "ations", "ité", "ités", "ement",
    "ements", "ment", "al", "ale", "aux", "ique", "iques", "eur", "eurs", "ant", "ante", "ants", "antes", "ance", "ence"],
  es: ["", "a", "o", "as", "os", "e", "es", "ar", "er", "ir", "ado", "ada", "ados", "adas", "ión", "iones", "ción",
    "ciones", "ación", "aciones", "idad", "idades", "miento", "mientos", "al", "ales", "ico", "ica", "icos", "icas"],
  ru: ["", "ия", "а", "и", "ы", "ие", "ии", "ий", "ая", "ое", "ые", "ый", "у", "е", "о", "я", "ю", "ой", "ей", "ом", "ем",
    "ов", "ев", "ам", "ям", "ами", "ями", "ах", "ях", "ию", "ость", "ости", "ение", "ения", "ания"],
  ar: ["", "ة", "ات", "ي", "ية", "ين", "ون", "ه"],
};
export const ARABIC_PREFIXES = ["ال", ""];

// The script of a word, for "did you mean": a word is only replaced by a word of its script.
function script(word) {
  if (/[\u0400-\u04ff]/.test(word)) return "ru";
  if (/[\u0600-\u06ff]/.test(word)) return "ar";
  return /\p{Script=Latin}/u.test(word) ? "latin" : "other";
}

// A word as "did you mean" compares it: lower case, French and Spanish accents kept (else
// folded, as the index folds them); Arabic without its vowel marks and tatweel, alef forms as
// ا, but ة and ى as written (the index folds them, a reader does not).
function spellingForm(word) {
  if (script(word) !== "ar") return normalizeKeepingAccents(word);
  return word.normalize("NFC").replace(/[\u064b-\u065f\u0670\u0640]/g, "").replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627");
}

/**
 * "Did you mean": the query with each unquoted word that matches nothing (no term and no name,
 * under any stemmer the query tries) replaced by the closest word spelled from a term of the
 * dictionary shards where its terms would be, or of a name (names/): a term plus an ending
 * (SPELLINGS) that stems back to it, in the word's script (a Latin word from English, French
 * or Spanish endings, the page's language first), within 1 edit for words of up to 4
 * characters and 2 otherwise (editDistance, on the words as spellingForm writes them); ties go
 * to the likelier spelling (the page's language first; in each language the term as it is,
 * then its endings in order), then to
 * the term in more documents, then to the first in code-point order. Null when
 * no word was replaced. A suggested word stems back to a term that is in the index, so
 * searching it finds something.
 */
async function suggest(index, manifest, query, language = "en") {
  const parts = String(query).split(/(\s+)/);
  let changed = false;
  let quoted = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const startsQuoted = quoted;
    for (const ch of part) if (QUOTE_CHARS.has(ch)) quoted = !quoted;
    if (startsQuoted || part === "OR" || /^-/.test(part) || [...part].some((ch) => QUOTE_CHARS.has(ch))) continue;
    const tokens = tokenize(part, language);
    if (tokens.length !== 1 || tokens[0].span || startsWithCJK(tokens[0].term)) continue;
    const [item] = queryItems(tokens, LATIN_STEMMERS.map((l) => tokenize(part, l)));
    const key = { exact: item.exact, prefixes: [], ...(item.also ? { also: item.also } : {}) };
    if (await isKnown(index, manifest, key, key)) continue;
    const best = await closestWord(index, manifest, part, [item.exact, ...(item.also ?? []), tokenize(part)[0].raw], language);
    if (best !== null) { parts[i] = best; changed = true; }
  }
  return changed ? parts.join("") : null;
}

// The closest spelling (see suggest) of `word` among the terms of the dictionary shards and
// names/ buckets where `keys` (its terms and its normalized form) would be.
async function closestWord(index, manifest, word, keys, language) {
  const typed = spellingForm(word);
  const kind = script(typed);
  const limit = [...typed].length <= 4 ? 1 : 2;
  const shards = [...new Set(keys.map((k) => shardFor(manifest.shards, k)))];
  const candidates = (await Promise.all(shards.map((k) => index.shard(k)))).flat().map((e) => ({ term: e.term, df: e.df }));
  if (manifest.nameBuckets) {
    const buckets = [...new Set(keys.map((k) => nameBucket(k, manifest.nameBuckets)))];
    for (const file of await Promise.all(buckets.map((b) => index.json(`names/${b}.json`)))) {
      for (const name of Object.keys(file)) candidates.push({ term: name, df: 0 });
    }
  }
  let best = null;
  for (const e of candidates) {
    if (isCompound(e.term) || startsWithCJK(e.term) || script(e.term) !== kind) continue;
    for (const { word: spelled, d, rank } of spellings(e.term, language, typed, limit)) {
      const key = [d, rank, -e.df];
      const k = best ? key.findIndex((v, i) => v !== best.key[i]) : -1;
      if (!best || (k >= 0 ? key[k] < best.key[k] : compareCodePoints(spelled, best.word) < 0)) best = { key, word: spelled };
    }
  }
  return best?.word ?? null;
}

// Words whose index term is `term` that lie within `limit` edits of `typed`, with their distance
// d and rank (the place of the spelling in the languages' lists put end to end, the page's
// language first: likeliest first). Each is the
// term plus an ending of the term's script (Latin: the page's language's endings, then English,
// French, Spanish; English also its irregular plurals and their singulars first; French and
// Spanish put back the accents the typed word has on the term's letters: accentedLike), kept
// when the stemmer of that language gives the term back; a word two languages spell keeps its
// first rank.
function spellings(term, language, typed, limit) {
  const kind = script(term);
  const languages = kind === "latin" ? [...new Set([latinStemmer(language), ...LATIN_STEMMERS])] : kind === "ru" || kind === "ar" ? [kind] : [];
  if (languages.length === 0) return [{ word: term, d: editDistance(typed, term, limit), rank: 0 }].filter((x) => x.d <= limit);
  const out = [];
  const seen = new Set();
  let offset = 0;
  for (const l of languages) {
    const stem = l === "fr" || l === "es" ? accentedLike(term, typed) : term;
    const words = l === "ar" ? ARABIC_PREFIXES.flatMap((p) => SPELLINGS.ar.map((e) => p + term + e)) : SPELLINGS[l].map((e) => stem + e);
    if (l === "en") words.unshift(...[...IRREGULAR].filter(([, lemma]) => stemEnglish(lemma) === term).flat());
    words.forEach((w, rank) => {
      if (seen.has(w) || Math.abs([...w].length - [...typed].length) > limit) return;
      const d = editDistance(typed, w, limit);
      if (d > limit) return;
      const tokens = tokenize(w, l === "fr" || l === "es" ? l : "en");
      if (tokens.length === 1 && tokens[0].term === term) { seen.add(w); out.push({ word: w, d, rank: offset + rank }); }
    });
    offset += words.length;
  }
  return out;
}

// A folded French or Spanish term with the accents the typed word has at the same places
// (`egal` typed `égalitée`: `égal`), so that the suggestion is spelled as the reader writes.
function accentedLike(term, typed) {
  const t = [...term];
  const w = [...typed];
  return t.map((ch, i) => (i < w.length && w[i] !== ch && normalize(w[i]) === ch ? w[i] : ch)).join("");
}

/**
 * Edit distance of a and b (code points): insertions, deletions, substitutions and swaps of two
 * adjacent letters count one each (optimal string alignment), or limit + 1 once it must pass `limit`.
 */
export function editDistance(a, b, limit = Infinity) {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  let previousSmallest = 0;
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (before && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
      smallest = Math.min(smallest, row[j]);
    }
    // A later row can only come from this one or, by a swap, from the one before (plus one).
    if (smallest > limit && previousSmallest >= limit) return limit + 1;
    [before, previous, previousSmallest] = [previous, row, smallest];
  }
  return Math.min(previous[y.length], limit + 1);
}

// The documents that satisfy all `constraints`, ascending (every document when there are none).
function matchingDocs(hits, constraints) {
  const out = [];
  for (let d = 0; d < hits.length; d++) if (hits[d] === constraints) out.push(d);
  return out;
}

// ===== Query parsing =====

const QUOTE_CHARS = new Set(['"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb"]);
const startsWithCJK = (term) => isCJK(term.codePointAt(0));

/**
 * Parses a query into clauses; every clause must match. A clause is a list of items
 * { exact, prefixes, offset, also? }: an item matches a token whose term equals `exact` (or one
 * of `also`) or starts with one of `prefixes`; the items of one clause must sit at the given
 * relative positions. `exact` is a word's term for `language` (the page's; see wordTerm), and
 * `also` holds its terms for the other Latin stemmers where they differ (quoted words too).
 * - Unquoted words and compounds are one-item clauses. With `typing` (the query is being typed),
 *   the last one, when unquoted, also matches terms that start with the word as typed
 *   (normalized, never its stem), and the stems of a few likely completions of it (`also`).
 * - "Quoted words" are one clause: a phrase.
 * - A run of 2+ CJK characters is a phrase of its bigrams (substring containment); a single
 *   CJK character matches every token that starts with it. Unquoted, a run that Intl.Segmenter
 *   splits into several words becomes a clause per word, { any: [word, run] } (every word must
 *   appear, or the run as written, in the text or a name), and the run as an `optional` clause:
 *   it constrains nothing, and the documents that match it rank first.
 * - `a OR b` (OR in capitals, between two words or phrases): one clause { any: [a, b] } that
 *   either satisfies. `-word` or `-"a phrase"`: { not: true, ... }, a clause no match may satisfy.
 * - `names` ({ exact, prefixes, also? } or null): what else a clause matches in the names of a
 *   document's State, themes, groups, body, mechanism and SDGs (see matchNames). An unquoted
 *   word looks up its term (and, last while typing, the terms that start with it as typed when
 *   it has 2+ characters), an unquoted CJK run the run itself; a quoted phrase and a lone CJK
 *   character match no name.
 */
export function parseQuery(query, { typing = false, language = "en" } = {}) {
  // Chunks: quoted phrases, and the space-separated words between them.
  const chunks = [];
  let text = "";
  let quoted = false;
  const flush = () => {
    if (quoted) chunks.push({ text, quoted: true });
    else for (const word of text.split(/\s+/)) if (word) chunks.push({ text: word, quoted: false });
    text = "";
  };
  for (const ch of String(query ?? "")) {
    if (QUOTE_CHARS.has(ch)) { flush(); quoted = !quoted; } else text += ch;
  }
  flush();
  const clauses = [];
  let lastPrefixable = null;
  let negate = false;
  let or = false;
  for (const chunk of chunks) {
    if (!chunk.quoted && chunk.text === "OR") { or = clauses.length > 0 && !clauses[clauses.length - 1].not; continue; }
    if (!chunk.quoted && chunk.text === "-") { negate = true; continue; }
    let source = chunk.text;
    if (!chunk.quoted && source.startsWith("-")) { negate = true; source = source.slice(1); }
    const made = chunkClauses(source, chunk.quoted, language);
    lastPrefixable = null;
    if (made.length === 0) { negate = false; continue; }
    if (negate) for (const c of made) c.not = true;
    else if (made.length === 1 && made[0].prefixable) lastPrefixable = made[0];
    if (or && !negate) {
      const previous = clauses.pop();
      const first = made.shift();
      clauses.push({ any: [...(previous.any ?? [previous]), first] });
    }
    clauses.push(...made);
    negate = false;
    or = false;
  }
  if (typing && lastPrefixable && clauses.includes(lastPrefixable)) {
    const item = lastPrefixable.items[0];
    const raw = item.raw ?? item.exact;
    const also = [...new Set([...(item.also ?? []), ...completionStems(raw)])].filter((t) => t !== item.exact && !t.startsWith(raw));
    item.prefixes = [raw];
    if (also.length > 0) item.also = also;
    if (lastPrefixable.names) {
      lastPrefixable.names.prefixes = [...raw].length >= 2 ? [raw] : [];
      if (also.length > 0) lastPrefixable.names.also = also;
    }
  }
  const clean = (c) => {
    if (c.any) return { any: c.any.map(clean) };
    // A phrase's word keeps its term under each Latin stemmer (`stemmed`): its pairs are looked
    // up per stemmer, as a text of one language pairs its words (see matchSegment).
    const phrase = c.items.length > 1;
    const out = {
      items: c.items.map(({ exact, prefixes, offset, also, stemmed }) =>
        ({ exact, prefixes, offset, ...(also ? { also } : {}), ...(phrase && stemmed ? { stemmed } : {}) })),
      names: c.names,
    };
    if (c.not) out.not = true;
    if (c.optional) out.optional = true;
    return out;
  };
  return clauses.map(clean);
}

// The clauses of one chunk: a phrase for quoted text; else a clause per word or compound, a
// phrase per CJK run, a one-character prefix clause for a lone CJK character.
function chunkClauses(text, quoted, language) {
  const items = queryItems(tokenize(text, language), LATIN_STEMMERS.map((l) => tokenize(text, l)));
  if (items.length === 0) return [];
  if (quoted) {
    const flat = items.flatMap((it) => it.cjkRun ?? [it]);
    const base = flat[0].offset;
    // Quoted words keep only their other languages' terms (no fleeting vowels, no completions).
    return [{ items: flat.map(({ also, stems, stemmed, ...it }) => ({ ...it, ...(stems?.length ? { also: stems, stemmed } : {}), offset: it.offset - base })), names: null }];
  }
  return items.flatMap((it) => {
    if (it.cjkRun) {
      const base = it.cjkRun[0].offset;
      const run = it.cjkRun.map((b) => [...b.exact][0]).join("") + [...it.cjkRun[it.cjkRun.length - 1].exact][1];
      const phrase = { items: it.cjkRun.map((b) => ({ ...b, offset: b.offset - base })), names: { exact: run, prefixes: [] } };
      const words = cjkWords(run);
      if (words.length < 2) return [phrase];
      // Every word must appear, or the run as written (in the text or a name); the run as
      // written ranks first (an optional clause).
      const each = words.flatMap((w) => chunkClauses(w, false, language)).map((c) => ({ any: [c, phrase] }));
      return [...each, { ...phrase, names: null, optional: true }];
    }
    const names = startsWithCJK(it.exact) ? null : { exact: it.exact, prefixes: [], ...(it.also ? { also: it.also } : {}) };
    return { items: [{ ...it, offset: 0 }], names, prefixable: !it.tail };
  });
}

// Russian fleeting vowels, which Snowball does not join (пытки, пытками: пытк; пыток): a
// Cyrillic stem ending in two consonants also matches them with о or е between (пыток, пытек);
// one ending in consonant, о or е, consonant also matches it without that vowel.
const RU_CONSONANT = /[бвгджзйклмнпрстфхцчшщ]/;
function fleetingVowels(term) {
  if (!/^[\u0430-\u044f]{3,}$/.test(term)) return [];
  const c = [...term];
  const [a, b, z] = [c[c.length - 3], c[c.length - 2], c[c.length - 1]];
  if (RU_CONSONANT.test(b) && RU_CONSONANT.test(z)) return [c.slice(0, -1).join("") + "о" + z, c.slice(0, -1).join("") + "е" + z];
  if (RU_CONSONANT.test(a) && (b === "о" || b === "е") && RU_CONSONANT.test(z) && c.length >= 4) return [c.slice(0, -2).join("") + z];
  return [];
}

// The words of an unquoted run of CJK characters, by Intl.Segmenter (Japanese when it has kana,
// else Chinese); the run alone where Intl.Segmenter is missing.
function cjkWords(run) {
  if (typeof Intl === "undefined" || typeof Intl.Segmenter !== "function") return [run];
  const language = /[\u3040-\u30ff]/.test(run) ? "ja" : "zh";
  return [...new Intl.Segmenter(language, { granularity: "word" }).segment(run)].map((x) => x.segment);
}

// A word typed halfway has a stem that is not a prefix of its full word's stem ("educat" vs
// "educ" for "education"): the stems of a few likely completions match too.
const COMPLETIONS = ["e", "ed", "ing", "ion", "ation", "s"];
function completionStems(raw) {
  if (!raw || raw.length < 3 || !/^[a-z]+$/.test(raw)) return [];
  const words = COMPLETIONS.map((s) => raw + s);
  for (const plural of IRREGULAR.keys()) if (plural.startsWith(raw)) words.push(plural);
  return words.map((w) => wordTerm(w)).filter((stem) => stem.length >= 3);
}

// Turns tokens into query items: a compound replaces the words it spans; a CJK run of 2+
// characters becomes one { cjkRun } item of its bigrams; a lone CJK character is a prefix item.
// `tried` holds the same text's tokens under every Latin stemmer (the same tokens at the same
// positions, see LatinStemmer.swift): a word also matches its terms there ("try all").
function queryItems(tokens, tried) {
  const covered = new Set();
  for (const t of tokens) if (t.span) for (let k = 0; k < t.span; k++) covered.add(t.position + k);
  const items = [];
  let run = [];
  tokens.forEach((t, k) => {
    if (startsWithCJK(t.term)) {
      if (!t.tail) { run.push({ exact: t.term, prefixes: [], offset: t.position }); return; }
      if (run.length > 0) items.push({ cjkRun: run, offset: run[0].offset });
      else items.push({ exact: t.term, prefixes: [t.term], offset: t.position, tail: true });
      run = [];
    } else if (t.span || !covered.has(t.position)) {
      const item = { exact: t.term, raw: t.raw ?? t.term, prefixes: [], offset: t.position };
      const stems = t.span ? [] : [...new Set(tried.map((ts) => ts[k].term))].filter((x) => x !== t.term);
      const also = [...new Set([...fleetingVowels(t.term), ...stems])].filter((x) => x !== t.term);
      if (also.length > 0) item.also = also;
      if (stems.length > 0) { item.stems = stems; item.stemmed = tried.map((ts) => ts[k].term); }
      items.push(item);
    }
  });
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
  if (clause.any) return matchAny(await Promise.all(clause.any.map((c) => matchClause(index, manifest, c))), n);
  const [names, result] = await Promise.all([matchNames(index, manifest, clause.names), matchText(index, manifest, clause)]);
  if (names.entries.length === 0) return result;
  // A name's documents join the clause, scored below its every match in a text.
  let lowest = Infinity;
  for (const x of result.score) if (x < lowest) lowest = x;
  const board = new Float64Array(n);
  const seen = new Uint8Array(n);
  let count = result.docs.length;
  result.docs.forEach((d, i) => { seen[d] = 1; board[d] = result.score[i]; });
  names.postings.forEach((p, k) => {
    const s = NAME_WEIGHT * Math.min(idf(n, names.entries[k].df), lowest);
    for (const d of p.docs) {
      if (!seen[d]) { seen[d] = 1; count++; }
      if (s > board[d]) board[d] = s;
    }
  });
  // The name values' postings join the sources that hold every match (for facet counts).
  const sources = result.sources && [...result.sources, ...sourcesOf(names.entries, names.postings)];
  return { ...collect(board, seen, count), sources, heads: result.heads, named: true };
}

// Whether a clause may match, from the dictionary and names/ alone (which matching reads first
// anyway): false for a word none of whose terms is in the index and that names no facet value.
// A phrase is left to its pairs.
async function mayMatch(index, manifest, clause) {
  if (clause.any) return (await Promise.all(clause.any.map((c) => mayMatch(index, manifest, c)))).includes(true);
  return clause.items.length !== 1 || isKnown(index, manifest, clause.items[0], clause.names);
}

// Whether the index has a term for `item` or a facet value whose name matches `names`.
async function isKnown(index, manifest, item, names) {
  const [entries, values] = await Promise.all([index.entries(item), nameEntries(index, manifest, names)]);
  return entries.length > 0 || values.length > 0;
}

// Documents of any alternative, their scores added; sources only when every alternative has them.
function matchAny(parts, n) {
  const board = new Float64Array(n);
  const seen = new Uint8Array(n);
  let count = 0;
  for (const { docs, score } of parts) for (let i = 0; i < docs.length; i++) {
    if (!seen[docs[i]]) { seen[docs[i]] = 1; count++; }
    board[docs[i]] += score[i];
  }
  const sources = parts.every((p) => p.sources) ? parts.flatMap((p) => p.sources) : null;
  const heads = parts.flatMap((p) => p.heads);
  return { ...collect(board, seen, count), sources, heads, named: parts.some((p) => p.named) };
}

// The documents of a clause's text matches, with its sources when it is one item. Every match
// carries `heads`: the entries (with postings) whose heads may hold its first page's records.
async function matchText(index, manifest, clause) {
  const n = manifest.documents;
  if (clause.items.length === 1) {
    const item = clause.items[0];
    const entries = await index.entries(item);
    const postings = await Promise.all(entries.map((e) => index.postings(e)));
    const weights = entries.map((e) => (e.term === item.exact || item.also?.includes(e.term) ? 1 : 0.5));
    const sources = sourcesOf(entries, postings);
    return { ...union(postings, entries, weights, n, manifest.scale), sources, heads: sources };
  }
  return matchPhrase(index, manifest, clause.items);
}

// Keys (entries) with their postings, as sources of facet counts and of heads.
const sourcesOf = (entries, postings) => entries.map((entry, k) => ({ entry, postings: postings[k] }));

// A name match scores this much of its value's idf, and of the clause's lowest text score.
const NAME_WEIGHT = 0.25;

// The facet values (as entries, with their postings) one of whose names has the term `key.exact`
// or a term that starts with one of `key.prefixes`, from the names/ bucket of each.
async function matchNames(index, manifest, key) {
  const entries = await nameEntries(index, manifest, key);
  return { entries, postings: await Promise.all(entries.map((e) => index.postings(e))) };
}

// The entries of those facet values, without their postings.
async function nameEntries(index, manifest, key) {
  if (!key || !manifest.nameBuckets) return [];
  const exact = new Set([key.exact, ...(key.also ?? [])]);
  const wanted = [...exact, ...key.prefixes];
  const buckets = [...new Set(wanted.map((k) => nameBucket(k, manifest.nameBuckets)))];
  const files = await Promise.all(buckets.map((b) => index.json(`names/${b}.json`)));
  const values = new Set();
  for (const file of files) for (const [term, gs] of Object.entries(file)) {
    if (exact.has(term) || key.prefixes.some((p) => term.startsWith(p))) for (const g of gs) values.add(g);
  }
  return [...values].sort((a, b) => a - b).map((g) => index.facetEntry(g, manifest));
}

// The names/ bucket of a term: FNV-1a of its first two characters, modulo the bucket count.
function nameBucket(term, count) {
  return fnv1a([...term].slice(0, 2).join("")) % count;
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
  return collect(board, seen, count);
}

// The documents marked in `seen` (ascending) with their scores from `board`.
function collect(board, seen, count) {
  const docs = new Uint32Array(count);
  const score = new Float64Array(count);
  let k = 0;
  for (let d = 0; d < seen.length && k < count; d++) if (seen[d]) { docs[k] = d; score[k++] = board[d]; }
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
    it.prefixes.length === 0 ? [it.exact, ...(it.also ?? [])] : (await index.entries(it)).map((e) => e.term)));
  const chain = [];
  items.forEach((it, i) => {
    const stemmed = it.prefixes.length === 0 ? it.stemmed : undefined;
    chain.push({ terms: terms[i], stemmed, offset: it.offset, step: isCompound(it.exact) ? it.exact.split("-").length : 1 });
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
  const heads = parts.flatMap((p) => p.heads);
  return { docs: Uint32Array.from(docs), score: Float64Array.from(docs, (d) => total[d]), sources: null, heads };
}

const MAX_PAIR_KEYS = 64;

async function matchSegment(index, manifest, segment) {
  const n = manifest.documents;
  if (segment.length === 1) {
    const entries = (await Promise.all(segment[0].terms.map((t) => index.entries({ exact: t, prefixes: [] })))).flat();
    const postings = await Promise.all(entries.map((e) => index.postings(e)));
    return { ...union(postings, entries, entries.map(() => 1), n, manifest.scale), heads: sourcesOf(entries, postings) };
  }
  // Each link (two neighbours) is the union of its pairs.
  const links = await Promise.all(segment.slice(1).map(async (b, i) => {
    const a = segment[i];
    const keys = pairKeys(a, b, stemmersOf(manifest)).slice(0, MAX_PAIR_KEYS);
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
  const heads = links.flatMap((link) => sourcesOf(link.entries, link.postings));
  return { docs: Uint32Array.from(docs), score: Float64Array.from(docs, (d) => total[d]), heads };
}

// The pairs a link of two neighbours looks up. A text's words are all stemmed by its language,
// so where a word's term differs by Latin stemmer (`stemmed`, in LATIN_STEMMERS order) only the
// pairs of one stemmer's terms can exist (English with English, French with French...), and
// only of a stemmer some text of the index was stemmed by (`stemmers`, see stemmersOf).
function pairKeys(a, b, stemmers) {
  const keys = new Map();
  const add = (xs, ys) => { for (const x of xs) for (const y of ys) keys.set(x + " " + y, [x, y]); };
  if (!a.stemmed && !b.stemmed) add(a.terms, b.terms);
  else for (const l of stemmers) add(a.stemmed ? [a.stemmed[l]] : a.terms, b.stemmed ? [b.stemmed[l]] : b.terms);
  return [...keys.values()];
}

// The Latin stemmers (indexes into LATIN_STEMMERS) the index's texts were stemmed by: English
// (document symbols and paragraphs always are), and those of the records' languages (the language
// facet) and of the site's languages (a translation is always into one of them: the build ignores
// others). Every one when the manifest lacks either.
function stemmersOf(manifest) {
  const field = manifest.fields.indexOf("language");
  const languages = field < 0 || !manifest.editions ? null : ["en", ...manifest.values[field], ...Object.keys(manifest.editions)];
  const used = new Set((languages ?? LATIN_STEMMERS).map(latinStemmer));
  return LATIN_STEMMERS.flatMap((s, l) => (used.has(s) ? [l] : []));
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
export function valueOffsets(manifest) {
  if (!manifest._offsets) {
    let total = 0;
    manifest._offsets = manifest.values.map((vs) => { const o = total; total += vs.length; return o; });
  }
  return manifest._offsets;
}

export function locateValue(manifest, g) {
  const offsets = valueOffsets(manifest);
  let field = offsets.length - 1;
  while (offsets[field] > g) field--;
  return [field, g - offsets[field]];
}

// A year range [from, to] (either may be null) as the year field's filter: the index's years in
// the range, and in the year filter when there is one too.
function withYears(manifest, filters, years) {
  if (!Array.isArray(years) || (years[0] == null && years[1] == null)) return filters;
  const f = manifest.fields.indexOf("year");
  if (f < 0) return filters;
  const [from, to] = years.map((y) => (y == null || y === "" ? null : Number(y)));
  const asked = filters.year ? new Set((Array.isArray(filters.year) ? filters.year : [filters.year]).map(String)) : null;
  const year = manifest.values[f].filter((v) => (from === null || Number(v) >= from) && (to === null || Number(v) <= to) && (!asked || asked.has(v)));
  return { ...filters, year: year.length > 0 ? year : ["\u0000none"] };
}

// Filters -> per filtered field its index (-1 when the index has no such field) and the global
// indexes of its known values (unknown values match nothing).
function resolveFilters(manifest, filters) {
  const offsets = valueOffsets(manifest);
  const groups = [];
  for (const [field, raw] of Object.entries(filters)) {
    const values = (Array.isArray(raw) ? raw : [raw]).map(String).filter((v) => v !== "");
    if (values.length === 0) continue;
    const f = manifest.fields.indexOf(field);
    const known = f < 0 ? [] : values.map((v) => manifest.values[f].indexOf(v)).filter((i) => i >= 0);
    groups.push({ field: f, values: [...new Set(known)].map((i) => offsets[f] + i) });
  }
  return groups;
}

// Exact counts of the matches (the documents whose hits reach `constraints`; `matched` lists
// them) per facet value, as a Map of global value index to count, from whichever is cheapest:
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
    const blockCost = blocks.length * (manifest.vectorBytes / Math.max(1, Math.ceil(n / blockSize)) + REQUEST_COST);
    let best = cheapestRows(sources, hits, constraints, manifest);
    if ((!best || best.cost > blockCost) && phraseWords.length > 0 && blockCost > 32768) {
      // Every match has each word of a phrase: the rows of one (of the entries of its terms)
      // may cost less than the blocks (the postings come too, to map rows to documents). Only
      // the longest word is looked up, likely the rarest: each lookup is a dictionary shard.
      const longest = phraseWords.reduce((a, b) => (b.exact.length > a.exact.length ? b : a));
      const entries = await index.entries(longest);
      const cost = entries.reduce((sum, e) => sum + partCost(e.r) + partCost(e.p), 0);
      if (entries.length > 0 && cost < Math.min(blockCost, best?.cost ?? Infinity)) {
        const source = await Promise.all(entries.map(async (entry) => ({ entry, postings: await index.postings(entry) })));
        const other = cheapestRows([source], hits, constraints, manifest);
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
  return counts;
}

// { field: { value: count } } for every field, field f's counts from countsOf(f) (a Map of
// global value index to count).
function facetObject(manifest, countsOf) {
  const facets = {};
  const offsets = valueOffsets(manifest);
  manifest.fields.forEach((field, f) => {
    const counts = countsOf(f);
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
// What one more request costs, in bytes, when choosing how to count: a round trip is worth
// several kilobytes, so hundreds of small vectors/ blocks lose to one rows file.
const REQUEST_COST = 4096;
// What loading a part of a dictionary entry costs: its bytes, and a request unless inline.
const partCost = (part) => part.size + (part.inline ? 0 : REQUEST_COST);

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
          if (blocks * (blockBytes + REQUEST_COST) < partCost(x.entry.r)) step.mode = "minus";
          else step.left = [];
        }
      }
      plan.push(step);
      if (step.mode === "rows") cost += partCost(x.entry.r);
      if (step.mode === "minus") cost += new Set(step.left.map((d) => Math.floor(d / blockSize))).size * (blockBytes + REQUEST_COST);
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

// A record of docs/<c>.json: [id, text, document, paragraph, date, language, title, country,
// body, url?, translations?]; title null = the text, a number k = the text's first k characters
// and "…"; translations { language: [title, text] }, titles written the same way.
export const readTitle = (title, text) => (title === null ? text : typeof title === "number" ? text.slice(0, title) + "\u2026" : title);
function readRecord([id, text, document, paragraph, date, language, title, country, body, url, translations]) {
  const versions = [{ language, title: readTitle(title, text), text }];
  for (const [l, [t, x]] of Object.entries(translations ?? {})) versions.push({ language: l, title: readTitle(t, x), text: x });
  return { id, document, paragraph, date, country, body, url: url ?? `recommendations/${id}/`, versions };
}

// Each result links into the reader's edition. Its title is in the reader's language when the
// record has it there; its excerpt from the first version that holds a match: the reader's
// language, the original, then the other translations (for no query: the reader's language).
// The records come from the heads of the query's terms and phrase pairs where one saves requests
// (`sources`: the entries and postings of those keys), the others from their docs/ chunks.
async function loadResults(index, manifest, edition, page, scores, clauses, sources) {
  const size = manifest.chunkSize;
  const plan = planRecords(page, sources, size, manifest.heads);
  const [heads, chunks] = await Promise.all([
    Promise.all(plan.heads.map(async ({ entry, members }) => [members, await index.head(entry)])),
    Promise.all(plan.chunks.map(async (c) => [c, await index.json(`docs/${c}.json`)])),
  ]);
  const records = new Map();
  for (const [c, list] of chunks) list.forEach((r, k) => records.set(c * size + k, r));
  for (const [members, list] of heads) members.forEach((d, k) => records.set(d, list[k]));
  return page.map((d) => {
    const doc = readRecord(records.get(d));
    const own = doc.versions.find((v) => v.language === edition.language);
    const ordered = own ? [own, ...doc.versions.filter((v) => v !== own)] : doc.versions;
    let shown = null;
    for (const v of ordered) {
      const excerpt = buildExcerpt(v.text, clauses, 240, v.language);
      if (excerpt.includes("<mark>")) { shown = { v, excerpt }; break; }
    }
    shown ??= { v: ordered[0], excerpt: buildExcerpt(ordered[0].text, clauses, 240, ordered[0].language) };
    const named = own ?? doc.versions[0];
    return {
      id: doc.id,
      url: edition.root + doc.url,
      title: named.title,
      excerpt: shown.excerpt,
      score: Math.round(scores[d] * 1000) / 1000,
      document: doc.document,
      paragraph: doc.paragraph,
      date: doc.date,
      country: doc.country,
      body: doc.body,
      language: shown.v.language,
      titleLanguage: named.language,
    };
  });
}

// A key's head (keys/<s>-<f>.h.json, pairs/<b>-<k>.h.json; KeyHead in Swift) holds the records
// of its first documents by impact descending, then number ascending (by number alone when the
// postings have no impacts); how many, the manifest's `heads` says: a term's first 128 (a
// one-word page and the ones after it, and the first pages of most queries of several words,
// which rank each word's documents differently), a pair's first 20, or 128 for a common pair
// (one that longer phrases are made of). An entry's h.size is 0 when it has none (a term in
// fewer than 10 documents, a rarer pair, or a head whose documents lie in fewer than 4 docs/
// chunks).
const headSize = (entry, heads) => (!entry.pair ? heads.term : entry.df >= heads.largePairFrom ? heads.largePair : heads.pair);

// The documents of a key's head of `size` records, in head order, from its postings (computed
// once). Whether the key has a head at all is its entry's h.size.
export function headMembers(postings, size) {
  if (postings.head) return postings.head;
  const { docs, impacts } = postings;
  let members;
  if (!impacts) members = Array.from(docs.slice(0, size));
  else {
    // The lowest impact that makes the cut, from a histogram of the impact bytes.
    const histogram = new Int32Array(256);
    for (const x of impacts) histogram[x]++;
    let cut = 255;
    let above = 0;
    while (cut > 0 && above + histogram[cut] < size) above += histogram[cut--];
    let room = size - above;
    const chosen = [];
    for (let i = 0; i < impacts.length; i++) {
      if (impacts[i] < cut || (impacts[i] === cut && room-- <= 0)) continue;
      chosen.push(i);
    }
    members = chosen.sort((a, b) => impacts[b] - impacts[a] || a - b).map((i) => docs[i]);
  }
  postings.head = members;
  return members;
}

// Which heads and docs/ chunks to load for a page's records: greedily the head that saves the
// most chunk requests (two at least, since it is one request itself), then the chunks of the
// documents no chosen head holds.
function planRecords(page, sources, size, heads) {
  const chunkCount = (docs) => new Set(docs.map((d) => Math.floor(d / size))).size;
  let left = page;
  const candidates = sources.filter(({ entry }) => entry.h?.size > 0)
    .map(({ entry, postings }) => ({ entry, members: headMembers(postings, headSize(entry, heads)) }));
  const chosen = [];
  for (;;) {
    let best = null;
    let saved = 1;
    for (const c of candidates) {
      const held = new Set(c.members);
      const rest = left.filter((d) => !held.has(d));
      const s = chunkCount(left) - chunkCount(rest);
      if (s > saved) { best = { c, rest }; saved = s; }
    }
    if (!best) break;
    chosen.push(best.c);
    left = best.rest;
    candidates.splice(candidates.indexOf(best.c), 1);
  }
  return { heads: chosen, chunks: [...new Set(left.map((d) => Math.floor(d / size)))] };
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
export function buildExcerpt(text, clauses, maxChars = 240, language = "en") {
  const itemsOf = (c) => (c.not ? [] : c.any ? c.any.flatMap(itemsOf) : c.items);
  const items = clauses.flatMap(itemsOf);
  const matches = (term) => items.some((it) =>
    it.exact === term || it.also?.includes(term) || it.prefixes.some((p) => term.startsWith(p)));
  const tokens = tokenizeWithOffsets(text, language).filter((t) => !t.span || matches(t.term));
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
  // Entries whose term equals `item.exact` (or one of `item.also`) or starts with one of `item.prefixes`.
  async entries(item) {
    const manifest = await this.manifest();
    const shards = manifest.shards;
    const wanted = new Set();
    const exact = new Set([item.exact, ...(item.also ?? [])]);
    for (const key of [...exact, ...item.prefixes]) {
      let k = shardFor(shards, key);
      wanted.add(k);
      if (item.prefixes.includes(key)) while (k + 1 < shards.length && shards[k + 1].startsWith(key)) wanted.add(++k);
    }
    const found = new Map();
    for (const k of [...wanted].sort((a, b) => a - b)) {
      for (const e of await this.shard(k)) {
        if (exact.has(e.term) || item.prefixes.some((p) => e.term.startsWith(p))) found.set(e.term, e);
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
      const bytes = entry[part].inline ?? this.load(`${entry.src}.${part}.${part === "h" ? "json" : "bin"}`, "bin");
      this.cache.set(key, Promise.resolve(bytes).then(decode));
    }
    return this.cache.get(key);
  }
  postings(entry) { return this.part(entry, "p", decodePostings); }
  // A key's head (keys/…h.json, pairs/…h.json): the records of its headMembers, in order.
  head(entry) { return this.part(entry, "h", (bytes) => JSON.parse(utf8.decode(bytes))); }
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
// keys/<s>-<k>.p.bin and .r.bin, and its head (h: size 0 for none) in keys/<s>-<k>.h.json (k
// counts the segment's entries with a file).
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
    entry.src = (flags & 7) !== 7 ? `keys/${segment}-${files++}` : null;
    readParts(state, entry, flags, [["p", 1], ["r", 2], ["h", 4]]);
    entries.push(entry);
  }
  return entries;
}

// A pair bucket: pairs of adjacent tokens ("human right"), each with its postings (p), positions
// (x) and head (h: size 0 for none), inline or in pairs/<bucket>-<k>.p.bin, .x.bin, .h.json (k
// counts the bucket's entries with a file).
function decodeBucket(bytes, bucket) {
  const state = { bytes, at: 0 };
  const count = readVarint(state);
  const entries = [];
  let files = 0;
  for (let i = 0; i < count; i++) {
    const length = readVarint(state);
    const entry = { term: utf8.decode(bytes.subarray(state.at, state.at + length)), pair: true };
    state.at += length;
    entry.df = readVarint(state);
    const flags = readVarint(state);
    entry.src = (flags & 7) !== 7 ? `pairs/${bucket}-${files++}` : null;
    readParts(state, entry, flags, [["p", 1], ["x", 2], ["h", 4]]);
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
export const IRREGULAR = new Map([
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

/** Unicode NFKD, lower case, marks (but the breve of й) and format characters removed, letter folds, then NFC. */
export function normalize(text) {
  const lowered = text.normalize("NFKD").toLowerCase();
  let out = "";
  for (const ch of lowered) {
    const cp = ch.codePointAt(0);
    // The breve of й stays (Russian й is a letter of its own; NFC composes it back).
    out += cp === 0x306 && out.endsWith("\u0438") ? ch : foldCodePoint(cp, ch);
  }
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

// The stemmer of a text's Latin-script words, by its language: "fr", "es" or "en" (any other).
const LATIN_STEMMERS = ["en", "fr", "es"];
function latinStemmer(language) {
  const l = String(language ?? "").toLowerCase().split("-")[0];
  return l === "fr" || l === "es" ? l : "en";
}
// The accented letters French and Spanish stemming relies on, kept until after stemming.
const ACCENTED = "àâçèéêëîïôùûáíóúüñ";
const ACCENTED_WORD = /^[a-zàâçèéêëîïôùûáíóúüñ]+$/;
const COMPOSING_MARK = /^[\u0300-\u0303\u0308\u0327]$/;

/** normalize, but the letters French and Spanish stemming needs (à â ç è é ê ë î ï ô ù û á í ó ú ü ñ) stay, in lower case. */
export function normalizeKeepingAccents(text) {
  let out = "";
  let run = "";
  for (const ch of text.normalize("NFC")) {
    const lower = ch.toLowerCase();
    if (lower.length === 1 && ACCENTED.includes(lower)) { out += normalize(run) + lower; run = ""; } else run += ch;
  }
  return out + normalize(run);
}

/**
 * The index term of one normalized word in a text of `language`: in French or Spanish text
 * (normalized with accents kept), a word of a-z and accented letters takes its Snowball stem,
 * then folded; otherwise irregular plurals, then Porter2 for a-z words; Snowball Russian for
 * Cyrillic words; light stemming for Arabic ones.
 */
export function wordTerm(word, language) {
  const stemmer = latinStemmer(language);
  if (stemmer !== "en") {
    if (ACCENTED_WORD.test(word)) return normalize(stemmer === "fr" ? stemFrench(word) : stemSpanish(word));
    word = normalize(word);
  }
  if (/^[\u0430-\u044f]+$/.test(word)) return stemRussian(word);
  if (/^[\u0621-\u064a]+$/.test(word)) return stemArabic(word);
  if (!/^[a-z]+$/.test(word)) return word;
  const lemma = IRREGULAR.get(word);
  return stemEnglish(lemma === undefined ? word : lemma);
}

/**
 * Splits text of `language` (default English; see wordTerm) into index tokens: { term, position, span?, tail? }.
 * - A run of letters/digits/marks is one word token (see wordTerm); positions count tokens.
 * - Word runs joined only by / . - ( ) _ : (no space) form a group; a group of 2+ runs with an
 *   ASCII digit also yields a compound token, the raw runs joined by "-" ("A/HRC/39/6" ->
 *   "a-hrc-39-6", "47(g)" -> "47-g"), at the first run's position with span = number of runs.
 * - A run of CJK characters yields overlapping bigrams, one per character position, and its
 *   last character alone as a tail token (tail: true), so every character starts a token.
 * - Tokens longer than 64 code points are dropped (their position is still counted).
 */
export function tokenize(text, language) {
  const accents = latinStemmer(language) !== "en";
  return tokenizeChars(Array.from(accents ? normalizeKeepingAccents(text) : normalize(text)), null, language);
}

// The one tokenizer loop. `spans`, when given, holds for each normalized character the
// [start, end) UTF-16 range of the source text it came from; tokens then carry start/end.
// With French or Spanish, `chars` keep their accents; every term and raw word is folded.
function tokenizeChars(chars, spans, language) {
  const accents = latinStemmer(language) !== "en";
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
      const term = accents ? normalize(group.join("-")) : group.join("-");
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
      if (j - i <= MAX_TOKEN) push({ term: wordTerm(run, language), position, raw: accents ? normalize(run) : run }, i, j);
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

/** Tokens of `text` (of `language`, see tokenize) with start/end offsets (UTF-16) into `text`, for excerpts. */
export function tokenizeWithOffsets(text, language) {
  const accents = latinStemmer(language) !== "en";
  const chars = [];
  const spans = [];
  const units = Array.from(text);
  let offset = 0;
  for (let i = 0; i < units.length; i++) {
    let ch = units[i];
    // Accents kept: a letter and the combining accents after it are normalized together.
    while (accents && i + 1 < units.length && COMPOSING_MARK.test(units[i + 1])) ch += units[++i];
    const end = offset + ch.length;
    const key = accents ? "\u0000" + ch : ch;
    let n = CHAR_CACHE.get(key);
    if (n === undefined) { n = Array.from(accents ? normalizeKeepingAccents(ch) : normalize(ch)); if (CHAR_CACHE.size < 20000) CHAR_CACHE.set(key, n); }
    for (const c of n) { chars.push(c); spans.push([offset, end]); }
    offset = end;
  }
  return tokenizeChars(chars, spans, language);
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

// ===== Russian stemmer =====

// Snowball Russian, written from the published algorithm description. Works on lower-case
// Cyrillic with ё already folded into е.
const RU_VOWELS = "аеиоуыэюя";
const ruVowel = (c) => RU_VOWELS.includes(c);
const RU_GERUND_1 = ["в", "вши", "вшись"];
const RU_GERUND_2 = ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"];
const RU_ADJECTIVE = ["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "его", "ого",
  "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"];
const RU_PARTICIPLE_1 = ["ем", "нн", "вш", "ющ", "щ"];
const RU_PARTICIPLE_2 = ["ивш", "ывш", "ующ"];
const RU_REFLEXIVE = ["ся", "сь"];
const RU_VERB_1 = ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно"];
const RU_VERB_2 = ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ило",
  "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю"];
const RU_NOUN = ["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий", "й", "иям",
  "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я"];

// The longest ending of `w` from group 1 (which must follow а or я inside RV) or group 2 that
// lies in RV (from index rv); its length, or 0.
function ruEnding(w, rv, group1, group2 = []) {
  let best = 0;
  for (const e of group1) {
    const start = w.length - e.length;
    if (e.length > best && start - 1 >= rv && w.endsWith(e) && (w[start - 1] === "а" || w[start - 1] === "я")) best = e.length;
  }
  for (const e of group2) if (e.length > best && w.length - e.length >= rv && w.endsWith(e)) best = e.length;
  return best;
}

/** The Snowball Russian stem of a lower-case Cyrillic word. */
export function stemRussian(word) {
  const w0 = word.replace(/ё/g, "е");
  const chars = [...w0];
  let rv = chars.length;
  for (let i = 0; i < chars.length; i++) if (ruVowel(chars[i])) { rv = i + 1; break; }
  // R2: the region after the first non-vowel following a vowel, twice.
  const after = (from) => {
    for (let i = from + 1; i < chars.length; i++) if (!ruVowel(chars[i]) && ruVowel(chars[i - 1])) return i + 1;
    return chars.length;
  };
  const r2 = after(after(0) - 1);
  let w = w0;
  // Step 1.
  let n = ruEnding(w, rv, RU_GERUND_1, RU_GERUND_2);
  if (n > 0) w = w.slice(0, -n);
  else {
    n = ruEnding(w, rv, [], RU_REFLEXIVE);
    if (n > 0) w = w.slice(0, -n);
    n = ruEnding(w, rv, [], RU_ADJECTIVE);
    if (n > 0) {
      w = w.slice(0, -n);
      const p = ruEnding(w, rv, RU_PARTICIPLE_1, RU_PARTICIPLE_2);
      if (p > 0) w = w.slice(0, -p);
    } else {
      n = ruEnding(w, rv, RU_VERB_1, RU_VERB_2);
      if (n === 0) n = ruEnding(w, rv, [], RU_NOUN);
      if (n > 0) w = w.slice(0, -n);
    }
  }
  // Step 2.
  if (w.length - 1 >= rv && w.endsWith("и")) w = w.slice(0, -1);
  // Step 3.
  n = ruEnding(w, Math.max(rv, r2), [], ["ост", "ость"]);
  if (n > 0) w = w.slice(0, -n);
  // Step 4.
  n = ruEnding(w, rv, [], ["ейш", "ейше"]);
  if (n > 0) {
    w = w.slice(0, -n);
    if (w.length - 2 >= rv && w.endsWith("нн")) w = w.slice(0, -1);
  } else if (w.length - 2 >= rv && w.endsWith("нн")) w = w.slice(0, -1);
  else if (w.length - 1 >= rv && w.endsWith("ь")) w = w.slice(0, -1);
  return w;
}

// ===== French and Spanish stemmers =====

// Snowball French and Spanish, written from the published algorithm descriptions
// (snowballstem.org). Both work on one lower-case NFC word with its accents (the tokenizer
// folds accents after stemming). A region is the index where it starts: RV, R1 and R2 as the
// algorithms define them; a suffix "in R2" starts at or after R2.

// The longest of `suffixes` that ends `w` and starts at or after `limit`; "" for none.
function longestSuffix(w, suffixes, limit = 0) {
  let best = "";
  for (const s of suffixes) if (s.length > best.length && w.length - s.length >= limit && w.endsWith(s)) best = s;
  return best;
}

// A suffix table: suffix -> the name of its rule.
const suffixRules = (rules) => new Map(Object.entries(rules).flatMap(([rule, list]) => list.map((s) => [s, rule])));

// The index after the first non-vowel that follows a vowel, from `from` (R1 from 0, R2 from R1).
function romanceRegion(w, from, isVowel) {
  let i = from;
  while (i < w.length && !isVowel(w[i])) i++;
  while (i < w.length && isVowel(w[i])) i++;
  return Math.min(i + 1, w.length);
}

const FR_VOWELS = "aeiouyâàëéêèïîôûù";
const frVowel = (c) => c !== undefined && c.length === 1 && FR_VOWELS.includes(c);
const FR_STANDARD = suffixRules({
  r2: ["ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes"],
  ateur: ["atrice", "ateur", "ation", "atrices", "ateurs", "ations"],
  logie: ["logie", "logies"],
  ution: ["usion", "ution", "usions", "utions"],
  ence: ["ence", "ences"],
  ement: ["ement", "ements"],
  ite: ["ité", "ités"],
  ive: ["if", "ive", "ifs", "ives"],
  eaux: ["eaux"],
  aux: ["aux"],
  oux: ["oux"],
  euse: ["euse", "euses"],
  issement: ["issement", "issements"],
  amment: ["amment"],
  emment: ["emment"],
  ment: ["ment", "ments"],
});
const FR_I_VERB = ["îmes", "ît", "îtes", "i", "ie", "ies", "ir", "ira", "irai", "iraIent", "irais", "irait", "iras",
  "irent", "irez", "iriez", "irions", "irons", "iront", "is", "issaIent", "issais", "issait", "issant", "issante",
  "issantes", "issants", "isse", "issent", "isses", "issez", "issiez", "issions", "issons", "it"];
const FR_VERB = suffixRules({
  ions: ["ions"],
  plain: ["é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraIent", "erais", "erait", "eras", "erez", "eriez",
    "erions", "erons", "eront", "ez", "iez", "eais"],
  a: ["âmes", "ât", "âtes", "a", "ai", "aIent", "ait", "ant", "ante", "antes", "ants", "as", "asse", "assent", "asses",
    "assiez", "assions"],
  ais: ["ais", "aise", "aises"],
});
const FR_POSTLUDE = { He: "ë", Hi: "ï", H: "", I: "i", U: "u", Y: "y" };

// The prelude's change at index i of `w` (an array of letters), if any: u or i between vowels,
// y after a vowel or before one, and u after q become U, I, Y; ë and ï become He and Hi.
function frMark(w, i) {
  const c = w[i];
  const d = w[i + 1];
  if (frVowel(c) && (((d === "u" || d === "i") && frVowel(w[i + 2])) || d === "y")) w[i + 1] = d.toUpperCase();
  else if (c === "ë" || c === "ï") w.splice(i, 1, "H", c === "ë" ? "e" : "i");
  else if (c === "y" && frVowel(d)) w[i] = "Y";
  else if (c === "q" && d === "u") w[i + 1] = "U";
  else return false;
  return true;
}

/** The Snowball French stem of a lower-case word (accents kept). */
export function stemFrench(word) {
  let letters = Array.from(word);
  // Elision: l', d', qu' ... before the rest of the word.
  const apostrophe = letters.indexOf("'");
  const elided = apostrophe === 1 ? "cdjlmnstz".includes(letters[0]) : apostrophe === 2 && letters[0] === "q" && letters[1] === "u";
  if (elided && letters.length > apostrophe + 1) letters = letters.slice(apostrophe + 1);
  for (let i = 0; i < letters.length;) if (!frMark(letters, i)) i++;
  const w = letters.join("");
  let rv = w.length;
  if (frVowel(w[0]) && frVowel(w[1]) && w.length >= 3) rv = 3;
  else if (/^(par|col|tap)/.test(w) || (w.startsWith("ni") && frVowel(w[2]))) rv = 3;
  else for (let i = 1; i < w.length; i++) if (frVowel(w[i])) { rv = i + 1; break; }
  const r1 = romanceRegion(w, 0, frVowel);
  const s = { w, rv, r1, r2: romanceRegion(w, r1, frVowel) };
  if (frStandard(s) || frIVerb(s) || frVerb(s)) {
    if (s.w.endsWith("Y")) s.w = s.w.slice(0, -1) + "i";
    else if (s.w.endsWith("ç")) s.w = s.w.slice(0, -1) + "c";
  } else frResidual(s);
  if (/(enn|onn|ett|ell|eill)$/.test(s.w)) s.w = s.w.slice(0, -1);
  let i = s.w.length;
  while (i > 0 && !frVowel(s.w[i - 1])) i--;
  if (i < s.w.length && (s.w[i - 1] === "é" || s.w[i - 1] === "è")) s.w = s.w.slice(0, i - 1) + "e" + s.w.slice(i);
  return s.w.replace(/He|Hi|H|I|U|Y/g, (m) => FR_POSTLUDE[m]);
}

// Replaces the end of s.w from `start` with `by`.
const cutAt = (s, start, by = "") => { s.w = s.w.slice(0, start) + by; };

// After a removal: a final "ic" goes in R2, else becomes iqU.
function frIc(s) {
  if (s.w.endsWith("ic")) cutAt(s, s.w.length - 2, s.w.length - 2 >= s.r2 ? "" : "iqU");
}

// Step 1, standard suffixes: true when it removed or replaced one (amment, emment and ment
// change the word and still say false, so that the verb steps run).
function frStandard(s) {
  const suffix = longestSuffix(s.w, FR_STANDARD.keys());
  if (!suffix) return false;
  const start = s.w.length - suffix.length;
  const inR2 = start >= s.r2;
  switch (FR_STANDARD.get(suffix)) {
    case "r2": if (!inR2) return false; cutAt(s, start); return true;
    case "ateur": if (!inR2) return false; cutAt(s, start); frIc(s); return true;
    case "logie": if (!inR2) return false; cutAt(s, start, "log"); return true;
    case "ution": if (!inR2) return false; cutAt(s, start, "u"); return true;
    case "ence": if (!inR2) return false; cutAt(s, start, "ent"); return true;
    case "ement": if (start < s.rv) return false; cutAt(s, start); frEment(s); return true;
    case "ite": {
      if (!inR2) return false;
      cutAt(s, start);
      const t = longestSuffix(s.w, ["abil", "ic", "iv"]);
      const at = s.w.length - t.length;
      if (t === "abil") cutAt(s, at, at >= s.r2 ? "" : "abl");
      else if (t === "ic") cutAt(s, at, at >= s.r2 ? "" : "iqU");
      else if (t === "iv" && at >= s.r2) cutAt(s, at);
      return true;
    }
    case "ive":
      if (!inR2) return false;
      cutAt(s, start);
      if (s.w.endsWith("at") && s.w.length - 2 >= s.r2) { cutAt(s, s.w.length - 2); frIc(s); }
      return true;
    case "eaux": cutAt(s, start, "eau"); return true;
    case "aux": if (start < s.r1) return false; cutAt(s, start, "al"); return true;
    case "oux": if (start === 0 || !"bhjlnp".includes(s.w[start - 1])) return false; cutAt(s, start, "ou"); return true;
    case "euse":
      if (inR2) cutAt(s, start);
      else if (start >= s.r1) cutAt(s, start, "eux");
      else return false;
      return true;
    case "issement": if (start < s.r1 || start === 0 || frVowel(s.w[start - 1])) return false; cutAt(s, start); return true;
    case "amment": if (start >= s.rv) cutAt(s, start, "ant"); return false;
    case "emment": if (start >= s.rv) cutAt(s, start, "ent"); return false;
    default: if (start - 1 >= s.rv && frVowel(s.w[start - 1])) cutAt(s, start); return false; // ment, ments
  }
}

// What may go before a removed -ement: iv (then at), eus, abl, iqU, ièr.
function frEment(s) {
  const t = longestSuffix(s.w, ["iv", "eus", "abl", "iqU", "ièr", "Ièr"]);
  const at = s.w.length - t.length;
  if (t === "iv" && at >= s.r2) {
    cutAt(s, at);
    if (s.w.endsWith("at") && s.w.length - 2 >= s.r2) cutAt(s, s.w.length - 2);
  } else if (t === "eus") {
    if (at >= s.r2) cutAt(s, at);
    else if (at >= s.r1) cutAt(s, at, "eux");
  } else if ((t === "abl" || t === "iqU") && at >= s.r2) cutAt(s, at);
  else if ((t === "ièr" || t === "Ièr") && at >= s.rv) cutAt(s, at, "i");
}

// Step 2a: an -ir verb ending in RV after a non-vowel (not H) in RV.
function frIVerb(s) {
  const suffix = longestSuffix(s.w, FR_I_VERB, s.rv);
  const start = s.w.length - suffix.length;
  if (!suffix || start - 1 < s.rv || s.w[start - 1] === "H" || frVowel(s.w[start - 1])) return false;
  cutAt(s, start);
  return true;
}

// Step 2b: other verb endings in RV.
function frVerb(s) {
  const suffix = longestSuffix(s.w, FR_VERB.keys(), s.rv);
  if (!suffix) return false;
  const start = s.w.length - suffix.length;
  switch (FR_VERB.get(suffix)) {
    case "ions": if (start < s.r2) return false; break;
    case "a": cutAt(s, start - 1 >= s.rv && s.w[start - 1] === "e" ? start - 1 : start); return true;
    case "ais": {
      // Not after "al" that is the word's second and third letters, "auv" or "épl".
      const before = s.w.slice(0, start);
      const t = longestSuffix(before, ["al", "auv", "épl"]);
      if (t === "al" ? before.length === 3 : t !== "") return false;
      break;
    }
  }
  cutAt(s, start);
  return true;
}

// Step 4, when steps 1 and 2 removed nothing: a final s, then ion, ier, e in RV.
function frResidual(s) {
  const n = s.w.length;
  if (n >= 2 && s.w.endsWith("s") && (s.w.endsWith("His") || !"aiouès".includes(s.w[n - 2]))) cutAt(s, n - 1);
  const suffix = longestSuffix(s.w, ["ion", "ier", "ière", "Ier", "Ière", "e"], s.rv);
  const start = s.w.length - suffix.length;
  if (suffix === "ion") {
    if (start >= s.r2 && start - 1 >= s.rv && (s.w[start - 1] === "s" || s.w[start - 1] === "t")) cutAt(s, start);
  } else if (suffix === "e") cutAt(s, start);
  else if (suffix) cutAt(s, start, "i");
}

const ES_VOWELS = "aeiouáéíóúü";
const esVowel = (c) => c !== undefined && c.length === 1 && ES_VOWELS.includes(c);
const ES_PRONOUNS = ["me", "se", "sela", "selo", "selas", "selos", "la", "le", "lo", "las", "les", "los", "nos"];
const ES_BEFORE_PRONOUN = new Map([["iéndo", "iendo"], ["ándo", "ando"], ["ár", "ar"], ["ér", "er"], ["ír", "ir"],
  ["ando", "ando"], ["iendo", "iendo"], ["ar", "ar"], ["er", "er"], ["ir", "ir"], ["yendo", "yendo"]]);
const ES_STANDARD = suffixRules({
  r2: ["anza", "anzas", "ico", "ica", "icos", "icas", "ismo", "ismos", "able", "ables", "ible", "ibles", "ista",
    "istas", "oso", "osa", "osos", "osas", "amiento", "amientos", "imiento", "imientos"],
  ador: ["adora", "ador", "ación", "adoras", "adores", "aciones", "ante", "antes", "ancia", "ancias", "acion"],
  logia: ["logía", "logías"],
  ucion: ["ución", "uciones", "ucion"],
  encia: ["encia", "encias"],
  amente: ["amente"],
  mente: ["mente"],
  idad: ["idad", "idades"],
  iva: ["iva", "ivo", "ivas", "ivos"],
});
const ES_Y_VERB = ["ya", "ye", "yan", "yen", "yeron", "yendo", "yo", "yó", "yas", "yes", "yais", "yamos"];
const ES_VERB_GU = ["en", "es", "éis", "emos"];
const ES_VERB = ["arían", "arías", "arán", "arás", "aríais", "aría", "aréis", "aríamos", "aremos", "ará", "aré",
  "erían", "erías", "erán", "erás", "eríais", "ería", "eréis", "eríamos", "eremos", "erá", "eré",
  "irían", "irías", "irán", "irás", "iríais", "iría", "iréis", "iríamos", "iremos", "irá", "iré",
  "aba", "ada", "ida", "ía", "ara", "iera", "ad", "ed", "id", "ase", "iese", "aste", "iste", "an", "aban", "ían",
  "aran", "ieran", "asen", "iesen", "aron", "ieron", "ado", "ido", "ando", "iendo", "ió", "ar", "er", "ir", "as",
  "abas", "adas", "idas", "ías", "aras", "ieras", "ases", "ieses", "ís", "áis", "abais", "íais", "arais", "ierais",
  "aseis", "ieseis", "asteis", "isteis", "ados", "idos", "amos", "ábamos", "íamos", "imos", "áramos", "iéramos",
  "iésemos", "ásemos", ...ES_VERB_GU];
const ES_ACUTE = { á: "a", é: "e", í: "i", ó: "o", ú: "u" };

/** The Snowball Spanish stem of a lower-case word (accents kept, but acute accents removed at the end). */
export function stemSpanish(word) {
  const w = word;
  let rv = w.length;
  if (w.length >= 2) {
    const from = esVowel(w[1]) === esVowel(w[0]) ? 2 : -1;
    if (from === 2) {
      // Two vowels: RV after the next non-vowel; two non-vowels: after the next vowel.
      for (let i = 2; i < w.length; i++) if (esVowel(w[i]) !== esVowel(w[0])) { rv = i + 1; break; }
    } else if (esVowel(w[0])) {
      for (let i = 2; i < w.length; i++) if (esVowel(w[i])) { rv = i + 1; break; }
    } else if (w.length >= 3) rv = 3;
  }
  const r1 = romanceRegion(w, 0, esVowel);
  const s = { w, rv, r1, r2: romanceRegion(w, r1, esVowel) };
  esPronoun(s);
  if (!esStandard(s)) esVerb(s);
  const residual = longestSuffix(s.w, ["os", "a", "o", "á", "í", "ó", "e", "é"]);
  const start = s.w.length - residual.length;
  if (residual && start >= s.rv) {
    cutAt(s, start);
    if ((residual === "e" || residual === "é") && s.w.endsWith("gu") && s.w.length - 1 >= s.rv) cutAt(s, s.w.length - 1);
  }
  return s.w.replace(/[áéíóú]/g, (c) => ES_ACUTE[c]);
}

// An attached pronoun after a verb form in RV (-ándo, -iéndo, -ár, -ér, -ír lose their accent).
function esPronoun(s) {
  const pronoun = longestSuffix(s.w, ES_PRONOUNS);
  if (!pronoun) return;
  const before = s.w.slice(0, s.w.length - pronoun.length);
  const form = longestSuffix(before, ES_BEFORE_PRONOUN.keys());
  const start = before.length - form.length;
  if (!form || start < s.rv || (form === "yendo" && before[start - 1] !== "u")) return;
  s.w = before.slice(0, start) + ES_BEFORE_PRONOUN.get(form);
}

// Step 1, standard suffixes; true when it removed or replaced one.
function esStandard(s) {
  const suffix = longestSuffix(s.w, ES_STANDARD.keys());
  if (!suffix) return false;
  const start = s.w.length - suffix.length;
  const rule = ES_STANDARD.get(suffix);
  if (start < (rule === "amente" ? s.r1 : s.r2)) return false;
  cutAt(s, start, { logia: "log", ucion: "u", encia: "ente" }[rule] ?? "");
  const inR2 = (t) => s.w.endsWith(t) && s.w.length - t.length >= s.r2;
  if (rule === "ador" && inR2("ic")) cutAt(s, s.w.length - 2);
  else if (rule === "amente") {
    const t = longestSuffix(s.w, ["iv", "os", "ic", "ad"]);
    if (t && inR2(t)) {
      cutAt(s, s.w.length - t.length);
      if (t === "iv" && inR2("at")) cutAt(s, s.w.length - 2);
    }
  } else if (rule === "mente" || rule === "idad") {
    const t = longestSuffix(s.w, rule === "mente" ? ["ante", "able", "ible"] : ["abil", "ic", "iv"]);
    if (t && inR2(t)) cutAt(s, s.w.length - t.length);
  } else if (rule === "iva" && inR2("at")) cutAt(s, s.w.length - 2);
  return true;
}

// Step 2: a verb ending in RV; a y- ending only after u; -en, -es, -éis, -emos take a u after g with them.
function esVerb(s) {
  const y = longestSuffix(s.w, ES_Y_VERB, s.rv);
  if (y && s.w[s.w.length - y.length - 1] === "u") return cutAt(s, s.w.length - y.length);
  const suffix = longestSuffix(s.w, ES_VERB, s.rv);
  if (!suffix) return;
  let start = s.w.length - suffix.length;
  if (ES_VERB_GU.includes(suffix) && s.w[start - 1] === "u" && s.w[start - 2] === "g") start--;
  cutAt(s, start);
}

// ===== Arabic light stemmer =====

// Light stemming after Larkey, Ballesteros and Connell's "light10", from its published
// description, on normalized Arabic (marks removed, ة as ه, ى as ي, alef forms as ا).
const AR_ARTICLES = ["وال", "بال", "كال", "فال", "ال", "لل"];
const AR_SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

/** The light stem of a normalized Arabic word: و when 3+ letters stay, then an article and suffixes when 2+ letters stay. */
export function stemArabic(word) {
  let w = [...word];
  if (w[0] === "\u0648" && w.length >= 4) w = w.slice(1);
  for (const a of AR_ARTICLES) {
    if (w.join("").startsWith(a) && w.length - a.length >= 2) { w = w.slice(a.length); break; }
  }
  for (const x of AR_SUFFIXES) {
    if (w.join("").endsWith(x) && w.length - x.length >= 2) w = w.slice(0, w.length - x.length);
  }
  return w.join("");
}
