#!/usr/bin/env bash
# The project's main job: install mxlite and run the end-to-end example.
# (Until the training API lands this is the tutorial's imperative part.)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
$PY -m pip install -q --disable-pip-version-check . 2>&1 | grep -v "Running pip as the 'root'" || true
cd examples  # run against the installed package
$PY tutorial_imperative.py
