// "Did you mean" in every language, on a site built by the hrindex binary in HRINDEX_BIN from
// texts in English, French, Spanish, Russian and Arabic: a misspelt word gets the closest word
// of the index in its script and language, and the suggestion finds the record. Checked against
// the brute-force reference (suggestion-reference.mjs) over the texts written here. Skipped when
// HRINDEX_BIN is not set.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createSearch, editDistance } from "../../Public/search/search.js";
import { BASE_URL, buildRecommendations } from "./fixture.mjs";
import { dictionary, distance, expectedSuggestion } from "./suggestion-reference.mjs";

const bin = process.env.HRINDEX_BIN;
const skip = !bin ? "HRINDEX_BIN is not set (scripts/test sets it)" : !fs.existsSync(bin) ? `no hrindex at ${bin}` : false;

const RECORDS = [
  { id: "fr-discrimination", language: "fr", text: "Lutter contre la discrimination à l'égard des femmes migrantes." },
  { id: "es-educacion", language: "es", text: "Garantizar una educación inclusiva y gratuita." },
  { id: "ru-pytki", language: "ru", text: "Запретить пытки и дискриминацию заключённых." },
  { id: "ar-tadhib", language: "ar", text: "منع التعذيب وضمان الحرية." },
  { id: "en-defenders", language: "en", text: "Protect human rights defenders from reprisals." },
];

// Misspelt words, the word each should suggest (read from the texts above) and its record.
const CASES = [
  ["discrimnation", "discrimination", "fr-discrimination"],
  ["educacón", "educación", "es-educacion"],
  ["educacion", null, "es-educacion"], // no typo: found as it is
  ["migrantess", "migrantes", "fr-discrimination"],
  ["gratuitta", "gratuita", "es-educacion"],
  ["пыткаа", "пытка", "ru-pytki"],
  ["дискриминацыя", "дискриминация", "ru-pytki"],
  ["التعذييب", "التعذيب", "ar-tadhib"],
  ["الحررية", "الحرية", "ar-tadhib"],
  ["reprisal", null, "en-defenders"],
  ["defendres", "defenders", "en-defenders"],
];

describe("did you mean, in every script (a site built by hrindex)", { skip }, () => {
  let site;
  let index;
  before(() => {
    site = buildRecommendations(bin, "suggest", ["en", "fr", "es", "ru", "ar"], RECORDS);
    const dir = path.join(site.output, "search/index");
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    // The reference takes every name: this site's names are in one bucket.
    assert.equal(manifest.nameBuckets, 1);
    index = {
      df: dictionary(RECORDS, (r) => [[r.text, r.language], ["A/HRC/38/4", "en"], [`1.${RECORDS.indexOf(r)}`, "en"]]),
      names: new Set(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, "names/0.json"), "utf8")))),
      shards: manifest.shards,
    };
  });
  after(() => site && fs.rmSync(site.root, { recursive: true, force: true }));

  test("a misspelt word gets the word of the index in its language and script, which finds the record", async () => {
    for (const language of ["en", "fr", "es", "ru", "ar"]) {
      const engine = createSearch({ baseUrl: BASE_URL, fetch: site.fetch, language });
      for (const [query, suggestion, id] of CASES) {
        const r = await engine.search(query);
        if (suggestion === null) {
          assert.deepEqual(r.results.map((x) => x.id), [id], query);
          assert.equal(r.suggestion, undefined, query);
          continue;
        }
        assert.equal(r.total, 0, query);
        // The page's language's spellings come first: "defendes" (French) from the French page.
        if (language === "en" || !/^[a-z]+$/.test(suggestion)) assert.equal(r.suggestion, suggestion, `${query} (${language})`);
        assert.equal(r.suggestion, expectedSuggestion(query, { ...index, language }), `${query} (${language}): the reference agrees`);
        assert.deepEqual((await engine.search(r.suggestion)).results.map((x) => x.id), [id], r.suggestion);
      }
    }
  });

  test("a query of two misspelt words in two languages gets both replaced", async () => {
    const r = await createSearch({ baseUrl: BASE_URL, fetch: site.fetch }).search("discrimnation пыткаа");
    assert.equal(r.suggestion, "discrimination пытка");
    assert.equal(r.suggestion, expectedSuggestion("discrimnation пыткаа", { ...index, language: "en" }));
  });
});

test("editDistance agrees with the full optimal-string-alignment table under any limit", () => {
  let state = 5;
  const next = (n) => (state = (state * 1103515245 + 12345) % 2147483648) % n;
  const word = () => Array.from({ length: next(8) }, () => "abcé"[next(4)]).join("");
  for (let k = 0; k < 3000; k++) {
    const [a, b, limit] = [word(), word(), next(4)];
    const d = distance(a, b);
    assert.equal(editDistance(a, b), d, `${a} ${b}`);
    assert.equal(Math.min(editDistance(a, b, limit), limit + 1), Math.min(d, limit + 1), `${a} ${b} ${limit}`);
  }
});
