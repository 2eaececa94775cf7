#!/usr/bin/env bash
# Packs a build's libmxlite.so and (stripped) libmxlite_cuda.so into
# build/gpu_prebuilt.tar.xz (a few MiB) for run_device_checks.sh on a GPU machine
# without nvcc. The plugin's CUDA runtime needs a driver at least as new as it.
#   tests/gpu/pack_prebuilt.sh build/<dir>
set -eu
cd "$(dirname "$0")/../.."
SRC=${1:?usage: pack_prebuilt.sh <build dir>}
STAGE=build/gpu_prebuilt
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp "$SRC/libmxlite.so" "$STAGE/"
strip -o "$STAGE/libmxlite_cuda.so" "$SRC/libmxlite_cuda.so"
. tests/gpu/source_stamp.sh
source_stamp > "$STAGE/SOURCE_STAMP"  # run_device_checks.sh uses the tarball only for these sources
tar -C build -cJf build/gpu_prebuilt.tar.xz gpu_prebuilt
ls -la build/gpu_prebuilt.tar.xz
