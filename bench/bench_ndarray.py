"""NDArray benchmarks: ratios against NumPy (and PyTorch CPU when installed), same run.

    python bench/bench_ndarray.py [--quick]

A ratio > 1 means mxlite is faster. Targets (issue #2): dispatch overhead <= PyTorch's,
1e7-element add >= 1.0x NumPy, sgemm 1024^3 >= 0.9x NumPy.
"""
import argparse
import time

import numpy as np

import mxlite as mx

try:
    import torch
except ImportError:  # optional
    torch = None


def best_of(fn, repeat):
    """Best wall time of `repeat` runs of fn() (each run does its own sync)."""
    fn()  # warm-up: pools, caches, lazy init
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def report(name, unit_div, unit, times):
    base = times["mxlite"]
    parts = [f"{name:<28} mxlite {base / unit_div:9.3f} {unit}"]
    for other in ("numpy", "torch"):
        if other in times:
            parts.append(f"{other} {times[other] / unit_div:9.3f} {unit} (x{times[other] / base:5.2f})")
    print("  ".join(parts))


def bench_dispatch(n, repeat):
    a, b = mx.nd.ones((4,)), mx.nd.ones((4,))

    def run_mx():
        c = a
        for _ in range(n):
            c = a + b
        c.wait_to_read()

    an, bn = np.ones(4, np.float32), np.ones(4, np.float32)

    def run_np():
        for _ in range(n):
            an + bn

    times = {"mxlite": best_of(run_mx, repeat), "numpy": best_of(run_np, repeat)}
    if torch is not None:
        at, bt = torch.ones(4), torch.ones(4)

        def run_torch():
            for _ in range(n):
                at + bt

        times["torch"] = best_of(run_torch, repeat)
    report(f"dispatch ({n} small adds)", n * 1e-6, "us/op", times)


def bench_add(size, repeat):
    xn, yn = np.random.rand(size).astype(np.float32), np.random.rand(size).astype(np.float32)
    x, y = mx.nd.array(xn), mx.nd.array(yn)
    times = {"mxlite": best_of(lambda: (x + y).wait_to_read(), repeat),
             "numpy": best_of(lambda: xn + yn, repeat)}
    if torch is not None:
        xt, yt = torch.from_numpy(xn), torch.from_numpy(yn)
        times["torch"] = best_of(lambda: xt + yt, repeat)
    report(f"add {size:.0e} float32", 1e-3, "ms", times)

    def chain_mx():
        (((x + y) * 2.0 - y) / 3.0).wait_to_read()

    times = {"mxlite": best_of(chain_mx, repeat),
             "numpy": best_of(lambda: ((xn + yn) * 2.0 - yn) / 3.0, repeat)}
    if torch is not None:
        times["torch"] = best_of(lambda: ((xt + yt) * 2.0 - yt) / 3.0, repeat)
    report("4-op elementwise chain", 1e-3, "ms", times)


def bench_sgemm(n, repeat):
    an, bn = np.random.rand(n, n).astype(np.float32), np.random.rand(n, n).astype(np.float32)
    a, b = mx.nd.array(an), mx.nd.array(bn)
    times = {"mxlite": best_of(lambda: mx.nd.dot(a, b).wait_to_read(), repeat),
             "numpy": best_of(lambda: an @ bn, repeat)}
    if torch is not None:
        at, bt = torch.from_numpy(an), torch.from_numpy(bn)
        times["torch"] = best_of(lambda: at @ bt, repeat)
    report(f"sgemm {n}^3", 1e-3, "ms", times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true", help="fewer repeats (smoke test)")
    args = p.parse_args()
    r = 2 if args.quick else 7
    print(f"mxlite blas: {mx.base.blas_name()}; engine: {mx.base.engine_info()}; "
          f"torch: {torch.__version__ if torch else 'not installed'}")
    bench_dispatch(10000, r)
    bench_add(10_000_000, r)
    bench_sgemm(1024, r)


if __name__ == "__main__":
    main()
