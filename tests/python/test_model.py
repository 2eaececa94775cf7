"""mx.model.FeedForward: the tutorial's estimator (fit / predict / score / save / load /
create) on numpy arrays and iterators, and its errors."""
import logging
import os
import subprocess
import sys

import numpy as np
import pytest

import mxlite as mx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _mlp(classes=3):
    data = mx.sym.Variable("data")
    label = mx.sym.Variable("softmax_label")
    l1 = mx.sym.FullyConnected(data=data, num_hidden=32, name="layer1")
    a1 = mx.sym.Activation(data=l1, act_type="relu", name="act1")
    l2 = mx.sym.FullyConnected(data=a1, num_hidden=classes, name="layer2")
    return mx.sym.SoftmaxOutput(data=l2, label=label)


def _blobs(n=300, dim=10, classes=3, seed=0):
    rs = np.random.RandomState(seed)
    centers = rs.normal(0, 3, (classes, dim))
    y = rs.randint(0, classes, n)
    return (centers[y] + rs.normal(0, 1, (n, dim))).astype(np.float32), y.astype(np.float32)


def _fitted(num_epoch=8, **kw):
    np.random.seed(0)
    mx.random.seed(0)
    x, y = _blobs()
    model = mx.model.FeedForward(_mlp(), ctx=mx.cpu(), num_epoch=num_epoch, learning_rate=0.1,
                                 numpy_batch_size=32, **kw)
    model.fit(X=x[:240], y=y[:240], eval_data=(x[240:], y[240:]), eval_metric="acc")
    return model, x, y


def test_fit_on_arrays_logs_and_learns(caplog):
    with caplog.at_level(logging.INFO):
        model, x, y = _fitted()
    text = caplog.text
    for line in ("Epoch[0] Train-accuracy=", "Epoch[7] Time cost=", "Epoch[7] Validation-accuracy=",
                 "Epoch[7] Speed:", "samples/sec"):
        assert line in text, line
    assert "Epoch[8]" not in text
    probs = model.predict(x[240:])
    assert isinstance(probs, np.ndarray) and probs.shape == (60, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1, rtol=1e-5)
    assert (probs.argmax(1) == y[240:]).mean() > 0.95
    assert model.score((x[240:], y[240:])) > 0.95
    assert model.score(mx.io.NDArrayIter(x[240:], y[240:], 25)) > 0.95
    assert sorted(model.arg_params) == ["layer1_bias", "layer1_weight", "layer2_bias", "layer2_weight"]


def test_predict_handles_partial_batches_and_return_data():
    model, x, y = _fitted(num_epoch=2)
    probs, data, label = model.predict(mx.io.NDArrayIter(x[:70], y[:70], 32), return_data=True)
    assert probs.shape == (70, 3) and data.shape == (70, 10) and label.shape == (70,)
    np.testing.assert_array_equal(data, x[:70])
    np.testing.assert_allclose(probs, model.predict(x[:70]), rtol=1e-6)
    assert model.predict(x[:5], num_batch=1).shape == (5, 3)


def test_fit_on_iterators_and_optimizer_kwargs():
    np.random.seed(1)
    x, y = _blobs(seed=1)
    train = mx.io.NDArrayIter(x[:240], y[:240], 20, shuffle=True)
    val = mx.io.NDArrayIter(x[240:], y[240:], 20)
    model = mx.model.FeedForward(_mlp(), num_epoch=5, optimizer="sgd", learning_rate=0.05, momentum=0.9,
                                 wd=1e-4, initializer=mx.init.Xavier())
    batches = []
    model.fit(X=train, eval_data=val, batch_end_callback=lambda p: batches.append(p.nbatch))
    assert batches[:12] == list(range(12))
    assert model.score(val) > 0.95


def test_epoch_size_and_callbacks(tmp_path):
    x, y = _blobs(96)
    epochs = []
    model = mx.model.FeedForward(_mlp(), num_epoch=2, epoch_size=2, numpy_batch_size=16, learning_rate=0.1)
    nb = []
    model.fit(x, y, batch_end_callback=lambda p: nb.append(p.nbatch),
              epoch_end_callback=[lambda e, s, a, x_: epochs.append(e),
                                  mx.callback.do_checkpoint(str(tmp_path / "cb"))])
    assert nb == [0, 1, 0, 1] and epochs == [0, 1]
    assert sorted(os.listdir(tmp_path)) == ["cb-0001.params", "cb-0002.params", "cb-symbol.json"]


