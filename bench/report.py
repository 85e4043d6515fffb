#!/usr/bin/env python3
"""Turns bench/results/raw.tsv (one line per timed run) into the benchmark table: medians per size and
tool, throughput, peak memory and gkml's ratios to the floor and the peers; prints it and writes it as
Markdown.

    python3 bench/report.py RAW.tsv CONTEXT.txt OUT.md
"""
import csv
import statistics
import sys
from collections import OrderedDict

TOOLS = ["gkml", "floor", "floor-mimalloc", "jsonschema-rs", "check-jsonschema", "check-jsonschema-sample", "gkml-build"]
LABELS = {
    "gkml": "gkml validate",
    "floor": "floor (libyaml events, 1 thread)",
    "floor-mimalloc": "floor, mimalloc preloaded",
    "jsonschema-rs": "jsonschema-rs + PyYAML",
    "check-jsonschema": "check-jsonschema",
    "gkml-build": "gkml build (all formats)",
}


def split_sample(tool):
    """check-jsonschema-sample20 -> ("check-jsonschema-sample", 20): a run over one file in 20."""
    prefix = "check-jsonschema-sample"
    if tool.startswith(prefix) and tool[len(prefix):].isdigit():
        return prefix, int(tool[len(prefix):])
    return tool, 1


def load(path):
    rows = OrderedDict()
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            tool, every = split_sample(r["tool"])
            key = (r["size"], tool)
            entry = rows.setdefault(key, {"items": int(r["items"]), "files": int(r["files"]),
                                          "bytes": int(r["bytes"]), "wall": [], "cpu": [], "rss": [],
                                          "every": every})
            # A sampled run's time is scaled to the whole set (the table says so).
            entry["wall"].append(float(r["wall_s"]) * every)
            entry["cpu"].append(float(r["cpu_s"]) * every)
            entry["rss"].append(int(r["rss_kb"]))
    return rows


def fmt_rate(x):
    if x >= 1e6:
        return f"{x / 1e6:.2f} M"
    if x >= 1e3:
        return f"{x / 1e3:.1f} k"
    return f"{x:.0f}"


def ratio_text(tool, gkml_t, t):
    """gkml's ratio to this tool, by the measure t (wall or cpu)."""
    if tool == "gkml" or not gkml_t or not t:
        return ""
    if tool in ("floor", "floor-mimalloc"):
        return f"{gkml_t / t:.2f}× floor"
    if tool == "gkml-build":
        return ""
    return f"{t / gkml_t:.1f}× faster"


def main():
    raw, context_path, out_path = sys.argv[1:4]
    rows = load(raw)
    sizes = list(OrderedDict.fromkeys(size for size, _ in rows))
    with open(context_path, encoding="utf-8") as f:
        context = f.read().strip().splitlines()

    header = ["size", "items", "files", "MB", "tool", "runs", "wall s", "cpu s", "items/s", "MB/s", "peak RSS MB",
              "gkml vs it (wall)", "gkml vs it (cpu)"]
    table = []
    summary = []
    for size in sizes:
        g = rows.get((size, "gkml"))
        gw = statistics.median(g["wall"]) if g else None
        gc = statistics.median(g["cpu"]) if g else None
        for tool in TOOLS:
            e = rows.get((size, tool))
            if not e:
                continue
            wall = statistics.median(e["wall"])
            cpu = statistics.median(e["cpu"])
            rss = statistics.median(e["rss"]) / 1024
            mb = e["bytes"] / 1e6
            label = LABELS.get(tool) or f"check-jsonschema (1 file in {e['every']}, time ×{e['every']})"
            table.append([size, f"{e['items']:,}", f"{e['files']:,}", f"{mb:.1f}", label, len(e["wall"]),
                          f"{wall:.2f}", f"{cpu:.2f}",
                          fmt_rate(e["items"] / wall) if wall else "∞", f"{mb / wall:.1f}" if wall else "∞",
                          f"{rss:.0f}", ratio_text(tool, gw, wall), ratio_text(tool, gc, cpu)])
        if g:
            summary.append((size, g["items"], g["files"], gw, gc, statistics.median(g["rss"]) / 1024))

    lines_txt = []
    widths = [max(len(str(r[i])) for r in [header] + table) for i in range(len(header))]
    # East Asian text is absent from the table, so plain padding lines up.
    lines_txt.append("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    lines_txt.append("  ".join("-" * w for w in widths))
    prev = None
    for r in table:
        if prev is not None and r[0] != prev:
            lines_txt.append("")
        prev = r[0]
        lines_txt.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))

    scale = []
    if summary:
        base = summary[0]
        scale.append("gkml scaling (against the smallest size): "
                     + "; ".join(f"{s}: {w / n * 1e6:.1f} µs/item wall ({(w / n) / (base[3] / base[1]):.2f}×), "
                                 f"{c / n * 1e6:.1f} µs/item cpu ({(c / n) / (base[4] / base[1]):.2f}×), "
                                 f"peak {r:.0f} MB"
                                 for s, n, f, w, c, r in summary))

    print("\n".join(context))
    print()
    print("\n".join(lines_txt))
    if scale:
        print()
        print(scale[0])

    md = ["# gkml benchmark — latest run", ""]
    md += [f"- {c}" for c in context]
    md += ["", "| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    md += ["| " + " | ".join(str(c) for c in r) + " |" for r in table]
    if scale:
        md += ["", scale[0]]
    md += ["", "wall and cpu (user + system, all threads) are medians; peak RSS is the median of the runs' "
           "maximum resident set size. \"N× floor\" = gkml time / floor time; \"N× faster\" = peer time / "
           "gkml time."]
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
