#!/usr/bin/env python3
"""Prints the summary of a `gkml validate --format json` report (files, errors, warnings, first findings);
exits 1 when it holds an error."""
import json
import sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
s = report["summary"]
print(f"{s['files']} files, {s['errors']} errors, {s['warnings']} warnings, {s.get('infos', 0)} infos")
shown = 0
for f in report["files"]:
    for finding in f["findings"]:
        if shown < 5:
            print(f"     {f['path']}:{finding.get('line')}:{finding.get('column')}: {finding['severity']}"
                  f"[{finding['code']}] {finding['message']}")
            shown += 1
sys.exit(1 if s["errors"] else 0)
