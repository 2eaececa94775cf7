"""mx.mod.Module: bind / init / optimizer / forward / backward / update, fit, predict,
score, parameters and checkpoints (one device)."""
import logging
import os

import numpy as np
import pytest

import mxlite as mx


def _mlp(hidden=16, classes=3):
    data = mx.sym.Variable("data")
    fc1 = mx.sym.FullyConnected(data, num_hidden=hidden, name="fc1")
    act = mx.sym.Activation(fc1, act_type="relu", name="relu1")
    fc2 = mx.sym.FullyConnected(act, num_hidden=classes, name="fc2")
    return mx.sym.SoftmaxOutput(fc2, name="softmax")


def _blobs(n=240, dim=8, classes=3, seed=0):
    """Well separated Gaussian blobs: a net that trains reaches ~100%."""
    rs = np.random.RandomState(seed)
    centers = rs.normal(0, 4, (classes, dim))
    y = rs.randint(0, classes, n)
    x = centers[y] + rs.normal(0, 1, (n, dim))
    return x.astype(np.float32), y.astype(np.float32)


def _bound_module(batch=8, for_training=True, **kw):
    mod = mx.mod.Module(_mlp(), context=mx.cpu(), **kw)
    mod.bind(data_shapes=[("data", (batch, 8))], label_shapes=[("softmax_label", (batch,))],
             for_training=for_training)
    mod.init_params(mx.init.Xavier())
    return mod


def test_names_and_shapes():
    mod = _bound_module()
    assert mod.data_names == ["data"] and mod.label_names == ["softmax_label"]
    assert mod.output_names == ["softmax_output"]
    assert mod.output_shapes == [("softmax_output", (8, 3))]
    assert [tuple(d) for d in mod.data_shapes] == [("data", (8, 8))]
    arg, aux = mod.get_params()
    assert sorted(arg) == ["fc1_bias", "fc1_weight", "fc2_bias", "fc2_weight"] and aux == {}
    assert arg["fc1_weight"].shape == (16, 8)


def test_one_sgd_step_matches_the_formula():
    np.random.seed(0)
    mod = _bound_module()
    mod.init_optimizer(optimizer="sgd", optimizer_params={"learning_rate": 0.5})
    x, y = _blobs(8)
    batch = mx.io.DataBatch([mx.nd.array(x)], [mx.nd.array(y)])
    before = {k: v.asnumpy() for k, v in mod.get_params()[0].items()}
    mod.forward(batch, is_train=True)
    mod.backward()
    grads = {k: v.asnumpy() for k, v in mod._exec.grad_dict.items()}
    mod.update()
    after = mod.get_params()[0]
    for name in before:
        # rescale_grad defaults to 1 / batch size
        np.testing.assert_allclose(after[name].asnumpy(), before[name] - 0.5 * grads[name] / 8, rtol=1e-5,
                                   atol=1e-6)


def test_manual_loop_learns_and_update_metric():
    np.random.seed(1)
    x, y = _blobs()
    it = mx.io.NDArrayIter(x, y, 20, shuffle=True)
    mod = mx.mod.Module(_mlp(), context=[mx.cpu()])  # a list of one context is fine
    mod.bind(data_shapes=it.provide_data, label_shapes=it.provide_label)
    mod.init_params(mx.init.Xavier())
    mod.init_optimizer(optimizer="sgd", optimizer_params=(("learning_rate", 0.1),))
    metric = mx.metric.create("acc")
    for _ in range(10):
        it.reset()
        metric.reset()
        for batch in it:
            mod.forward(batch, is_train=True)
            mod.backward()
            mod.update()
            mod.update_metric(metric, batch.label)
    assert metric.get()[1] > 0.95
    assert mod.get_outputs()[0].shape == (20, 3)


