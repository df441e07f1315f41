// HRIndex search export: the whole result set of a query as CSV or JSON, in the browser or Node.
// Loaded by search.js only when an export is asked for (engine.export), so a search never waits
// for it. The full texts come from the index's result chunks (search/index/docs/<c>.json, each
// fetched once for all its matches) and the facet values from its vectors (vectors/<b>.bin):
// never one request per record.
//
//   const text = await engine.export("right to education", { filters: { country: ["ecu"] }, format: "csv",
//     onProgress: ({ done, total }) => … });
//
// CSV: UTF-8 with a byte-order mark, RFC 4180 (CRLF, quoted cells), a cell a spreadsheet would
// run as a formula prefixed with "'"; lists joined with "; ". JSON: an array of objects, lists as
// arrays. Rows in the search's order (its sort; by default best first); each url into the reader's
// edition (createSearch's language); columns: id, url, document, paragraph, date,
// language, title, text, then each facet field of the index (its values as the site's filters name
// them, in the index's order of values).

import { locateValue, readTitle } from "./search.js";

const CONCURRENCY = 4;

/**
 * @param ctx  { root, index, run } from search.js: the reader's edition's root (result URLs), the
 *   index reader and its search.
 * @param opts  filters, sort and years as engine.search takes them; format; onProgress.
 * @returns the file's text.
 */
export async function exportResults(ctx, query, { filters = {}, sort, years, format = "csv", onProgress } = {}) {
  if (format !== "csv" && format !== "json") throw new Error(`unknown export format "${format}" (csv or json)`);
  const manifest = await ctx.index.manifest();
  const { matches } = await ctx.run(query, { filters, sort, years, matches: true });
  const chunkSize = manifest.chunkSize;
  const blockSize = manifest.blockSize;
  const chunks = [...new Set(matches.map((d) => Math.floor(d / chunkSize)))];
  const blocks = [...new Set(matches.map((d) => Math.floor(d / blockSize)))];
  const total = chunks.length + blocks.length;
  let done = 0;
  const step = () => { done++; onProgress?.({ done, total }); };
  onProgress?.({ done: 0, total });
  const records = new Map();
  const vectors = new Map();
  const jobs = [
    ...chunks.map((c) => async () => { records.set(c, await ctx.index.json(`docs/${c}.json`)); step(); }),
    ...blocks.map((b) => async () => { vectors.set(b, await ctx.index.vectors(b)); step(); }),
  ];
  await inTurn(jobs, CONCURRENCY);
  const fields = manifest.fields;
  const rows = matches.map((d) => {
    const row = readRecord(records.get(Math.floor(d / chunkSize))[d % chunkSize], ctx.root);
    const values = Object.fromEntries(fields.map((f) => [f, []]));
    for (const g of vectors.get(Math.floor(d / blockSize))[d % blockSize]) {
      const [f, i] = locateValue(manifest, g);
      values[fields[f]].push(manifest.values[f][i]);
    }
    return { ...row, ...values };
  });
  return format === "json" ? JSON.stringify(rows, null, 1) + "\n" : toCSV(rows, ["id", "url", "document", "paragraph", "date", "language", "title", "text", ...fields]);
}

// Runs the jobs, `width` at a time.
async function inTurn(jobs, width) {
  let next = 0;
  const worker = async () => { while (next < jobs.length) await jobs[next++](); };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
}

// A record of docs/<c>.json: [id, text, document, paragraph, date, language, title, country, body,
// url?, translations?] (see search.js readRecord), the title read by search.js readTitle.
function readRecord([id, text, document, paragraph, date, language, title, , , url], root) {
  return {
    id, url: root + (url ?? `recommendations/${id}/`), document, paragraph, date, language,
    title: readTitle(title, text),
    text,
  };
}

/** RFC 4180 with a byte-order mark and CRLF; formula-like cells start with "'". */
export function toCSV(rows, columns) {
  const lines = [columns.map(csvCell).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(Array.isArray(row[c]) ? row[c].join("; ") : row[c] ?? "")).join(","));
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

function csvCell(value) {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}
