// French and Spanish stemming through a real index: a site written by the hrindex binary in
// HRINDEX_BIN from content made here (texts in French and Spanish, an English text with a
// Spanish translation), searched with Public/search/search.js. Held-out style: words of
// Snowball's published vocabularies (snowball-vectors.json) that share a Snowball stem, one
// indexed, the other asked for. Skipped when HRINDEX_BIN is not set.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSearch } from "../../Public/search/search.js";
import { BASE_URL, fileFetch, repoRoot } from "./fixture.mjs";

const bin = process.env.HRINDEX_BIN;
const skip = !bin ? "HRINDEX_BIN is not set (scripts/test sets it)" : !fs.existsSync(bin) ? `no hrindex at ${bin}` : false;
const snowball = JSON.parse(fs.readFileSync(new URL("./snowball-vectors.json", import.meta.url), "utf8"));

// A deterministic sample: pairs of different words of one Snowball stem, by a seeded generator.
function stemPairs(vectors, count, seed) {
  const byStem = new Map();
  for (const [word, stem] of vectors) if (/^[a-zàâçèéêëîïôùûáíóúüñ]+$/.test(word)) byStem.set(stem, [...(byStem.get(stem) ?? []), word]);
  const groups = [...byStem.values()].filter((words) => words.length >= 2);
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pairs = [];
  while (pairs.length < count && groups.length > 0) {
    const words = groups.splice(Math.floor(next() * groups.length), 1)[0];
    const a = Math.floor(next() * words.length);
    const b = (a + 1 + Math.floor(next() * (words.length - 1))) % words.length;
    pairs.push([words[a], words[b]]);
  }
  return pairs;
}

const FRENCH = stemPairs(snowball.stemFrench, 40, 7);
const SPANISH = stemPairs(snowball.stemSpanish, 40, 11);

function recommendation(id, language, text, paragraph) {
  return [
    "---", "document: A/HRC/38/4", `paragraph: "${paragraph}"`, "country: " + (language === "es" ? "ECU" : "FRA"),
    "mechanism: upr", "body: UPR", "date: 2018-04-10", "cycle: 3", "session: 29", "recommending_states: [GBR]",
    "response: noted", `language: ${language}`, `id: ${id}`, "---", text, "",
  ].join("\n");
}

describe("French and Spanish stemming in a site built by hrindex", { skip }, () => {
  let root;
  let fetch;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "hrindex-stemming-"));
    const content = path.join(root, "content");
    fs.mkdirSync(path.join(content, "recommendations"), { recursive: true });
    fs.writeFileSync(path.join(content, "site.yml"), "title: Stemming\nlanguage: en\nlanguages: [en, fr, es]\n");
    const write = (id, language, text, k) => fs.writeFileSync(path.join(content, "recommendations", `${id}.md`), recommendation(id, language, text, `1.${k}`));
    write("fr-droit", "fr", "Garantir le droit des enfants à l'éducation.", 1);
    write("es-ninas", "es", "Proteger a las niñas contra la violencia.", 2);
    write("en-workers", "en", "Protect the rights of migrant workers.", 3);
    // An English text whose Spanish translation says "protegidos": indexed with the Spanish stemmer.
    write("en-translated", "en", "Shield minors from forced labour.", 4);
    fs.writeFileSync(path.join(content, "recommendations", "en-translated.es.md"), "---\n---\nLos menores deben ser protegidos del trabajo forzoso.\n");
    FRENCH.forEach(([word], k) => write(`fr-held-${k}`, "fr", `Texte ${word}.`, 10 + k));
    SPANISH.forEach(([word], k) => write(`es-held-${k}`, "es", `Texto ${word}.`, 100 + k));
    const output = path.join(root, "site");
    execFileSync(bin, [
      "build", "--content", content, "--output", output,
      "--templates", path.join(repoRoot, "Templates"), "--public", path.join(repoRoot, "Public"),
    ], { stdio: ["ignore", "ignore", "pipe"] });
    fetch = fileFetch(output);
  });
  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  const ids = async (query, language) => (await createSearch({ baseUrl: BASE_URL, fetch, language }).search(query, { limit: 1000 })).results.map((r) => r.id);

  test("droits enfants finds droit des enfants, from the French page and from any other (try all)", async () => {
    for (const language of ["fr", "en", "es", "ru", undefined]) {
      assert.deepEqual(await ids("droits enfants", language), ["fr-droit"], String(language));
    }
    assert.deepEqual(await ids('"droits des enfants"', "fr"), ["fr-droit"]);
  });

  test("niña finds niñas, from the Spanish page and from any other; a translation is stemmed in its language", async () => {
    for (const language of ["es", "en", "fr", undefined]) {
      assert.deepEqual(await ids("niña", language), ["es-ninas"], String(language));
      // Proteger, protegidos, protegidas: proteg (Porter2 would leave protegida, protegido).
      assert.deepEqual((await ids("protegidas", language)).sort(), ["en-translated", "es-ninas"], String(language));
    }
    assert.deepEqual(await ids("nina", "es"), ["es-ninas"]);
  });

  test("marks the stem-sharing words in the excerpt of a French or Spanish text", async () => {
    const excerpt = async (query, language) => (await createSearch({ baseUrl: BASE_URL, fetch, language }).search(query)).results[0].excerpt;
    assert.match(await excerpt("niña", "en"), /<mark>niñas<\/mark>/);
    assert.match(await excerpt("droits enfants", "fr"), /<mark>droit<\/mark> des <mark>enfants<\/mark>/);
    const translated = (await createSearch({ baseUrl: BASE_URL, fetch, language: "es" }).search("protegidas", { limit: 10 })).results.find((r) => r.id === "en-translated");
    assert.equal(translated.language, "es");
    assert.match(translated.excerpt, /<mark>protegidos<\/mark>/);
  });

  test("finds a French word by another word of the same Snowball stem (held-out sample)", async () => {
    assert.equal(FRENCH.length, 40);
    for (const [[indexed, asked], k] of FRENCH.map((p, k) => [p, k])) {
      assert.ok((await ids(asked, "fr")).includes(`fr-held-${k}`), `${asked} -> ${indexed}`);
    }
  });

  test("finds a Spanish word by another word of the same Snowball stem (held-out sample)", async () => {
    assert.equal(SPANISH.length, 40);
    for (const [[indexed, asked], k] of SPANISH.map((p, k) => [p, k])) {
      assert.ok((await ids(asked, "es")).includes(`es-held-${k}`), `${asked} -> ${indexed}`);
    }
  });
});
