#!/usr/bin/env bash
# The project's main job: install mxlite, then run the tutorial end to end -- its
# imperative part, then its symbolic part, which trains the MLP with a manual SGD
# loop on scikit-learn's handwritten digits (shipped with the package: no download),
# then its last block: the same MLP trained with mx.model.FeedForward, logging accuracy
# and samples/s per epoch, checkpointed, reloaded, and shown predicting held-out digits.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
$PY -m pip install -q --disable-pip-version-check scikit-learn scipy . 2>&1 | grep -v "Running pip as the 'root'" || true
cd examples  # run against the installed package
$PY tutorial_imperative.py
$PY tutorial_symbolic.py --min-accuracy 0.95
$PY train_feedforward.py --min-accuracy 0.95
