#!/usr/bin/env python3
"""The search benchmark behind scripts/bench-search (not a test).

For each corpus (the UPR Info export, synthetic 100k and 270k recommendations): build the site
with release hrindex, build the same content with Hugo + Pagefind, run bench/queries.json cold
against both indexes counting the bytes each query downloads, and print one table. Build times
and peak memory come from GNU time. Results: stdout and bench-results/.
"""
import argparse
import datetime
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
UPR_INFO = "/work/shared/data/upr-info"


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def timed(cmd, cwd=None, env=None):
    """Runs cmd under GNU time; returns (seconds, peak RSS in MB, stdout)."""
    log("$", " ".join(cmd))
    result = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        log(result.stdout[-4000:], result.stderr[-4000:])
        raise SystemExit(f"failed: {' '.join(cmd)}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", result.stderr).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = sum(p * 60 ** (len(parts) - 1 - i) for i, p in enumerate(parts))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    return seconds, rss, result.stdout + result.stderr


def folder_size(path):
    total = files = 0
    for root, _, names in os.walk(path):
        for name in names:
            total += os.path.getsize(os.path.join(root, name))
            files += 1
    return total, files


def corpus(name, work, hrindex):
    """The Content folder for a corpus, made once and reused (generation is deterministic)."""
    content = os.path.join(work, f"corpus-{name}", "Content")
    marker = os.path.join(work, f"corpus-{name}", "complete")
    if os.path.exists(marker):
        return content, json.load(open(marker))
    shutil.rmtree(os.path.dirname(content), ignore_errors=True)
    if name == "upr-info":
        out = subprocess.run([sys.executable, os.path.join(HERE, "convert.py"), "upr-info", UPR_INFO, content],
                             capture_output=True, text=True, check=True).stdout
        info = json.loads(out.strip().splitlines()[-1])
    else:
        count = int(name)
        seconds, _, _ = timed([hrindex, "generate", "--count", str(count), "--seed", "1", "--output", content])
        info = {"written": count, "generate_seconds": round(seconds, 1)}
    json.dump(info, open(marker, "w"))
    return content, info


def median_p95(values):
    ordered = sorted(values)
    return statistics.median(ordered), ordered[math.ceil(0.95 * len(ordered)) - 1]


def run_queries(script, site, limit):
    out = subprocess.run(["node", os.path.join(HERE, script), site, str(limit)], capture_output=True, text=True)
    if out.returncode != 0:
        log(out.stderr[-4000:])
        raise SystemExit(f"{script} failed")
    return json.loads(out.stdout)


def summarize(queries):
    gz = [q["gzip"] for q in queries]
    raw = [q["raw"] for q in queries]
    warm = [q["warmMs"] for q in queries]
    return {
        "median_gzip": median_p95(gz)[0], "p95_gzip": median_p95(gz)[1],
        "median_raw": median_p95(raw)[0], "p95_raw": median_p95(raw)[1],
        "median_files": statistics.median(q["files"] for q in queries),
        "median_requests": median_p95([q["files"] for q in queries])[0],
        "p95_requests": median_p95([q["files"] for q in queries])[1],
        "warm_ms_median": statistics.median(warm), "warm_ms_p95": median_p95(warm)[1],
    }


