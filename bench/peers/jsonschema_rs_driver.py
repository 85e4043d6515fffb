#!/usr/bin/env python3
"""Peer of the gkml benchmark: PyYAML (CSafeLoader, libyaml) loads each file, jsonschema-rs validates it.

    python peers/jsonschema_rs_driver.py SCHEMA LIST [BASE]

LIST names one file a line, relative to BASE (default: the folder of LIST). The schema is compiled once;
files are read and validated one after another (single-threaded, as a straightforward script would).
Dates stay strings (the timestamp resolver is removed), as in YAML 1.2's core schema that gkml uses.
Exit 0 when every file is valid, 1 otherwise.
"""
import json
import os
import sys

import jsonschema_rs
import yaml


class Loader(yaml.CSafeLoader):
    pass


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


def main():
    schema_path, list_path = sys.argv[1], sys.argv[2]
    base = sys.argv[3] if len(sys.argv) > 3 else os.path.dirname(list_path) or "."
    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema_rs.Draft202012Validator(json.load(f))
    with open(list_path, encoding="utf-8") as f:
        files = [line for line in f.read().splitlines() if line]
    invalid = 0
    for rel in files:
        with open(os.path.join(base, rel), "rb") as f:
            instance = yaml.load(f.read(), Loader=Loader)
        if not validator.is_valid(instance):
            invalid += 1
            for error in validator.iter_errors(instance):
                print(f"{rel}: {error.instance_path}: {error.message}", file=sys.stderr)
    print(f"jsonschema-rs: {len(files)} files, {invalid} invalid", file=sys.stderr)
    sys.exit(1 if invalid else 0)


if __name__ == "__main__":
    main()