def test_fit_score_predict(caplog):
    np.random.seed(2)
    x, y = _blobs()
    train = mx.io.NDArrayIter(x[:200], y[:200], 16, shuffle=True)
    val = mx.io.NDArrayIter(x[200:], y[200:], 16)  # 40 samples: the last batch is padded
    epochs_seen, batches_seen = [], []
    mod = mx.mod.Module(_mlp())
    with caplog.at_level(logging.INFO):
        mod.fit(train, eval_data=val, eval_metric="acc", optimizer="sgd",
                optimizer_params={"learning_rate": 0.1, "momentum": 0.9}, initializer=mx.init.Xavier(),
                num_epoch=5, kvstore="local",
                epoch_end_callback=lambda epoch, sym, arg, aux: epochs_seen.append((epoch, sorted(arg))),
                batch_end_callback=lambda p: batches_seen.append((p.epoch, p.nbatch)))
    assert [e for e, _ in epochs_seen] == [0, 1, 2, 3, 4]
    assert epochs_seen[0][1] == ["fc1_bias", "fc1_weight", "fc2_bias", "fc2_weight"]
    assert batches_seen[:13] == [(0, i) for i in range(13)] and batches_seen[13] == (1, 0)
    text = caplog.text
    for line in ("Epoch[4] Train-accuracy=", "Epoch[4] Time cost=", "Epoch[4] Validation-accuracy=",
                 "samples/sec"):
        assert line in text, line
    (name, acc), = mod.score(val, "acc")
    assert name == "accuracy" and acc > 0.95
    out = mod.predict(val)
    assert out.shape == (40, 3)  # padding removed
    assert (out.asnumpy().argmax(1) == y[200:]).mean() > 0.95
    # iter_predict yields unpadded outputs per batch
    sizes = [o[0].shape[0] for o, _, _ in mod.iter_predict(val)]
    assert sizes == [16, 16, 8]
    per_batch = mod.predict(val, merge_batches=False)
    assert [b[0].shape[0] for b in per_batch] == [16, 16, 8]
    assert isinstance(mod.predict(val, always_output_list=True), list)


def test_fit_begin_epoch_and_num_epoch():
    x, y = _blobs(64)
    seen = []
    mod = mx.mod.Module(_mlp())
    mod.fit(mx.io.NDArrayIter(x, y, 16), num_epoch=5, begin_epoch=3,
            epoch_end_callback=lambda e, *a: seen.append(e))
    assert seen == [3, 4]


def test_predict_with_other_batch_size_rebinds():
    mod = _bound_module(batch=8, for_training=False)
    x, _ = _blobs(10)
    out = mod.predict(mx.io.NDArrayIter(x, batch_size=5))
    assert out.shape == (10, 3)
    direct = mod.predict(x[:3])  # a numpy array runs as one batch
    assert direct.shape == (3, 3)
    np.testing.assert_allclose(direct.asnumpy(), out.asnumpy()[:3], rtol=1e-5, atol=1e-6)


def test_set_params_get_params_and_errors():
    mod = _bound_module()
    arg, aux = mod.get_params()
    new = {k: mx.nd.ones(v.shape) * 0.5 for k, v in arg.items()}
    mod.set_params(new, aux)
    for v in mod.get_params()[0].values():
        assert np.all(v.asnumpy() == 0.5)
    missing = dict(new)
    del missing["fc2_bias"]
    with pytest.raises(ValueError, match="fc2_bias"):
        mod.set_params(missing, aux)
    mod.set_params(missing, aux, allow_missing=True)  # the rest is kept
    with pytest.raises(ValueError, match="'bogus'"):
        mod.set_params(dict(new, bogus=mx.nd.ones((1,))), aux)
    mod.set_params(dict(new, bogus=mx.nd.ones((1,))), aux, allow_extra=True)
    with pytest.raises(mx.MXNetError, match="fc1_weight.*\\(2, 2\\).*\\(16, 8\\)"):
        mod.set_params(dict(new, fc1_weight=mx.nd.ones((2, 2))), aux)


def test_checkpoint_round_trip(tmp_path):
    np.random.seed(3)
    x, y = _blobs(48)
    it = mx.io.NDArrayIter(x, y, 16)
    mod = mx.mod.Module(_mlp())
    mod.fit(it, num_epoch=2, optimizer_params={"learning_rate": 0.05})
    prefix = str(tmp_path / "mod")
    mod.save_checkpoint(prefix, 2)
    assert os.path.exists(prefix + "-symbol.json") and os.path.exists(prefix + "-0002.params")
    expected = mod.predict(it).asnumpy()
    loaded = mx.mod.Module.load(prefix, 2)
    loaded.bind(data_shapes=it.provide_data, for_training=False)
    np.testing.assert_array_equal(loaded.predict(it).asnumpy(), expected)
    sym, arg, aux = mx.model.load_checkpoint(prefix, 2)
    assert sym.list_outputs() == ["softmax_output"] and "fc1_weight" in arg
    mod.save_params(str(tmp_path / "p.params"))
    fresh = _bound_module(batch=16, for_training=False)
    fresh.load_params(str(tmp_path / "p.params"))
    np.testing.assert_array_equal(fresh.predict(it).asnumpy(), expected)