def bench_corpus(name, args, hrindex, pagefind):
    work = args.work
    content, info = corpus(name, work, hrindex)
    result = {"corpus": name, "content": info}
    site = os.path.join(args.sites or work, f"site-{name}")
    shutil.rmtree(site, ignore_errors=True)
    seconds, rss, output = timed([hrindex, "build", "--content", content, "--output", site, "--timings",
                                  "--public", os.path.join(REPO, "Public"), "--templates", os.path.join(REPO, "Templates")])
    stage = re.search(r"^\s*search index[^\n]*?\s([\d.]+) s$", output, re.M)
    pages = re.search(r"Built (\d+) pages from (\d+) recommendations", output)
    index_bytes, index_files = folder_size(os.path.join(site, "search", "index"))
    result["hrindex"] = {
        "documents": int(pages.group(2)), "pages": int(pages.group(1)), "build_s": round(seconds, 1),
        "peak_rss_mb": round(rss), "search_stage_s": float(stage.group(1)) if stage else None,
        "index_bytes": index_bytes, "index_files": index_files,
        "stages": dict(re.findall(r"^\s+(\S.*?)\s+([\d.]+) s$", output, re.M)),
    }
    queries = run_queries("query-ours.mjs", site, args.limit)
    result["hrindex"]["queries"] = queries
    result["hrindex"].update(summarize(queries))
    if not args.keep:
        shutil.rmtree(site, ignore_errors=True)
    if result["hrindex"]["documents"] > args.pagefind_max:
        result["pagefind"] = {"skipped": f"Pagefind not run above {args.pagefind_max:,} documents: at 100k it "
                              "needs ~9.4 GB, at 270k it does not fit this machine"}
        return result
    hugo_site = os.path.join(args.sites or work, f"hugo-{name}")
    public = os.path.join(hugo_site, "public")
    if result["hrindex"]["documents"] > args.hugo_max:
        # Pagefind's input written directly: the recommendation pages bench/hugo renders, byte for
        # byte (convert.py pages), which keeps a search benchmark of large corpora short (Hugo
        # itself takes about 95 s here at 100k; scripts/bench-build times it).
        shutil.rmtree(hugo_site, ignore_errors=True)
        hugo_s, hugo_rss, _ = timed([sys.executable, os.path.join(HERE, "convert.py"), "pages", content, public])
        result["pages_from"] = "bench/convert.py pages (the markup of bench/hugo's single.html, without Hugo)"
    else:
        subprocess.run([sys.executable, os.path.join(HERE, "convert.py"), "hugo", content, hugo_site], check=True,
                       capture_output=True)
        hugo_s, hugo_rss, _ = timed(["hugo", "--quiet", "--source", hugo_site, "--destination", public])
    pf_s, pf_rss, _ = timed([pagefind, "--site", public, "--force-language", "en", "--quiet"])
    bundle_bytes, bundle_files = folder_size(os.path.join(public, "pagefind"))
    result["pagefind"] = {
        "hugo_s": round(hugo_s, 1), "hugo_peak_rss_mb": round(hugo_rss), "pagefind_s": round(pf_s, 1),
        "pagefind_peak_rss_mb": round(pf_rss), "build_s": round(hugo_s + pf_s, 1),
        "peak_rss_mb": round(max(hugo_rss, pf_rss)), "index_bytes": bundle_bytes, "index_files": bundle_files,
    }
    queries = run_queries("query-pagefind.mjs", public, args.limit)
    result["pagefind"]["queries"] = queries
    result["pagefind"].update(summarize(queries))
    if not args.keep:
        shutil.rmtree(hugo_site, ignore_errors=True)
    return result


def kb(n):
    return f"{n / 1024:,.0f} KB"


def mb(n):
    return f"{n / 1024 / 1024:,.0f} MB"


