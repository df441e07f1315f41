// HRIndex search client: one dependency-free ES module (standard JavaScript + fetch).
// Runs in browsers and in Node 20+. Reads the static index that `hrindex build` writes
// under <site>/search/index/ (format: Sources/SiteSearch/README.md).
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
// r.facets   { field: { value: count } } for the 14 facet fields, counting the matches.
//
// The tokenizer below is the twin of Sources/SiteSearch/Tokenizer.swift; both are checked
// against Tests/search-js/tokenizer-vectors.json.

// MARK: - Tokenizer

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

// MARK: - Porter2 (Snowball English), written from the published algorithm description

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