def test_fixed_params_are_not_trained():
    x, y = _blobs(32)
    mod = mx.mod.Module(_mlp(), fixed_param_names=["fc1_weight"])
    mod.bind(data_shapes=[("data", (16, 8))], label_shapes=[("softmax_label", (16,))])
    mod.init_params(mx.init.Xavier())
    fixed = mod.get_params()[0]["fc1_weight"].asnumpy()
    trained = mod.get_params()[0]["fc2_weight"].asnumpy()
    mod.init_optimizer(optimizer_params={"learning_rate": 0.5})
    for batch in mx.io.NDArrayIter(x, y, 16):
        mod.forward_backward(batch)
        mod.update()
    np.testing.assert_array_equal(mod.get_params()[0]["fc1_weight"].asnumpy(), fixed)
    assert not np.array_equal(mod.get_params()[0]["fc2_weight"].asnumpy(), trained)


def test_inputs_need_grad():
    mod = mx.mod.Module(_mlp())
    mod.bind(data_shapes=[("data", (4, 8))], label_shapes=[("softmax_label", (4,))], inputs_need_grad=True)
    mod.init_params(mx.init.Xavier())
    x, y = _blobs(4)
    mod.forward_backward(mx.io.DataBatch([mx.nd.array(x)], [mx.nd.array(y)]))
    (g,) = mod.get_input_grads()
    assert g.shape == (4, 8) and np.abs(g.asnumpy()).sum() > 0


def test_errors_are_clear():
    with pytest.raises(ValueError, match="context is an empty list"):
        mx.mod.Module(_mlp(), context=[])
    with pytest.raises(ValueError, match="'image' is not an argument"):
        mx.mod.Module(_mlp(), data_names=["image"])
    mod = mx.mod.Module(_mlp())
    with pytest.raises(mx.MXNetError, match="label shape mismatch.*softmax_label.*\\(8, 3\\).*\\(8,\\)"):
        mod.bind(data_shapes=[("data", (8, 8))], label_shapes=[("softmax_label", (8, 3))])
    with pytest.raises(ValueError, match="bind\\(\\) before init_params"):
        mx.mod.Module(_mlp()).init_params()
    with pytest.raises(ValueError, match="train_data is required"):
        mx.mod.Module(_mlp()).fit(None, num_epoch=1)
    with pytest.raises(TypeError, match="DataIter"):
        mx.mod.Module(_mlp()).fit(np.zeros((4, 8)), num_epoch=1)
    bound = _bound_module()
    with pytest.raises(ValueError, match="2 data arrays.*takes 1"):
        bound.forward(mx.io.DataBatch([mx.nd.ones((8, 8)), mx.nd.ones((8, 8))], []))
    with pytest.raises(ValueError, match="init_optimizer"):
        bound.update()
    with pytest.raises(TypeError, match="kvstore must be a KVStore"):
        bound.init_optimizer(kvstore=42)
    with pytest.raises(ValueError, match="must be bound"):
        mx.mod.Module(_mlp()).predict(mx.io.NDArrayIter(np.zeros((4, 8)), batch_size=2))


def test_symbol_without_label_input():
    """An inference symbol (no loss) with the default label_names: labels are ignored."""
    fc = mx.sym.FullyConnected(mx.sym.Variable("data"), num_hidden=2, name="fc")
    with pytest.warns(UserWarning, match="softmax_label"):
        mod = mx.mod.Module(fc)
    assert mod.label_names == []
    it = mx.io.NDArrayIter(np.ones((6, 4)), np.zeros(6), 3)
    mod.bind(it.provide_data, it.provide_label, for_training=False)
    mod.init_params(mx.init.Xavier())
    assert mod.predict(it).shape == (6, 2)


