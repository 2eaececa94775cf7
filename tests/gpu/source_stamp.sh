# Sourced by pack_prebuilt.sh and run_device_checks.sh: source_stamp prints one hash of
# every file the libraries are built from, so a prebuilt plugin made from other sources
# (an older tree: another plugin ABI, other kernels) is never used by mistake.
source_stamp() {
  (cd "$(dirname "${BASH_SOURCE[0]}")/../.." &&
    find core capi cmake CMakeLists.txt -type f \( -name '*.cc' -o -name '*.cu' -o -name '*.h' -o -name '*.cuh' \
      -o -name '*.cmake' -o -name CMakeLists.txt -o -path 'core/cuda/rtc/*' \) -print0 | LC_ALL=C sort -z |
    xargs -0 sha256sum | sha256sum | cut -c1-16)
}
