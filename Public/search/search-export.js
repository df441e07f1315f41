// "Download these results" on the search page: the whole result set of the search the page shows
// (its state lives in the URL: ?q=…&country=…) as a CSV or JSON file made in the browser by
// engine.export, with a progress bar while the index's result chunks arrive. A module of its own,
// beside search-page.js: it reads the same URL and needs nothing else from it.
import { createSearch } from "./search.js";

const box = document.getElementById("search-export");
const progress = document.getElementById("search-export-progress");
const status = document.getElementById("search-export-status");
const engine = createSearch();
const format = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));

async function currentSearch() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const field of await engine.facetFields()) {
    const values = params.getAll(field).filter(Boolean);
    if (values.length) filters[field] = values;
  }
  return { q: params.get("q") ?? "", filters };
}

async function download(kind, button) {
  const { q, filters } = await currentSearch();
  button.disabled = true;
  progress.hidden = false;
  progress.value = 0;
  status.textContent = box.dataset.preparing;
  try {
    const text = await engine.export(q, { filters, format: kind, onProgress: ({ done, total }) => {
      progress.max = Math.max(1, total);
      progress.value = done;
    } });
    const type = kind === "csv" ? "text/csv;charset=utf-8" : "application/json";
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `search-results.${kind}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = box.dataset.done;
  } catch (error) {
    status.textContent = format(box.dataset.error, { message: error.message });
  } finally {
    button.disabled = false;
    progress.hidden = true;
  }
}

if (box) {
  for (const button of box.querySelectorAll("button[data-format]")) {
    button.addEventListener("click", () => download(button.dataset.format, button));
  }
  box.hidden = false;
}