def test_optimizer_instance_and_lr_mult():
    data = mx.sym.Variable("data")
    frozen = mx.sym.Variable("fc1_weight", lr_mult=0.0)  # read by the optimizer through sym
    fc1 = mx.sym.FullyConnected(data, weight=frozen, num_hidden=4, name="fc1")
    net = mx.sym.SoftmaxOutput(mx.sym.FullyConnected(fc1, num_hidden=3, name="fc2"), name="softmax")
    x, y = _blobs(16)
    mod = mx.mod.Module(net)
    mod.bind(data_shapes=[("data", (16, 8))], label_shapes=[("softmax_label", (16,))])
    mod.init_params(mx.init.Xavier())
    mod.init_optimizer(optimizer="sgd", optimizer_params={"learning_rate": 1.0})
    before = {k: v.asnumpy() for k, v in mod.get_params()[0].items()}
    mod.forward_backward(mx.io.DataBatch([mx.nd.array(x)], [mx.nd.array(y)]))
    mod.update()
    after = mod.get_params()[0]
    np.testing.assert_array_equal(after["fc1_weight"].asnumpy(), before["fc1_weight"])
    assert not np.array_equal(after["fc2_weight"].asnumpy(), before["fc2_weight"])
    # An Optimizer object is used as given (with a warning when rescale_grad is not 1/batch).
    other = mx.mod.Module(_mlp())
    other.bind(data_shapes=[("data", (16, 8))], label_shapes=[("softmax_label", (16,))])
    other.init_params(mx.init.Xavier())
    with pytest.warns(UserWarning, match="rescale_grad"):
        other.init_optimizer(optimizer=mx.optimizer.SGD(learning_rate=0.1))
    other.init_optimizer(optimizer=mx.optimizer.SGD(learning_rate=0.1, rescale_grad=1 / 16.), force_init=True)
    with pytest.raises(TypeError, match="Optimizer"):
        other.init_optimizer(optimizer=42, force_init=True)


def test_optimizer_states_in_checkpoint(tmp_path):
    np.random.seed(4)
    x, y = _blobs(32)
    it = mx.io.NDArrayIter(x, y, 16)
    mod = mx.mod.Module(_mlp())
    mod.fit(it, num_epoch=1, optimizer="sgd", optimizer_params={"learning_rate": 0.1, "momentum": 0.9})
    prefix = str(tmp_path / "st")
    mod.save_checkpoint(prefix, 1, save_optimizer_states=True)
    assert os.path.exists(prefix + "-0001.states")
    loaded = mx.mod.Module.load(prefix, 1, load_optimizer_states=True)
    loaded.bind(data_shapes=it.provide_data, label_shapes=it.provide_label)
    loaded.init_optimizer(optimizer="sgd", optimizer_params={"learning_rate": 0.1, "momentum": 0.9})
    # Same weights and momentum: one more step gives the same weights in both.
    for m in (mod, loaded):
        it.reset()
        m.forward_backward(next(it))
        m.update()
    for k, v in mod.get_params()[0].items():
        np.testing.assert_allclose(loaded.get_params()[0][k].asnumpy(), v.asnumpy(), rtol=1e-6, atol=1e-7)


def test_force_rebind_keeps_current_weights():
    np.random.seed(5)
    x, y = _blobs(32)
    mod = _bound_module(batch=16)
    mod.get_params()  # the module's copies, soon stale
    mod.init_optimizer(optimizer_params={"learning_rate": 0.5})
    mod.forward_backward(mx.io.DataBatch([mx.nd.array(x[:16])], [mx.nd.array(y[:16])]))
    mod.update()
    live = mod._exec.arg_dict["fc1_weight"].asnumpy()
    mod.bind(data_shapes=[("data", (32, 8))], label_shapes=[("softmax_label", (32,))], force_rebind=True)
    np.testing.assert_array_equal(mod.get_params()[0]["fc1_weight"].asnumpy(), live)
    assert mod.output_shapes == [("softmax_output", (32, 3))]


def test_fit_loop_does_not_wait_on_the_engine(monkeypatch):
    """With a metric that reads nothing, a training epoch never blocks on results
    (no asnumpy / wait_to_read / waitall per batch): the engine can run ahead."""

    class Quiet(mx.metric.EvalMetric):
        def __init__(self):
            super().__init__("quiet")

        def update(self, labels, preds):
            self.num_inst += 1

    x, y = _blobs(64)
    it = mx.io.NDArrayIter(x, y, 8)
    mod = mx.mod.Module(_mlp())
    waits = []
    nd_cls = mx.nd.NDArray
    for name in ("asnumpy", "wait_to_read", "asscalar"):
        original = getattr(nd_cls, name)
        monkeypatch.setattr(nd_cls, name, lambda self, *a, _o=original, _n=name, **k: (waits.append(_n),
                                                                                       _o(self, *a, **k))[1])
    monkeypatch.setattr(mx.nd, "waitall", lambda: waits.append("waitall"))
    batches = []
    mod.fit(it, eval_metric=Quiet(), num_epoch=2, batch_end_callback=lambda p: batches.append(waits[:]))
    assert len(batches) == 16 and all(w == [] for w in batches), batches
    mod.get_outputs()[0].asnumpy()
    assert waits == ["asnumpy"]  # the counting works
