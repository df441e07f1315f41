// Names in their own languages: a site in the six languages built by the hrindex binary in
// HRINDEX_BIN with the default vocabularies, whose recommendations say nothing but are tagged
// with States, themes and affected groups; a query word finds them through the *names* of
// those values only. The reference reads the names straight from Vocabularies/*.yml (each
// name in its language, aliases in none) and the labels of the built index (bodies and
// mechanisms), tokenizes each name by its language (an alias by every Latin stemmer), and
// matches the terms of the query's parse. Skipped when HRINDEX_BIN is not set.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createSearch, parseQuery, stemFrench, stemSpanish, tokenize } from "../../Public/search/search.js";
import { BASE_URL, buildRecommendations, repoRoot } from "./fixture.mjs";

const bin = process.env.HRINDEX_BIN;
const skip = !bin ? "HRINDEX_BIN is not set (scripts/test sets it)" : !fs.existsSync(bin) ? `no hrindex at ${bin}` : false;
const LANGUAGES = ["en", "fr", "es", "ru", "zh", "ar"];

// The entries of a default vocabulary: key (slug, or code in lower case) → { names: {language:
// text}, aliases }. Its `name:` and `aliases:` lines are YAML flow collections that read as JSON
// once the keys are quoted.
function vocabulary(file) {
  const out = {};
  let key = null;
  for (const line of fs.readFileSync(path.join(repoRoot, "Vocabularies", file), "utf8").split("\n")) {
    const start = /^- (?:slug|code): (\S+)/.exec(line);
    if (start) { key = start[1].toLowerCase(); out[key] = { names: {}, aliases: [] }; continue; }
    const name = /^ {2}name: (\{.*\})$/.exec(line);
    if (key && name) out[key].names = JSON.parse(name[1].replace(/([{,]\s*)([a-z]{2}):/g, '$1"$2":'));
    const aliases = /^ {2}aliases: (\[.*\])$/.exec(line);
    if (key && aliases) out[key].aliases = JSON.parse(aliases[1]);
  }
  return out;
}
const VOCABULARIES = { country: vocabulary("countries.yml"), theme: vocabulary("themes.yml"), affected_persons: vocabulary("affected-persons.yml"), body: vocabulary("bodies.yml") };

// Tagged values; every record is UPR (body and mechanism names come from the index's labels).
const RECORDS = [
  { id: "r-fra-disab", country: "FRA", themes: ["disabilities-accessibility-and-mobility"], affected_persons: ["persons-with-disabilities"] },
  { id: "r-ecu-child", country: "ECU", themes: ["children-juvenile-justice"], affected_persons: ["children"] },
  { id: "r-mex-women", country: "MEX", themes: [], affected_persons: ["women-and-girls"] },
  { id: "r-egy-exploit", country: "EGY", themes: ["children-protection-against-exploitation"], affected_persons: ["children-in-vulnerable-situations"] },
  { id: "r-rus-plain", country: "RUS", themes: [], affected_persons: [] },
];

describe("names searched in their own languages (a site built by hrindex)", { skip }, () => {
  let root;
  let fetch;
  let nameTerms;
  before(() => {
    let output;
    ({ root, output, fetch } = buildRecommendations(bin, "names", LANGUAGES, RECORDS.map((r) => ({ ...r, text: "Lorem ipsum." }))));
    const labels = Object.fromEntries(LANGUAGES.map((l) => [l, JSON.parse(fs.readFileSync(path.join(output, `search/index/labels/${l}.json`), "utf8"))]));
    // Each record's name terms: a name by its language, an alias by every Latin stemmer.
    const terms = (text, languages) => languages.flatMap((l) => tokenize(text, l)).filter((t) => !t.tail).map((t) => t.term);
    nameTerms = new Map(RECORDS.map((r) => {
      const values = [["country", r.country.toLowerCase()], ["body", "upr"], ...r.themes.map((v) => ["theme", v]), ...r.affected_persons.map((v) => ["affected_persons", v])];
      const out = new Set();
      for (const [field, value] of values) {
        const entry = VOCABULARIES[field][value];
        assert.ok(entry, `${field} ${value} is in the default vocabulary`);
        for (const [l, text] of Object.entries(entry.names)) for (const t of terms(text, [l])) out.add(t);
        for (const alias of [...entry.aliases, ...(field === "body" ? [value] : [])]) for (const t of terms(alias, ["en", "fr", "es"])) out.add(t);
      }
      for (const l of LANGUAGES) for (const t of terms(labels[l].mechanism.upr, [l])) out.add(t);
      return [r.id, out];
    }));
  });
  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  const search = async (query, language) => (await createSearch({ baseUrl: BASE_URL, fetch, language }).search(query, { limit: 100 })).results.map((r) => r.id).sort();
  const expected = (query) => {
    const [clause] = parseQuery(query);
    const wanted = [clause.names.exact, ...(clause.names.also ?? [])];
    return RECORDS.map((r) => r.id).filter((id) => wanted.some((t) => nameTerms.get(id).has(t))).sort();
  };

  test("inflected French and Spanish words find the records of the names that have other forms", async () => {
    // Read from the vocabularies: Personnes handicapées; Niños, Mujeres y niñas; Enfants.
    const cases = {
      "handicapé": ["r-fra-disab"], "handicapés": ["r-fra-disab"], "handicapées": ["r-fra-disab"],
      "niños": ["r-ecu-child", "r-egy-exploit", "r-mex-women"], "enfants": ["r-ecu-child", "r-egy-exploit"], "niñas": ["r-ecu-child", "r-egy-exploit", "r-mex-women"],
      "niño": ["r-ecu-child", "r-egy-exploit", "r-mex-women"], "enfant": ["r-ecu-child", "r-egy-exploit"], "discapacidades": ["r-fra-disab"],
      "explotaciones": ["r-egy-exploit"], "vulnérables": ["r-egy-exploit"], "mujer": ["r-mex-women"],
    };
    for (const [query, ids] of Object.entries(cases)) {
      for (const language of ["en", "fr", "es"]) assert.deepEqual(await search(query, language), ids, `${query} (${language})`);
      assert.deepEqual(expected(query), ids, `${query}: the reference agrees`);
    }
  });

  test("every word of a French or Spanish name is found in another form of its Snowball stem (held-out)", async () => {
    // Other forms: the word with an ending put on or taken off that keeps its Snowball stem
    // (stemFrench and stemSpanish, checked against Snowball's vocabularies in stemming tests).
    const stemmers = { fr: stemFrench, es: stemSpanish };
    const endings = { fr: ["s", "e", "es", "x"], es: ["s", "es", "a", "as", "o", "os"] };
    const queries = new Set();
    for (const r of RECORDS) for (const [field, values] of [["theme", r.themes], ["affected_persons", r.affected_persons], ["country", [r.country.toLowerCase()]]]) {
      for (const value of values) for (const l of ["fr", "es"]) {
        for (const word of VOCABULARIES[field][value].names[l].toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 3)) {
          const forms = [...endings[l].map((e) => word + e), ...endings[l].filter((e) => word.endsWith(e)).map((e) => word.slice(0, -e.length))];
          for (const form of forms) if (form !== word && stemmers[l](form) === stemmers[l](word)) queries.add(form);
        }
      }
    }
    assert.ok(queries.size >= 40, `${queries.size} held-out forms`);
    for (const query of queries) {
      const want = expected(query);
      assert.ok(want.length > 0, `${query} names a record`);
      assert.deepEqual(await search(query, "en"), want, query);
    }
  });

  test("Russian, Chinese and Arabic names are found by their words", async () => {
    for (const [query, ids] of Object.entries({ "инвалидов": ["r-fra-disab"], "детей": ["r-ecu-child", "r-egy-exploit"], "儿童": ["r-ecu-child", "r-egy-exploit"], "الأطفال": ["r-ecu-child", "r-egy-exploit"], "Франции": ["r-fra-disab"] })) {
      assert.deepEqual(await search(query, "ru"), ids, query);
      assert.deepEqual(expected(query), ids, `${query}: the reference agrees`);
    }
  });
});