def table(results, limit):
    head = ["corpus", "engine", "docs", "build", "peak RSS", "index", "files", "req med", "req p95", "median gz", "p95 gz",
            "median raw", "p95 raw", "warm med", "warm p95"]
    rows = []
    for r in results:
        h = r["hrindex"]
        rows.append([r["corpus"], "hrindex", f"{h['documents']:,}", f"{h['build_s']:.0f} s (index {h['search_stage_s'] or 0:.1f} s)",
                     f"{h['peak_rss_mb']:,} MB", mb(h["index_bytes"]), f"{h['index_files']:,}",
                     f"{h['median_requests']:g}", f"{h['p95_requests']:g}", kb(h["median_gzip"]),
                     kb(h["p95_gzip"]), kb(h["median_raw"]), kb(h["p95_raw"]), f"{h['warm_ms_median']:.1f} ms",
                     f"{h['warm_ms_p95']:.1f} ms"])
        p = r.get("pagefind", {})
        if "skipped" in p:
            rows.append([r["corpus"], "hugo+pagefind", "", p["skipped"], "", "", "", "", "", "", "", "", "", "", ""])
            continue
        maker = "pages" if r.get("pages_from") else "hugo"
        rows.append([r["corpus"], "hugo+pagefind", "", f"{p['build_s']:.0f} s ({maker} {p['hugo_s']:.0f} + pf {p['pagefind_s']:.0f})",
                     f"{p['peak_rss_mb']:,} MB", mb(p["index_bytes"]), f"{p['index_files']:,}",
                     f"{p['median_requests']:g}", f"{p['p95_requests']:g}", kb(p["median_gzip"]),
                     kb(p["p95_gzip"]), kb(p["median_raw"]), kb(p["p95_raw"]), f"{p['warm_ms_median']:.1f} ms",
                     f"{p['warm_ms_p95']:.1f} ms"])
        rows.append([r["corpus"], "ratio ours/pf", "", "", "", f"{h['index_bytes'] / p['index_bytes']:.2f}", "",
                     f"{h['median_requests'] / max(p['median_requests'], 1):.2f}", f"{h['p95_requests'] / max(p['p95_requests'], 1):.2f}",
                     f"{h['median_gzip'] / p['median_gzip']:.2f}", f"{h['p95_gzip'] / p['p95_gzip']:.2f}",
                     f"{h['median_raw'] / p['median_raw']:.2f}", f"{h['p95_raw'] / p['p95_raw']:.2f}",
                     f"{h['warm_ms_median'] / max(p['warm_ms_median'], 0.001):.2f}", ""])
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"
    out = [line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in rows]
    out.append("")
    out.append(f"Cold query = a fresh client per query, counting every file it fetches (the search module itself "
               f"included) and the first {limit} results' data; gz = each file gzipped (zlib level 6). "
               "Warm = the same query again in the same client (best of 3), in Node.")
    direct = [r["corpus"] for r in results if r.get("pages_from")]
    if direct:
        out.append(f"For {', '.join(direct)}, Pagefind indexed pages written by `bench/convert.py pages` — the markup "
                   "bench/hugo's single.html gives, without running Hugo (timed by scripts/bench-build instead); "
                   "'pages' is that script's time.")
    return "\n".join(out)


def targets(results):
    lines = []
    for r in results:
        h, p = r["hrindex"], r.get("pagefind", {})
        if "median_gzip" in p:
            ok = h["median_gzip"] <= p["median_gzip"] / 3
            lines.append(f"{r['corpus']}: median cold gzip {kb(h['median_gzip'])} vs Pagefind {kb(p['median_gzip'])}: "
                         f"{'meets' if ok else 'misses'} the target (<= 1/3 of Pagefind's)")
        if h["documents"] >= 200000:
            lines.append(f"{r['corpus']}: p95 cold gzip {kb(h['p95_gzip'])} ({'meets' if h['p95_gzip'] <= 1024 * 1024 else 'misses'} "
                         f"<= 1 MB), median {kb(h['median_gzip'])} ({'meets' if h['median_gzip'] <= 300 * 1024 else 'misses'} <= 300 KB)")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", default="upr-info,100000,270000",
                        help="comma-separated: upr-info and/or synthetic sizes (default: %(default)s)")
    parser.add_argument("--work", default="/tmp/hrindex-search-bench", help="working folder; corpora are reused (default: %(default)s)")
    parser.add_argument("--sites", default=None,
                        help="where the built sites go (default: the working folder); /dev/shm keeps the disk out")
    parser.add_argument("--hugo-max", type=int, default=50000,
                        help="above this many documents Pagefind indexes pages written by convert.py instead of Hugo's")
    parser.add_argument("--hrindex", required=True, help="release hrindex binary")
    parser.add_argument("--pagefind", default="pagefind")
    parser.add_argument("--pagefind-max", type=int, default=150000, help="skip Hugo + Pagefind above this many documents")
    parser.add_argument("--limit", type=int, default=20, help="results per query whose data is loaded")
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    started = datetime.datetime.now()
    results = []
    for name in args.corpora.split(","):
        log(f"== {name}")
        results.append(bench_corpus(name.strip(), args, args.hrindex, args.pagefind))
    text = table(results, args.limit) + "\n\n" + targets(results)
    print(text)
    out = os.path.join(REPO, "bench-results")
    os.makedirs(out, exist_ok=True)
    stamp = started.strftime("%Y%m%d-%H%M%S")
    json.dump({"started": started.isoformat(), "args": vars(args), "results": results},
              open(os.path.join(out, f"search-{stamp}.json"), "w"), indent=1, ensure_ascii=False)
    open(os.path.join(out, f"search-{stamp}.md"), "w").write(text + "\n")
    log(f"results: bench-results/search-{stamp}.json and .md")


if __name__ == "__main__":
    main()