def test_save_load_continue(tmp_path):
    model, x, y = _fitted(num_epoch=3)
    prefix = str(tmp_path / "ff")
    model.save(prefix)
    assert os.path.exists(prefix + "-0003.params") and os.path.exists(prefix + "-symbol.json")
    loaded = mx.model.FeedForward.load(prefix, 3, ctx=mx.cpu(), num_epoch=5, learning_rate=0.1)
    assert loaded.begin_epoch == 3
    np.testing.assert_array_equal(loaded.predict(x), model.predict(x))
    seen = []
    loaded.fit(x[:240], y[:240], epoch_end_callback=lambda e, *a: seen.append(e))
    assert seen == [3, 4]  # continues from begin_epoch
    model.save(prefix, epoch=9)
    assert os.path.exists(prefix + "-0009.params")


def test_create():
    x, y = _blobs(120)
    np.random.seed(0)
    model = mx.model.FeedForward.create(_mlp(), X=x, y=y, num_epoch=4, learning_rate=0.1, numpy_batch_size=20)
    assert isinstance(model, mx.model.FeedForward) and model.score((x, y)) > 0.9


def test_column_labels_and_ctx_list():
    x, y = _blobs(64)
    model = mx.model.FeedForward(_mlp(), ctx=[mx.cpu()], num_epoch=1, numpy_batch_size=16)
    model.fit(x, y.reshape(-1, 1))  # an (n, 1) column of labels is accepted
    assert model.predict(x).shape == (64, 3)


def test_errors():
    x, y = _blobs(64)
    model = mx.model.FeedForward(_mlp(), num_epoch=1, numpy_batch_size=16)
    with pytest.raises(ValueError, match="X \\(the data\\) is required"):
        model.fit(X=None, y=y)
    with pytest.raises(ValueError, match="y \\(the labels\\) must be given"):
        model.fit(x)
    with pytest.raises(ValueError, match="64 samples but y has 60 labels"):
        model.fit(x, y[:60])
    one_hot = np.eye(3, dtype=np.float32)[y.astype(int)]
    with pytest.raises(mx.MXNetError, match="label shape mismatch.*\\(16, 3\\).*\\(16,\\)"):
        model.fit(x, one_hot)
    with pytest.raises(TypeError, match="eval_data"):
        model.fit(x, y, eval_data=42)
    with pytest.raises(ValueError, match="y must be None when X is a DataIter"):
        model.fit(mx.io.NDArrayIter(x, y, 16), y)
    with pytest.raises(ValueError, match="num_epoch is not set"):
        mx.model.FeedForward(_mlp()).fit(x, y)
    with pytest.raises(mx.MXNetError, match="no parameters"):
        mx.model.FeedForward(_mlp()).predict(x)
    with pytest.raises(TypeError, match="context\\[1\\] must be an mx.Context"):
        mx.model.FeedForward(_mlp(), ctx=[mx.cpu(0), "gpu"], num_epoch=1).fit(x, y)
    with pytest.raises(TypeError, match="Symbol"):
        mx.model.FeedForward("net")


def test_main_job_example(tmp_path):
    """examples/train_feedforward.py: the tutorial's FeedForward block on digits reaches
    95% held-out accuracy, and its checkpoint reloads to the same predictions."""
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "examples", "train_feedforward.py"),
                           "--min-accuracy", "0.95", "--prefix", str(tmp_path / "digits")],
                          env=env, capture_output=True, text=True, timeout=600)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "Validation-accuracy=" in out and "samples/sec" in out
    assert "reloaded model predicts the same as the trained one: True" in out
    assert os.path.exists(str(tmp_path / "digits") + "-symbol.json")


def test_pickle_round_trip():
    import pickle
    model, x, _ = _fitted(num_epoch=1)
    clone = pickle.loads(pickle.dumps(model))
    np.testing.assert_array_equal(clone.predict(x[:20]), model.predict(x[:20]))
