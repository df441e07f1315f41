// "Download these results" on the search page: the whole result set of the search the page shows
// (its state lives in the URL: ?q=…&country=…&sort=…&from=…&to=…), in its order and with links into
// the page's edition, as a CSV or JSON file made in the browser by engine.export, with a progress
// bar while the index's result chunks arrive. A module of its own, beside search-page.js: it reads
// the same URL the same way (search.js readSearchState) and needs nothing else from it.
import { createSearch, readSearchState, searchOptions } from "./search.js";

const box = document.getElementById("search-export");
const progress = document.getElementById("search-export-progress");
const status = document.getElementById("search-export-status");
const engine = createSearch({ language: document.documentElement.lang });
const format = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));

async function download(kind, button) {
  const state = readSearchState(location.search, await engine.facetFields());
  button.disabled = true;
  progress.hidden = false;
  progress.value = 0;
  status.textContent = box.dataset.preparing;
  try {
    const text = await engine.export(state.q, { ...searchOptions(state), format: kind, onProgress: ({ done, total }) => {
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
