"""Crash-safe saves (issue 5, point 5).

A child process saves in a loop, version after version: an NDArray dict with mx.nd.save
and a checkpoint with mx.model.save_checkpoint (symbol JSON + .params). The parent kills
it with SIGKILL at a random moment (seeded), 50 times, and after every kill checks:

- the saved files load, whole: the version they hold is the last one the child reported
  complete or the one it was writing (renamed into place just before the kill), and
  every element of the payload carries that same version (no mix, no truncation);
- a leftover temporary file (saves write `<name>.tmp<pid>` and rename it) is never the
  saved file, and loading it either fails with a clean MXL_ERR_IO (a partial file is
  never accepted as whole) or, when the kill came after it was complete, gives a whole
  version.
"""
import glob
import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np

import mxlite as mx

SEED = 5150
KILLS = 50
PAYLOAD = 300_000  # float32 elements per array: ~1.2 MB, so a kill often lands mid-write

CHILD = textwrap.dedent("""
    import sys
    import numpy as np
    import mxlite as mx
    folder, version, payload = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    data = mx.sym.Variable("data")
    net = mx.sym.FullyConnected(data, num_hidden=3, name="fc")
    print("ready", flush=True)
    while True:
        version += 1
        full = mx.nd.full((payload,), version)
        mx.nd.save(folder + "/arrays.params", {"version": mx.nd.array([version], dtype="int64"), "payload": full})
        mx.model.save_checkpoint(folder + "/ckpt", 0, net, {"fc_weight": full, "version": mx.nd.array([version])},
                                 {"aux_version": mx.nd.array([version])})
        print("saved", version, flush=True)
""")


def _check_arrays_file(path, low, high):
    loaded = mx.nd.load(path)
    assert sorted(loaded) == ["payload", "version"], sorted(loaded)
    v = int(loaded["version"].asnumpy()[0])
    assert low <= v <= high, "arrays file holds version %d, expected %d..%d" % (v, low, high)
    payload = loaded["payload"].asnumpy()
    assert payload.shape == (PAYLOAD,) and (payload == v).all(), "payload of version %d is not whole" % v
    return v


def _check_checkpoint(prefix, low, high):
    sym, args, aux = mx.model.load_checkpoint(prefix, 0)
    assert sym.list_arguments() == ["data", "fc_weight", "fc_bias"]
    v = int(args["version"].asnumpy()[0])
    assert low <= v <= high, "checkpoint holds version %d, expected %d..%d" % (v, low, high)
    assert (args["fc_weight"].asnumpy() == v).all() and args["fc_weight"].shape == (PAYLOAD,)
    assert int(aux["aux_version"].asnumpy()[0]) == v
    return v


def _check_leftover_temps(folder, final_names):
    """Temp files are never the saved files; a partial one never loads as whole.
    Returns (temp files seen, of them partial)."""
    seen = partial = 0
    for tmp in glob.glob(os.path.join(folder, "*.tmp*")):
        seen += 1
        assert os.path.basename(tmp) not in final_names
        for final in final_names:
            f = os.path.join(folder, final)
            assert not (os.path.exists(f) and os.path.samefile(f, tmp))
        if tmp.endswith(".json") or ".json.tmp" in tmp:
            continue  # symbol JSON temp: text, checked by the JSON loader elsewhere
        try:
            loaded = mx.nd.load(tmp)
        except mx.MXNetError as e:
            assert e.kind == "MXL_ERR_IO", "partial temp file %s: %s %s" % (tmp, e.kind, e)
            partial += 1
        else:  # complete before the kill: then it must be a whole version
            values = [a.asnumpy().ravel() for a in loaded.values()]
            first = values[0][0]
            assert all((v == first).all() for v in values), "temp file %s mixes versions" % tmp
        os.remove(tmp)
    return seen, partial


def test_kill_during_saves_never_leaves_a_partial_file(tmp_path):
    rng = random.Random(SEED)
    folder = str(tmp_path)
    arrays_path = os.path.join(folder, "arrays.params")
    prefix = os.path.join(folder, "ckpt")
    final_names = {"arrays.params", "ckpt-0000.params", "ckpt-symbol.json"}
    env = dict(os.environ)
    version = 0          # last version the child reported complete (0: nothing saved yet)
    mid_write = 0        # kills that left a temp file behind: the kill landed in a write
    partial_temps = 0    # temp files cut short by the kill (each refused by the loader)
    for kill in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, folder, str(version), str(PAYLOAD)],
                                 stdout=subprocess.PIPE, text=True, env=env)
        assert child.stdout.readline().strip() == "ready"
        start = version
        # Make sure the very first kill has a complete file to protect.
        time.sleep(rng.uniform(0.0, 0.25) + (0.3 if kill == 0 else 0.0))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL
        # Complete lines only: unbuffered (PYTHONUNBUFFERED=1), print writes "saved", " " and
        # the number separately, and the kill may land between them.
        reported = [int(line.split()[1]) for line in out.split("\n")[:-1] if line.startswith("saved ")]
        confirmed = reported[-1] if reported else start
        if confirmed == 0:
            assert not os.path.exists(arrays_path) or _check_arrays_file(arrays_path, 1, 1)
            continue
        # The files hold the last confirmed version or the one being written when killed.
        v_arrays = _check_arrays_file(arrays_path, confirmed, confirmed + 1)
        v_ckpt = _check_checkpoint(prefix, confirmed, confirmed + 1)
        assert v_ckpt <= v_arrays  # written after the arrays file in each round
        seen, partial = _check_leftover_temps(folder, final_names)
        mid_write += seen > 0
        partial_temps += partial
        # The next child goes on from the older of the two (it may rewrite the arrays
        # file's version, which keeps both files within one version of `version`).
        version = min(v_arrays, v_ckpt)
    assert version > KILLS // 2, "the child saved too little to test anything (%d versions)" % version
    print("crash-safe: %d kills, %d versions saved, %d kills during a write, %d partial temp files refused"
          % (KILLS, version, mid_write, partial_temps))
    assert mid_write > 0, "no kill landed during a write; the test would prove nothing"
