#!/usr/bin/env python3
"""A county's first run (issue 16): `gkml validate` on the messy workload (bench/gen.py --messy: catalogs
written by hand, not made from the baseline) beside the clean one of the same size. Per size: wall, CPU and
peak RSS (medians of --runs runs, /usr/bin/time -v) for json on both, for --summary and for the xlsx list on
the messy one; findings, findings per second, the per-code counts and the --summary line count; then the
issue's bar (messy RSS ≤ 1.2× clean, time ≤ 1.5× clean, --summary under 100 lines).

    python3 bench/messy.py --gkml BIN [--sizes 100k,1m] [--runs 3] [--out bench/results/messy.md]

Called by bench/run (--messy-sizes); data goes to bench/data/<size> and bench/data/<size>-messy.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

BENCH = os.path.dirname(os.path.abspath(__file__))


def items_of(label):
    label = label.lower()
    return int(float(label.rstrip("km")) * {"k": 1_000, "m": 1_000_000}.get(label[-1:], 1))


def generator_version():
    import hashlib
    with open(os.path.join(BENCH, "gen.py"), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def ensure(label, messy):
    folder = os.path.join(BENCH, "data", label + ("-messy" if messy else ""))
    try:
        with open(os.path.join(folder, "meta.json"), encoding="utf-8") as f:
            meta = json.load(f)
        if meta.get("generator") == generator_version() and meta.get("items") == items_of(label) \
                and meta.get("messy", False) == messy:
            return folder, meta
    except (OSError, ValueError):
        pass
    print(f"== generating {os.path.basename(folder)}", file=sys.stderr)
    subprocess.run([sys.executable, os.path.join(BENCH, "gen.py"), "--items", str(items_of(label)), "--out", folder]
                   + (["--messy"] if messy else []), check=True)
    with open(os.path.join(folder, "meta.json"), encoding="utf-8") as f:
        return folder, json.load(f)


def timed(folder, argv, stdout_path):
    """One run under /usr/bin/time -v: (wall s, cpu s, peak RSS kB, exit status)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t, open(stdout_path, "wb") as out:
        proc = subprocess.run(["/usr/bin/time", "-v", "-o", t.name] + argv, cwd=folder, stdout=out,
                              stderr=subprocess.PIPE)
        text = t.read()
    wall = cpu = rss = 0.0
    for line in text.splitlines():
        key, _, value = line.strip().rpartition(": ")
        if key.startswith("Elapsed (wall clock)"):
            for part in value.split(":"):
                wall = wall * 60 + float(part)
        elif key in ("User time (seconds)", "System time (seconds)"):
            cpu += float(value)
        elif key == "Maximum resident set size (kbytes)":
            rss = int(value)
    # 0: clean; 1: errors found (the messy workload's normal outcome); anything else is a failure.
    if proc.returncode not in (0, 1):
        sys.exit(f"bench/messy.py: {' '.join(argv)} failed in {folder} (status {proc.returncode}):\n"
                 + proc.stderr.decode("utf-8", "replace")[-2000:])
    return wall, cpu, rss, proc.returncode


def code_counts(json_path):
    """Per-code counts of a JSON report, streamed with grep (a 1M report is too large to load whole)."""
    grep = subprocess.run(["grep", "-oE", r'"code" *: *"[^"]+"', json_path], capture_output=True, text=True)
    counts = {}
    for match in grep.stdout.splitlines():
        code = re.search(r'"([^"]+)"$', match).group(1)
        counts[code] = counts.get(code, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gkml", required=True)
    ap.add_argument("--sizes", default="100k")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(BENCH, "results", "messy.md"))
    args = ap.parse_args()
    gkml = os.path.abspath(args.gkml)
    scratch = tempfile.mkdtemp(prefix="gkml-messy-")
    md = ["# gkml benchmark — a county's first run (messy beside clean)", "",
          f"- machine: {os.cpu_count()} cores; gkml: {gkml}; medians of the runs column", ""]
    table = ["| size | workload | output | runs | findings | wall s | cpu s | peak RSS MB | findings/s |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    verdicts, mixes = [], []
    for label in args.sizes.split(","):
        label = label.strip().lower()
        clean, clean_meta = ensure(label, False)
        messy, messy_meta = ensure(label, True)
        cases = [
            ("clean", clean, "json", ["validate", ".", "--format", "json"]),
            ("messy", messy, "json", ["validate", ".", "--format", "json"]),
            ("messy", messy, "--summary", ["validate", ".", "--summary"]),
            ("messy", messy, "xlsx", ["validate", ".", "--format", "xlsx", "-o", os.path.join(scratch, "l.xlsx")]),
        ]
        medians = {}
        findings = {}
        runs = {case[:3]: [] for case in cases}
        # Interleaved (run 1 of every case, then run 2 …) so that a change in the machine's load hits all alike.
        for r in range(args.runs):
            for workload, folder, output, argv in cases:
                stdout = os.path.join(scratch, f"{workload}-{output.strip('-')}.out")
                got = timed(folder, [gkml] + argv, stdout)
                runs[(workload, folder, output)].append(got)
                print(f"   {label} {workload:5} {output:9} run {r + 1}: {got[0]:.2f} s wall, {got[1]:.2f} s cpu, "
                      f"{got[2] / 1024:.1f} MB", file=sys.stderr)
                if r == 0 and output == "json":
                    counts = code_counts(stdout)
                    findings[workload] = sum(counts.values())
                    if workload == "messy":
                        mixes.append((label, counts))
                if r == 0 and output == "--summary":
                    with open(stdout, encoding="utf-8") as f:
                        summary_lines = sum(1 for _ in f)
                os.remove(stdout)
        for workload, folder, output, argv in cases:
            got = runs[(workload, folder, output)]
            wall = statistics.median(x[0] for x in got)
            cpu = statistics.median(x[1] for x in got)
            rss = statistics.median(x[2] for x in got) / 1024
            medians[(workload, output)] = (wall, cpu, rss)
            n = findings.get(workload, findings.get("messy", 0))
            rate = f"{n / wall:,.0f}" if n and wall else "—"
            shown = f"({summary_lines} lines)" if output == "--summary" else ""
            table.append(f"| {label} ({clean_meta['items']:,} items) | {workload} | {output} {shown} | {args.runs} | "
                         f"{n:,} | {wall:.2f} | {cpu:.2f} | {rss:.1f} | {rate} |")
        c, m = medians[("clean", "json")], medians[("messy", "json")]
        s, x = medians[("messy", "--summary")], medians[("messy", "xlsx")]
        verdicts.append(
            f"- {label}: peak RSS messy ÷ clean = {m[2] / c[2]:.2f} (json), {s[2] / c[2]:.2f} (--summary), "
            f"{x[2] / c[2]:.2f} (xlsx) — bar ≤ 1.2; wall messy ÷ clean = {m[0] / c[0]:.2f} (json), "
            f"{s[0] / c[0]:.2f} (--summary), {x[0] / c[0]:.2f} (xlsx), CPU {m[1] / c[1]:.2f}, {s[1] / c[1]:.2f}, "
            f"{x[1] / c[1]:.2f} — bar ≤ 1.5; --summary {summary_lines} lines — bar < 100")
    md += table + ["", "Against issue 16's bar:", ""] + verdicts + ["", "Finding mix of the messy workload:", ""]
    for label, counts in mixes:
        md.append(f"- {label}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    text = "\n".join(md) + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)
    subprocess.run(["rm", "-rf", scratch])


if __name__ == "__main__":
    main()
