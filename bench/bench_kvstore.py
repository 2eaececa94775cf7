"""dist_sync data-parallel training throughput: the MLP of tests/mpi/train_mlp.py
(784-128-4, SGD with momentum in the store) trained by 2 MPI workers (dist_sync,
mpirun on loopback) against 1 process (local store), with the same batch per worker
(weak scaling), in samples/s, measured in one run:

    python bench/bench_kvstore.py [--steps N] [--batch B]

Prints both figures and their ratio (2 workers / 1 process; 2.0 would be perfect
scaling). Each figure is the best of --repeat runs, alternating the two set-ups,
so a busy machine disturbs both alike. Each worker gets one kernel thread (OMP_NUM_THREADS=1) in both runs, so the
ratio measures the data parallelism and the allreduce cost, not thread contention.
Needs mpirun and libmxlite_mpi.so (see tests/mpi/run.sh).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAIN = os.path.join(ROOT, "tests", "mpi", "train_mlp.py")


def run(workers, steps, batch):
    env = dict(os.environ, OMP_NUM_THREADS="1", MXLITE_CPU_WORKER_NTHREADS="2",
               OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    env.setdefault("PYTHONPATH", os.path.join(ROOT, "python"))
    args = [TRAIN, "--steps", "5", "--bench", str(steps), "--batch", str(batch * workers),
            "--features", "784", "--hidden", "128"]
    if workers == 1:
        cmd = [sys.executable] + args + ["--kv-store", "local"]
    else:
        cmd = [shutil.which("mpirun"), "--oversubscribe", "--bind-to", "none", "-np", str(workers),
               "--mca", "btl", "self,tcp", "--mca", "btl_tcp_if_include", "lo", "--mca", "oob_tcp_if_include", "lo"]
        if os.geteuid() == 0:
            cmd.append("--allow-run-as-root")
        for k in ("MXLITE_LIBRARY", "PYTHONPATH", "MXLITE_BLAS_LIBRARY", "OMP_NUM_THREADS",
                  "MXLITE_CPU_WORKER_NTHREADS"):
            if k in env:
                cmd += ["-x", k]
        cmd += [sys.executable] + args + ["--kv-store", "dist_sync"]
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    m = re.search(r"samples/s ([0-9.]+)", p.stdout)
    if p.returncode != 0 or not m:
        sys.exit("bench_kvstore: %d worker(s) failed:\n%s%s" % (workers, p.stdout, p.stderr))
    return float(m.group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=200, help="timed steps")
    ap.add_argument("--batch", type=int, default=128, help="samples per worker per step")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each set-up; the best counts")
    a = ap.parse_args()
    if not shutil.which("mpirun"):
        sys.exit("bench_kvstore: mpirun not found (apt-get install openmpi-bin libopenmpi-dev)")
    one = two = 0.0
    for _ in range(a.repeat):
        one = max(one, run(1, a.steps, a.batch))
        two = max(two, run(2, a.steps, a.batch))
    print("MLP 784-128-4, batch %d per worker, %d steps, best of %d, %d CPU cores (load average %.1f)"
          % (a.batch, a.steps, a.repeat, os.cpu_count(), os.getloadavg()[0]))
    print("  1 process  (local)     : %10.1f samples/s" % one)
    print("  2 processes (dist_sync): %10.1f samples/s" % two)
    print("  ratio 2 / 1            : %10.2f" % (two / one))


if __name__ == "__main__":
    main()
