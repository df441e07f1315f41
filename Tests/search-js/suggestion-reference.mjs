// A brute-force reading of the "did you mean" rule (docs/content-format.md, Search): over the
// whole dictionary (every document's terms, each text tokenized in its language, with the
// number of documents; the names' terms with none), restricted to the dictionary shards where
// the word's terms would be (the manifest's `shards`), a word that matches no term and no name
// is replaced by the closest spelling: a term plus an ending of its script that stems back to
// it (the page's language's list first: a spelling's rank is its place in the lists put end to
// end), within 1 edit (a swap of two adjacent letters is one) for words of up to 4 characters,
// else 2; the smallest distance first, then the likelier spelling (lower rank), then the term in
// more documents, then code-point order.
import { ARABIC_PREFIXES, IRREGULAR, SPELLINGS, isCJK, normalize, normalizeKeepingAccents, parseQuery, stemEnglish, tokenize } from "../../Public/search/search.js";

/** Optimal string alignment distance: insert, delete, substitute, swap two adjacent letters. */
export function distance(a, b) {
  const x = [...a], y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) for (let j = 1; j <= y.length; j++) {
    d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
  }
  return d[x.length][y.length];
}

const codePoints = (s) => [...s].map((c) => c.codePointAt(0));
const before = (a, b) => {
  const x = codePoints(a), y = codePoints(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i];
  return x.length < y.length;
};
const scriptOf = (w) => (/[\u0400-\u04ff]/.test(w) ? "ru" : /[\u0600-\u06ff]/.test(w) ? "ar" : /\p{Script=Latin}/u.test(w) ? "latin" : "other");
// As a reader writes it: accents of French and Spanish kept; Arabic without vowel marks, alef forms as ا.
const written = (w) => (scriptOf(w) === "ar"
  ? w.normalize("NFC").replace(/[\u064b-\u065f\u0670\u0640]/g, "").replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
  : normalizeKeepingAccents(w));

/** The dictionary: term → number of documents; `texts(doc)` gives a document's [text, language] pairs. */
export function dictionary(docs, texts) {
  const df = new Map();
  for (const doc of docs) {
    const terms = new Set(texts(doc).flatMap(([text, language]) => tokenize(text, language).map((t) => t.term)));
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return df;
}

function shardOf(shards, term) {
  let k = 0;
  for (let i = 0; i < shards.length; i++) if (!before(term, shards[i])) k = i;
  return k;
}

/** The words a term is spelled as (with their rank in their language's list) for `typed`. */
function spelled(term, typed, language) {
  const kind = scriptOf(term);
  if (kind === "other") return [[term, 0]];
  const languages = kind === "latin" ? [...new Set([["fr", "es"].includes(language) ? language : "en", "en", "fr", "es"])] : [kind];
  const out = new Map();
  let offset = 0;
  for (const l of languages) {
    let stem = term;
    // French and Spanish take the typed word's accents on the term's letters.
    if (l === "fr" || l === "es") stem = [...term].map((ch, i) => ([...typed][i] !== undefined && normalize([...typed][i]) === ch ? [...typed][i] : ch)).join("");
    let words = l === "ar" ? ARABIC_PREFIXES.flatMap((p) => SPELLINGS.ar.map((e) => p + term + e)) : SPELLINGS[l].map((e) => stem + e);
    if (l === "en") words = [...[...IRREGULAR].filter(([, lemma]) => stemEnglish(lemma) === term).flat(), ...words];
    words.forEach((w, rank) => {
      const tokens = tokenize(w, l === "fr" || l === "es" ? l : "en");
      if (!out.has(w) && tokens.length === 1 && tokens[0].term === term) out.set(w, offset + rank);
    });
    offset += words.length;
  }
  return [...out];
}

/**
 * The suggestion for `query` (undefined when no word is replaced). `df`: the dictionary;
 * `names`: the names' terms; `shards`: the manifest's first term of each shard.
 */
export function expectedSuggestion(query, { df, names, shards, language = "en" }) {
  let changed = false;
  const words = query.split(" ").map((w) => {
    const [clause] = parseQuery(w, { language });
    const item = clause?.items?.[0];
    if (!clause || clause.items.length !== 1 || isCJK(item.exact.codePointAt(0))) return w;
    const terms = [item.exact, ...(item.also ?? [])];
    if (terms.some((t) => df.has(t) || names.has(t))) return w;
    const typed = written(w);
    const limit = [...typed].length <= 4 ? 1 : 2;
    const inShards = new Set([...terms, tokenize(w)[0].raw].map((t) => shardOf(shards, t)));
    const candidates = [...[...df].filter(([t]) => inShards.has(shardOf(shards, t))), ...[...names].filter((t) => !df.has(t)).map((t) => [t, 0])];
    let best = null;
    for (const [term, n] of candidates) {
      if (term.includes("-") || isCJK(term.codePointAt(0)) || scriptOf(term) !== scriptOf(typed)) continue;
      for (const [word, rank] of spelled(term, typed, language)) {
        const d = distance(typed, word);
        if (d > limit) continue;
        const key = [d, rank, -n];
        const k = best ? key.findIndex((v, i) => v !== best.key[i]) : -1;
        if (!best || (k >= 0 ? key[k] < best.key[k] : before(word, best.word))) best = { key, word };
      }
    }
    if (!best) return w;
    changed = true;
    return best.word;
  });
  return changed ? words.join(" ") : undefined;
}
