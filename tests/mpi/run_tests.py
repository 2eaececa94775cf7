"""The multi-process KVStore tests: each case starts workers with mpirun on this
machine (loopback only) and checks what they print, write and how they end.

  dist_sync_equivalence  2 workers (dist_sync, half the global batch each) train to the
                         same weights as 1 process with the whole batch (float tolerance),
                         and the 2 workers' weights are bit-identical
  dist_semantics         async_check.py: dist_sync sums / init broadcast, and dist_async's
                         documented semantics (local pushes, barrier averages)
  fault_dead_worker      worker 1 SIGKILLs itself mid-training: the job ends, nonzero,
                         well within MXLITE_KV_TIMEOUT + margin, saying which rank died
  fault_stopped_worker   worker 1 SIGSTOPs itself (alive but silent): rank 0 raises the
                         kvstore timeout error naming the key and rank, and the job ends
  outside_mpirun         dist_sync without mpirun: a clear error at create
  nccl_*                 the same on emulated GPUs (tests/gpu/emu, one per worker) with
                         the gradients summed by NCCL (the emulator's stand-in): equal
                         to 1 process on the CPU, NCCL collectives counted; a worker
                         that dies mid-training makes the other fail in time. Skipped
                         (and counted as skipped) when the build has no emulator.

Usage: python tests/mpi/run_tests.py   (MXLITE_LIBRARY pointing at a build that has
libmxlite_mpi.so next to it). Prints `mpi: N passed, N failed`.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PY = sys.executable
TIMEOUT = 5  # MXLITE_KV_TIMEOUT for the fault cases, seconds
MARGIN = 20  # job start-up and tear-down allowance on a busy 2-core machine


def mpirun(np_, args, env_extra=None, limit=120, mpirun_args=()):
    env = dict(os.environ)
    env.update({"OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1",
                "OMP_NUM_THREADS": "1", "MXLITE_CPU_WORKER_NTHREADS": "2"})
    env.update(env_extra or {})
    cmd = [shutil.which("mpirun"), "--oversubscribe", "--bind-to", "none", "-np", str(np_),
           "--mca", "btl", "self,tcp", "--mca", "btl_tcp_if_include", "lo",
           "--mca", "oob_tcp_if_include", "lo"] + list(mpirun_args)
    if os.geteuid() == 0:
        cmd.append("--allow-run-as-root")
    for k in ("MXLITE_LIBRARY", "PYTHONPATH", "MXLITE_BLAS_LIBRARY", "OMP_NUM_THREADS",
              "MXLITE_CPU_WORKER_NTHREADS", "MXLITE_KV_TIMEOUT", "MXLITE_MPI_PLUGIN", "MXLITE_CUDA_PLUGIN",
              "MXLITE_NCCL_LIBRARY", "MXC_EMU_GPUS", "MXC_EMU_ASYNC", "MXC_EMU_NCCL_TIMEOUT"):
        if k in env:
            cmd += ["-x", k]
    cmd += [PY, "-u"] + args
    t = time.perf_counter()
    try:
        p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=limit)
        rc, out = p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired as e:
        rc, out = "timeout", (e.stdout or b"").decode() + (e.stderr or b"").decode()
    return rc, out, time.perf_counter() - t


def _train_two_workers_and_one_process(tmp, tag, worker_args=(), env=None):
    """1 process on the whole batch (CPU, local store) and 2 dist_sync workers on half of
    it each: checks that the workers end identical and equal to the one process within
    float tolerance. Returns the workers' output and the largest difference."""
    train = os.path.join(HERE, "train_mlp.py")
    one = os.path.join(tmp, tag + "_one")
    p = subprocess.run([PY, train, "--kv-store", "local", "--out", one], capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
    two = os.path.join(tmp, tag + "_two")
    rc, out, _ = mpirun(2, [train, "--kv-store", "dist_sync", "--out", two] + list(worker_args), env)
    assert rc == 0, out
    a = np.load(one + ".rank0.npz")
    b0, b1 = np.load(two + ".rank0.npz"), np.load(two + ".rank1.npz")
    for k in a.files:
        assert np.array_equal(b0[k], b1[k]), "%s differs between the two workers" % k
        np.testing.assert_allclose(b0[k], a[k], rtol=1e-4, atol=1e-5,
                                   err_msg="%s: 2-worker dist_sync %s vs 1 process" % (k, " ".join(worker_args)))
        assert not np.allclose(a[k], 0)
    return out, max(np.abs(b0[k] - a[k]).max() for k in a.files)


def case_dist_sync_equivalence(tmp):
    _, diff = _train_two_workers_and_one_process(tmp, "cpu")
    return "4 parameters, max |2 workers - 1 process| = %.2g" % diff


def case_dist_semantics(tmp):
    rc, out, _ = mpirun(2, [os.path.join(HERE, "async_check.py")])
    assert rc == 0, out
    assert out.count("all ok") == 2, out
    return "%d checks on 2 workers" % out.count("ok ")


def _fault(mode, mpirun_args=()):
    rc, out, took = mpirun(2, [os.path.join(HERE, "train_mlp.py"), "--kv-store", "dist_sync", "--steps", "200",
                               "--%s-at" % mode, "5"], {"MXLITE_KV_TIMEOUT": str(TIMEOUT)},
                           limit=TIMEOUT + MARGIN + 30, mpirun_args=mpirun_args)
    assert rc != "timeout", "the job hung: still running after %d s\n%s" % (TIMEOUT + MARGIN + 30, out)
    assert rc != 0, "the job succeeded although worker 1 %s\n%s" % (mode, out)
    assert took < TIMEOUT + MARGIN, "the job took %.1f s to fail (limit %d s)\n%s" % (took, TIMEOUT + MARGIN, out)
    assert "worker 0 of 2 done" not in out, out
    return rc, out, took


def case_fault_dead_worker(tmp):
    rc, out, took = _fault("die")
    # mpirun notices the death and ends the job; if rank 0 got to a collective first,
    # it reports the failure itself. Either way the message names what happened.
    assert ("exited on signal 9" in out or "kvstore: allreduce" in out), out
    return "job ended in %.1f s, rc %s" % (took, rc)


def case_fault_stopped_worker(tmp):
    rc, out, took = _fault("hang")
    want = ("failed on rank 0 of 2: allreduce did not complete within %d s (MXLITE_KV_TIMEOUT)" % TIMEOUT)
    assert want in out, out
    assert "kvstore: allreduce of key '" in out, out
    return "rank 0 raised the timeout error; job ended in %.1f s" % took


def case_fault_survivor_error(tmp):
    rc, out, took = _fault("exit", ["--mca", "orte_abort_on_non_zero_status", "0"])
    want = ("failed on rank 0 of 2: allreduce did not complete within %d s (MXLITE_KV_TIMEOUT)" % TIMEOUT)
    assert want in out, out
    return "rank 0 raised the timeout error; job ended in %.1f s" % took


class Skip(Exception):
    pass


def _emulated_gpu_env():
    emu = os.path.join(os.path.dirname(os.environ.get("MXLITE_LIBRARY", "")), "libmxlite_cuda_emu.so")
    if not os.path.isfile(emu):
        raise Skip("no %s (a build with tests has it)" % emu)
    return {"MXLITE_CUDA_PLUGIN": emu, "MXLITE_NCCL_LIBRARY": emu, "MXC_EMU_GPUS": "1", "MXC_EMU_ASYNC": "1"}


def case_nccl_dist_sync_equivalence(tmp):
    out, diff = _train_two_workers_and_one_process(tmp, "nccl", ["--ctx", "gpu"], _emulated_gpu_env())
    calls = [int(line.split()[-1]) for line in out.splitlines() if "NCCL collectives" in line]
    assert len(calls) == 2 and min(calls) >= 30 * 4, "expected one NCCL allreduce per key and step\n" + out
    return "%d NCCL collectives per worker, max |2 workers - 1 process| = %.2g" % (calls[0], diff)


def _nccl_fault(mode):
    env = _emulated_gpu_env()
    env.update({"MXLITE_KV_TIMEOUT": str(TIMEOUT), "MXC_EMU_NCCL_TIMEOUT": str(TIMEOUT)})
    rc, out, took = mpirun(2, [os.path.join(HERE, "train_mlp.py"), "--kv-store", "dist_sync", "--ctx", "gpu",
                               "--steps", "200", "--%s-at" % mode, "5"], env, limit=TIMEOUT + MARGIN + 30,
                           mpirun_args=["--mca", "orte_abort_on_non_zero_status", "0"])
    assert rc != "timeout", "the job hung: still running after %d s\n%s" % (TIMEOUT + MARGIN + 30, out)
    assert rc != 0, "the job succeeded although worker 1 %s\n%s" % (mode, out)
    assert took < TIMEOUT + MARGIN, "the job took %.1f s to fail (limit %d s)\n%s" % (took, TIMEOUT + MARGIN, out)
    assert "kvstore: NCCL allreduce of key '" in out and "failed on rank 0 of 2" in out, out
    return "rank 0 raised the NCCL error; job ended in %.1f s" % took


def case_nccl_fault_dead_worker(tmp):
    return _nccl_fault("exit")


def case_nccl_fault_stopped_worker(tmp):
    return _nccl_fault("hang")


def case_outside_mpirun(tmp):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMPI_", "PMI", "PMIX"))}
    p = subprocess.run([PY, "-c", "import mxlite as mx; mx.kv.create('dist_sync')"], env=env,
                       capture_output=True, text=True, timeout=60)
    assert p.returncode != 0 and "not started by mpirun" in p.stderr, p.stderr
    return "clear error"


def main():
    cases = [(n[5:], f) for n, f in globals().items() if n.startswith("case_")]
    passed = failed = skipped = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, fn in cases:
            t = time.perf_counter()
            try:
                note = fn(tmp)
                passed += 1
                print("PASS %-22s %5.1f s  %s" % (name, time.perf_counter() - t, note), flush=True)
            except Skip as e:
                skipped += 1
                print("SKIP %-22s %s" % (name, e), flush=True)
            except Exception as e:  # report every case, then the totals
                failed += 1
                print("FAIL %-22s %5.1f s\n%s" % (name, time.perf_counter() - t, e), flush=True)
    print("mpi: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
