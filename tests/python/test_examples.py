"""The acceptance programs in examples/ run unchanged and do what they promise."""
import os
import subprocess
import sys

import pytest

EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "examples")


def run(script, *args):
    r = subprocess.run([sys.executable, os.path.join(EXAMPLES, script), *args], capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def test_tutorial_imperative():
    out = run("tutorial_imperative.py")
    assert "[2. 2. 2. 2. 2. 2. 2. 2. 2. 2.]" in out  # d = b + 1
    assert "<NDArray 10 @cpu(0)>" in out


def test_tutorial_symbolic_prints_mxnet_names_and_learns():
    import sklearn  # noqa: F401  -- ships the digits data set; tests/run_all.sh installs it
    out = run("tutorial_symbolic.py", "--min-accuracy", "0.95").splitlines()
    assert out[0] == "['A', 'B']"
    assert out[1] == "['_plusscalar0_output']"
    assert out[2:5] == ["[(10,), (10,)]", "[(10,)]", "[]"]
    assert any(l.startswith("Accuracy thus far") for l in out)


def test_lenet_beats_mlp_after_same_epochs():
    import sklearn  # noqa: F401  -- ships the digits data set; tests/run_all.sh installs it
    out = run("lenet_digits.py", "--epochs", "10", "--check")
    assert "LeNet after 10 epochs" in out


def test_module_on_two_devices_learns():
    import sklearn  # noqa: F401  -- ships the digits data set; tests/run_all.sh installs it
    out = run("train_module_dist.py", "--num-devices", "2", "--epochs", "10", "--min-accuracy", "0.9")
    assert "kvstore local, 1 worker(s) x 2 device(s): held-out accuracy" in out
