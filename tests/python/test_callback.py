"""mx.callback: Speedometer, do_checkpoint, log_train_metric, ProgressBar, module_checkpoint."""
import io
import logging
import os
import re
import time

import numpy as np

import mxlite as mx


class _Metric:
    """A stand-in metric with fixed values, counting resets."""

    def __init__(self):
        self.resets = 0

    def get_name_value(self):
        return [("accuracy", 0.75), ("ce", 0.5)]

    def reset(self):
        self.resets += 1

    reset_local = reset


def _param(epoch, nbatch, metric):
    return mx.model.BatchEndParam(epoch=epoch, nbatch=nbatch, eval_metric=metric, locals={})


def test_speedometer_format(caplog):
    metric = _Metric()
    speed = mx.callback.Speedometer(batch_size=32, frequent=2)
    with caplog.at_level(logging.INFO):
        for n in range(5):
            speed(_param(0, n, metric))
            time.sleep(0.01)
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2
    assert re.fullmatch(r"Epoch\[0\] Batch \[0-2\]\tSpeed: [0-9.]+ samples/sec\taccuracy=0\.750000\tce=0\.500000",
                        lines[0]), lines[0]
    assert lines[1].startswith("Epoch[0] Batch [2-4]")
    rate = float(re.search(r"Speed: ([0-9.]+)", lines[0]).group(1))
    assert 0 < rate < 2 * 32 / 0.02 * 1.5  # two batches of 32 took >= 20 ms
    assert metric.resets == 2  # auto_reset


def test_speedometer_no_reset_and_no_metric(caplog):
    metric = _Metric()
    speed = mx.callback.Speedometer(batch_size=8, frequent=1, auto_reset=False)
    with caplog.at_level(logging.INFO):
        speed(_param(1, 0, metric))
        speed(_param(1, 1, metric))
        speed(_param(1, 2, None))
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0].startswith("Epoch[1] Batch [0-1]\tSpeed:") and metric.resets == 0
    assert lines[1].startswith("Iter[1] Batch [2]\tSpeed:")


def test_log_train_metric_and_progress_bar(caplog):
    metric = _Metric()
    with caplog.at_level(logging.INFO):
        cb = mx.callback.log_train_metric(period=2, auto_reset=True)
        for n in range(3):
            cb(_param(4, n, metric))
        mx.callback.ProgressBar(total=4, length=8)(_param(0, 2, metric))
    lines = [r.getMessage() for r in caplog.records]
    assert lines[:2] == ["Iter[4] Batch[0] Train-accuracy=0.750000", "Iter[4] Batch[0] Train-ce=0.500000"]
    assert lines[2] == "Iter[4] Batch[2] Train-accuracy=0.750000" and metric.resets == 2
    assert lines[-1] == "[====----] 50%\r"


def _tiny_symbol():
    fc = mx.sym.FullyConnected(mx.sym.Variable("data"), num_hidden=2, name="fc")
    return mx.sym.SoftmaxOutput(fc, name="softmax")


def test_do_checkpoint_period(tmp_path):
    prefix = str(tmp_path / "ck")
    cb = mx.callback.do_checkpoint(prefix, period=2)
    args = {"fc_weight": mx.nd.ones((2, 3)), "fc_bias": mx.nd.zeros((2,))}
    for epoch in range(4):
        cb(epoch, _tiny_symbol(), args, {})
    assert sorted(os.listdir(tmp_path)) == ["ck-0002.params", "ck-0004.params", "ck-symbol.json"]
    _, arg, _ = mx.model.load_checkpoint(prefix, 4)
    np.testing.assert_array_equal(arg["fc_weight"].asnumpy(), np.ones((2, 3)))


def test_module_checkpoint(tmp_path):
    mod = mx.mod.Module(_tiny_symbol())
    mod.bind(data_shapes=[("data", (4, 3))], label_shapes=[("softmax_label", (4,))])
    mod.init_params(mx.init.Xavier())
    cb = mx.callback.module_checkpoint(mod, str(tmp_path / "m"))
    cb(0)
    assert sorted(os.listdir(tmp_path)) == ["m-0001.params", "m-symbol.json"]


def test_terminal_progress_only_on_a_tty():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    plain = io.StringIO()
    bar = mx.callback.TerminalProgress(stream=plain)
    bar.start_epoch(0)
    bar.update(1, 32)
    assert plain.getvalue() == ""
    tty = Tty()
    bar = mx.callback.TerminalProgress(total=4, stream=tty)
    bar.start_epoch(3)
    bar.update(2, 64)
    bar.end_epoch(4)
    text = tty.getvalue()
    assert "\rEpoch[3] [" in text and "2/4" in text and "samples/sec" in text and text.endswith("\r\033[K")


def test_fit_draws_progress_on_a_tty(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    tty = Tty()
    monkeypatch.setattr("sys.stderr", tty)
    x = np.random.RandomState(0).normal(size=(16, 3)).astype(np.float32)
    mod = mx.mod.Module(_tiny_symbol())
    mod.fit(mx.io.NDArrayIter(x, np.zeros(16), 4), num_epoch=2)
    text = tty.getvalue()
    assert "Epoch[0] [" in text and "Epoch[1] [" in text and "4/4" in text
    monkeypatch.setenv("MXLITE_PROGRESS", "0")
    tty.truncate(0)
    tty.seek(0)
    mod.fit(mx.io.NDArrayIter(x, np.zeros(16), 4), num_epoch=1, force_init=True)
    assert tty.getvalue() == ""
