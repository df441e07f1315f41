// Runs bench/queries.json against an HRIndex site folder through a file-reading fetch shim and
// prints one JSON object: per query the files downloaded, raw and gzip bytes, cold and warm times.
//   node bench/query-ours.mjs SITE_DIR [LIMIT]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(process.argv[2]);
const limit = Number(process.argv[3] ?? 20);
const queries = JSON.parse(fs.readFileSync(path.join(here, "queries.json"), "utf8"));
const BASE = "https://bench.example/";
// The site's own copy of the client, as a browser would load it.
const { createSearch } = await import(pathToFileURL(path.join(site, "search/search.js")).href);

function shim(log) {
  return async (url) => {
    const href = String(url);
    const file = path.join(site, decodeURIComponent(new URL(href).pathname));
    if (!fs.existsSync(file)) return { ok: false, status: 404 };
    const bytes = fs.readFileSync(file);
    log.push({ path: file.slice(site.length + 1), raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 6 }).length });
    return {
      ok: true, status: 200,
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      json: async () => JSON.parse(bytes.toString("utf8")),
    };
  };
}

// The module itself is downloaded once per cold visit as well.
const moduleBytes = fs.readFileSync(path.join(site, "search/search.js"));
const moduleFile = { path: "search/search.js", raw: moduleBytes.length, gzip: zlib.gzipSync(moduleBytes, { level: 6 }).length };
const out = [];
for (const { q, filters = {} } of queries) {
  const log = [moduleFile];
  const engine = createSearch({ baseUrl: BASE, fetch: shim(log) });
  const t0 = performance.now();
  const r = await engine.search(q, { filters, limit });
  const cold = performance.now() - t0;
  const warmRuns = [];
  for (let k = 0; k < 3; k++) {
    const t1 = performance.now();
    await engine.search(q, { filters, limit });
    warmRuns.push(performance.now() - t1);
  }
  out.push({
    q, filters, total: r.total, files: log.length,
    raw: log.reduce((s, f) => s + f.raw, 0), gzip: log.reduce((s, f) => s + f.gzip, 0),
    coldMs: cold, warmMs: Math.min(...warmRuns), top: r.results.slice(0, 3).map((x) => x.id), ids: r.results.map((x) => x.id),
    paths: log.map((f) => `${f.path}:${f.gzip}`),
  });
}
console.log(JSON.stringify(out));
