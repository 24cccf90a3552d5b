#!/usr/bin/env python3
"""Validates YAML scenario files against BackSim's JSON Schema with an
independent validator (python-jsonschema, draft 2020-12).

usage: check-schema.py SCHEMA.json FILE.yaml... ; prints one line per file:
"ok FILE" or "invalid FILE: message"; exits 0 if the schema itself is valid."""
import json
import sys

import jsonschema
import yaml

schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
for path in sys.argv[2:]:
    document = yaml.safe_load(open(path))
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        where = ".".join(str(p) for p in first.path)
        print(f"invalid {path}: {where}: {first.message[:200]}")
    else:
        print(f"ok {path}")
