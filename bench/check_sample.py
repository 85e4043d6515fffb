#!/usr/bin/env python3
"""Checks generated data: a sample of catalog files (and gkml.yaml) against the schemas with the Python
`jsonschema` package, YAML read by PyYAML with dates kept as strings (as YAML 1.2 core does), plus the
text-length rules the generator promises.

    bench/.venv/bin/python bench/check_sample.py bench/data/10k [--sample 200] [--schemas schemas]
"""
import argparse
import json
import os
import random
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    """SafeLoader without the YAML 1.1 timestamp resolver: 2024-06-01 stays a string."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--sample", type=int, default=200)
    ap.add_argument("--schemas", default=os.path.join(here, "..", "schemas"))
    args = ap.parse_args()
    with open(os.path.join(args.schemas, "catalog.schema.json"), encoding="utf-8") as f:
        catalog = jsonschema.Draft202012Validator(json.load(f))
    with open(os.path.join(args.schemas, "workspace.schema.json"), encoding="utf-8") as f:
        workspace = jsonschema.Draft202012Validator(json.load(f))
    with open(os.path.join(args.data, "files.txt"), encoding="utf-8") as f:
        files = [line for line in f.read().splitlines() if line]
    sample = random.Random(1).sample(files, min(args.sample, len(files)))
    bad = 0
    with open(os.path.join(args.data, "gkml.yaml"), encoding="utf-8") as f:
        for error in workspace.iter_errors(yaml.load(f, Loader=Loader)):
            print(f"gkml.yaml: {error.json_path}: {error.message}")
            bad += 1
    stats = {"items": 0, "on_request": 0, "with_defaults": 0}
    for rel in sample:
        with open(os.path.join(args.data, rel), encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Loader)
        for error in catalog.iter_errors(doc):
            print(f"{rel}: {error.json_path}: {error.message}")
            bad += 1
        stats["with_defaults"] += "默认" in doc
        for group in doc["事项"]:
            for item in group["二级事项"]:
                stats["items"] += 1
                stats["on_request"] += item.get("公开方式") == "依申请"
                problems = []
                if not 6 <= len(item["名称"]) <= 16:
                    problems.append(f"名称 length {len(item['名称'])}")
                if not 20 <= len(item["公开内容"]) <= 80:
                    problems.append(f"公开内容 length {len(item['公开内容'])}")
                if not 1 <= len(item["公开依据"]) <= 3:
                    problems.append(f"{len(item['公开依据'])} 公开依据")
                for p in problems:
                    print(f"{rel}: {item['编号']}: {p}")
                    bad += 1
    print(f"checked gkml.yaml and {len(sample)} of {len(files)} catalog files ({stats['items']} items, "
          f"{stats['on_request']} 依申请, {stats['with_defaults']} files with 默认): {bad} problem(s)")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
