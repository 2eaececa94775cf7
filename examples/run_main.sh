#!/usr/bin/env bash
# The project's main job: install mxlite, then run the tutorial end to end -- its
# imperative part, then its symbolic part, which trains the MLP with a manual SGD
# loop on scikit-learn's handwritten digits (shipped with the package: no download),
# then its last block: the same MLP trained with mx.model.FeedForward, logging accuracy
# and samples/s per epoch, checkpointed, reloaded, and shown predicting held-out digits.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
# The CUDA plugin is built when nvcc exists; on a machine without a GPU driver it could
# never load, so this job skips it (minutes of nvcc on a small machine). MXLITE_CUDA=ON forces it.
CUDA=${MXLITE_CUDA:-$(nvidia-smi >/dev/null 2>&1 && echo ON || echo OFF)}
out=$($PY -m pip install -q --disable-pip-version-check scikit-learn scipy \
      --config-settings=cmake.define.MXLITE_CUDA=$CUDA . 2>&1) || { echo "$out"; echo "pip install . failed"; exit 1; }
echo "$out" | grep -v "Running pip as the 'root'" || true
cd examples  # run against the installed package
$PY tutorial_imperative.py
$PY tutorial_symbolic.py --min-accuracy 0.95
$PY train_feedforward.py --min-accuracy 0.95
