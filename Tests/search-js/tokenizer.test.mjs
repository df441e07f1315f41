import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { tokenize, formatToken, stemEnglish, stemRussian, stemFrench, stemSpanish, stemArabic, parseQuery, normalize } from "../../Public/search/search.js";
import { vectors } from "./fixture.mjs";

const snowball = JSON.parse(readFileSync(new URL("./snowball-vectors.json", import.meta.url), "utf8"));

test("the shared vectors cover every tokenizer rule", () => {
  assert.ok(vectors.tokenize.length >= 80);
  const rules = vectors.tokenize.map((v) => v.rule).join("\n");
  for (const rule of ["stemming", "irregular plural", "diacritics", "case folding", "NFKC", "Cyrillic", "Arabic", "CJK", "mixed scripts", "document symbol", "paragraph", "numbers", "punctuation", "French", "Spanish"]) {
    assert.match(rules, new RegExp(rule), rule);
  }
});

for (const v of vectors.tokenize) {
  test(`tokenizes: ${v.rule}`, () => {
    assert.deepEqual(tokenize(v.input, v.language).map(formatToken), v.tokens, JSON.stringify(v.input));
  });
}

test("stems every shared Porter2 vector to the published stem", () => {
  for (const [word, stem] of vectors.stem) assert.equal(stemEnglish(word), stem, word);
});

test("light-stems every shared Arabic vector", () => {
  assert.ok(vectors.stemArabic.length >= 10);
  for (const [word, stem] of vectors.stemArabic) assert.equal(stemArabic(word), stem, word);
});

test("stems every shared Russian vector (from Snowball's vocabulary) to Snowball's stem", () => {
  assert.ok(vectors.stemRussian.length >= 1000);
  for (const [word, stem] of vectors.stemRussian) assert.equal(stemRussian(word), stem, word);
});

for (const q of vectors.query) {
  test(`parses the query ${JSON.stringify(q.input)}`, () => {
    assert.deepEqual(parseQuery(q.input, { typing: q.typing, language: q.language }), q.clauses);
  });
}

test("droits enfants and droit des enfants share terms; niña and niñas too", () => {
  const terms = (t) => tokenize(t).map((x) => x.term);
  for (const t of terms("droits enfants")) assert.ok(terms("droit des enfants").includes(t), t);
  assert.deepEqual(terms("niña"), terms("niñas"));
});

test("removes diacritics so that égalité = egalite and niñas = ninas", () => {
  assert.equal(normalize("égalité"), "egalite");
  assert.equal(normalize("niñas"), "ninas");
  assert.deepEqual(tokenize("niñas").map((t) => t.term), tokenize("ninas").map((t) => t.term));
});

test("makes the last unquoted term a prefix while typing only, and nothing in quotes", () => {
  assert.deepEqual(parseQuery("educ", { typing: true })[0].items[0].prefixes, ["educ"]);
  assert.deepEqual(parseQuery("educ")[0].items[0].prefixes, []);
  assert.deepEqual(parseQuery('"right to educ"')[0].items.map((i) => i.prefixes), [[], [], []]);
});

test("stems every shared French and Spanish vector (from Snowball's vocabularies) to Snowball's stem", () => {
  assert.ok(snowball.stemFrench.length >= 2000 && snowball.stemSpanish.length >= 2000);
  for (const [word, stem] of snowball.stemFrench) assert.equal(stemFrench(word), stem, word);
  for (const [word, stem] of snowball.stemSpanish) assert.equal(stemSpanish(word), stem, word);
});
