// Runs bench/queries.json against a Pagefind bundle in Node: pagefind.js is imported fresh for
// every query (cold), with a global fetch shim that serves the bundle from disk and records every
// file it sends. Loads the data (fragment) of the first LIMIT results, as a results page would.
//   node bench/query-pagefind.mjs SITE_DIR [LIMIT]       (SITE_DIR holds pagefind/)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(process.argv[2]);
const limit = Number(process.argv[3] ?? 20);
const queries = JSON.parse(fs.readFileSync(path.join(here, "queries.json"), "utf8"));
const bundle = path.join(site, "pagefind");

let log = [];
const sizes = new Map();
function record(file) {
  if (!sizes.has(file)) {
    const bytes = fs.readFileSync(file);
    sizes.set(file, { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 6 }).length, bytes });
  }
  const s = sizes.get(file);
  log.push({ path: path.relative(site, file), raw: s.raw, gzip: s.gzip });
  return s.bytes;
}
globalThis.fetch = async (input) => {
  const url = new URL(String(input?.url ?? input));
  const file = url.protocol === "file:" ? fileURLToPath(url) : path.join(site, decodeURIComponent(url.pathname));
  if (!fs.existsSync(file)) return new Response(null, { status: 404 });
  const bytes = record(file);
  return new Response(bytes, { status: 200, headers: { "content-type": file.endsWith(".json") ? "application/json" : "application/octet-stream" } });
};

const moduleUrl = pathToFileURL(path.join(bundle, "pagefind.js")).href;
const out = [];
let n = 0;
// Pagefind's filters are AND across values of one field; every filter here has one value per field.
const pagefindFilters = (filters) => Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v.length === 1 ? v[0] : { any: v }]));
for (const { q, filters = {} } of queries) {
  log = [];
  record(path.join(bundle, "pagefind.js"));
  const pagefind = await import(`${moduleUrl}?cold=${n++}`);
  await pagefind.options({ basePath: pathToFileURL(bundle).href + "/", baseUrl: "/" });
  const run = async () => {
    const search = await pagefind.search(q === "" ? null : q, { filters: pagefindFilters(filters) });
    const data = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
    return { search, data };
  };
  const t0 = performance.now();
  const { search, data } = await run();
  const cold = performance.now() - t0;
  const coldLog = log;
  log = [];
  const warmRuns = [];
  for (let k = 0; k < 3; k++) {
    const t1 = performance.now();
    await run();
    warmRuns.push(performance.now() - t1);
  }
  out.push({
    q, filters, total: search.results.length, files: coldLog.length,
    raw: coldLog.reduce((s, f) => s + f.raw, 0), gzip: coldLog.reduce((s, f) => s + f.gzip, 0),
    coldMs: cold, warmMs: Math.min(...warmRuns), top: data.slice(0, 3).map((d) => d.url),
    paths: coldLog.map((f) => `${f.path}:${f.gzip}`),
  });
  await pagefind.destroy?.();
}
console.log(JSON.stringify(out));
