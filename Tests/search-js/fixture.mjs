// Shared helpers for the Node tests: the fixture index (written by the Swift test
// "writes the fixture index that the Node tests search") read through a fetch shim.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../..");
export const fixtureRoot = process.env.SEARCH_FIXTURE_DIR ?? path.join(repoRoot, ".build-search-fixture");
export const BASE_URL = "https://fixture.example/uhri/";

export const fixtureDocs = JSON.parse(fs.readFileSync(path.join(here, "fixture-docs.json"), "utf8"));
export const fixtureNames = JSON.parse(fs.readFileSync(path.join(here, "fixture-names.json"), "utf8"));
export const vectors = JSON.parse(fs.readFileSync(path.join(here, "tokenizer-vectors.json"), "utf8"));

/** A fetch that serves files of `root` for URLs under BASE_URL and records what it sent. */
export function fileFetch(root = fixtureRoot) {
  if (!fs.existsSync(path.join(root, "search/index/manifest.json"))) {
    throw new Error(`no fixture index in ${root}: run \`swift test --filter SiteSearchTests\` first`);
  }
  const log = [];
  const shim = async (url) => {
    const href = String(url);
    if (!href.startsWith(BASE_URL)) return { ok: false, status: 404 };
    const file = path.join(root, decodeURIComponent(href.slice(BASE_URL.length)));
    if (!file.startsWith(root) || !fs.existsSync(file)) return { ok: false, status: 404 };
    const bytes = fs.readFileSync(file);
    log.push({ url: href, bytes: bytes.length });
    return {
      ok: true,
      status: 200,
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      json: async () => JSON.parse(bytes.toString("utf8")),
    };
  };
  shim.log = log;
  return shim;
}

/**
 * Builds a site with the hrindex binary `bin` from recommendations made here ({ id, text,
 * language?, country?, themes?, affected_persons? }; all UPR, 2018) in `languages`, into a new
 * temporary folder. Returns the folder (`root`, to remove), the site (`output`) and a fetch over it.
 */
export function buildRecommendations(bin, name, languages, records) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `hrindex-${name}-`));
  const content = path.join(root, "content");
  fs.mkdirSync(path.join(content, "recommendations"), { recursive: true });
  fs.writeFileSync(path.join(content, "site.yml"), `title: ${name}\nlanguage: en\nlanguages: [${languages.join(", ")}]\n`);
  records.forEach((r, k) => fs.writeFileSync(path.join(content, "recommendations", `${r.id}.md`), [
    "---", "document: A/HRC/38/4", `paragraph: "1.${k}"`, `country: ${r.country ?? "FRA"}`, "mechanism: upr", "body: UPR",
    "date: 2018-04-10", "cycle: 3", "session: 29", "recommending_states: [GBR]", "response: noted", `language: ${r.language ?? "en"}`,
    `id: ${r.id}`, `themes: [${(r.themes ?? []).join(", ")}]`, `affected_persons: [${(r.affected_persons ?? []).join(", ")}]`, "---", r.text, "",
  ].join("\n")));
  const output = path.join(root, "site");
  execFileSync(bin, [
    "build", "--content", content, "--output", output,
    "--templates", path.join(repoRoot, "Templates"), "--public", path.join(repoRoot, "Public"),
  ], { stdio: ["ignore", "ignore", "pipe"] });
  return { root, output, fetch: fileFetch(output) };
}
