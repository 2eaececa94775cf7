"""Data-parallel training on several devices of one machine (Module and FeedForward
with a list of contexts): each batch is split over the devices, the KVStore sums the
gradients, the weight copies stay identical, and training matches one device with the
same global batch. CPU contexts cpu(0), cpu(1), ... stand for the devices; the GPU
case runs the same code where a GPU is present."""
import os

import numpy as np
import pytest

import mxlite as mx
from test_module import _blobs, _mlp  # the same small MLP and data as the one-device tests


# SGD with momentum, small enough steps that the weights stay O(1) and float rounding
# (sums in another order on several devices) stays far below the test tolerance.
SGD = {"learning_rate": 0.02, "momentum": 0.9, "wd": 1e-3}


def _start_params(hidden=16, dim=8, classes=3, seed=1):
    """The same starting weights for every run (so runs are comparable)."""
    rs = np.random.RandomState(seed)
    shapes = {"fc1_weight": (hidden, dim), "fc1_bias": (hidden,), "fc2_weight": (classes, hidden),
              "fc2_bias": (classes,)}
    return {k: mx.nd.array(rs.normal(0, 0.3, s).astype(np.float32)) for k, s in shapes.items()}


def _cpus(n):
    return [mx.cpu(i) for i in range(n)]


def _store(kind="local"):
    return mx.kv.create(kind)


def _fit(contexts, batch=10, epochs=3, kvstore="local", work_load_list=None,
         optimizer_params=SGD):
    x, y = _blobs(60)
    it = mx.io.NDArrayIter(x, y, batch, shuffle=False)
    mod = mx.mod.Module(_mlp(), context=contexts, work_load_list=work_load_list)
    mod.fit(it, num_epoch=epochs, kvstore=kvstore, optimizer="sgd", optimizer_params=dict(optimizer_params),
            arg_params=_start_params(), eval_metric="acc")
    return mod


class TwoWorkerStore:
    """A local store that says it is worker 0 of two of a dist_* store, for checks in
    one process (the real dist path, over MPI, is test_dist_over_mpi)."""
    num_workers, rank = 2, 0

    def __init__(self, kind):
        self.type = kind
        self._local = _store("local")

    def __getattr__(self, name):
        return getattr(self._local, name)


def _assert_params_close(got, want, rtol=1e-5, atol=1e-6):
    assert sorted(got) == sorted(want)
    for name in want:
        np.testing.assert_allclose(got[name].asnumpy(), want[name].asnumpy(), rtol=rtol, atol=atol,
                                   err_msg=name)


def _assert_replicas_identical(mod):
    """Every parameter's copies on all devices are equal, bit for bit."""
    for name, arrays in zip(mod._param_names, mod._exec_group.param_arrays):
        first = arrays[0].asnumpy()
        for k, a in enumerate(arrays[1:], 1):
            assert a.context == mod._context[k]
            np.testing.assert_array_equal(a.asnumpy(), first, err_msg="%s on %s" % (name, a.context))


@pytest.fixture(scope="module")
def one_device_result():
    trained = _fit([mx.cpu(0)]).get_params()[0]
    start = _start_params()
    assert max(np.abs(trained[k].asnumpy() - start[k].asnumpy()).max() for k in start) > 0.05  # it trained
    return trained


@pytest.mark.parametrize("num_device", [2, 3, 4])
@pytest.mark.parametrize("update_on_kvstore", ["1", "0"])
def test_module_matches_single_device(num_device, update_on_kvstore, one_device_result, monkeypatch):
    """Batch 10 over 3 devices is 3+3+4, over 4 devices 2+2+2+4 (uneven slices)."""
    monkeypatch.setenv("MXNET_UPDATE_ON_KVSTORE", update_on_kvstore)
    mod = _fit(_cpus(num_device))
    assert mod._update_on_kvstore == (update_on_kvstore == "1")
    assert mod._kvstore is not None
    _assert_params_close(mod.get_params()[0], one_device_result)
    _assert_replicas_identical(mod)


def test_batch_split_follows_mxnet():
    from mxlite.module.executor_group import split_batch

    def sizes(batch, work_load):
        return [s.stop - s.start for s in split_batch(batch, work_load, _cpus(len(work_load)))]
    assert sizes(10, [1, 1]) == [5, 5]
    assert sizes(10, [1, 1, 1]) == [3, 3, 4]
    assert sizes(10, [1, 1, 1, 1]) == [2, 2, 2, 4]  # 2.5 rounds half to even
    assert sizes(7, [1, 1, 1, 1]) == [2, 2, 2, 1]
    assert sizes(8, [1, 3]) == [2, 6]
    assert sizes(9, [2, 1]) == [6, 3]
    with pytest.raises(ValueError, match="batch size 3 is smaller than the number of devices 4"):
        split_batch(3, [1, 1, 1, 1], _cpus(4))
    with pytest.raises(ValueError, match="leaves cpu\\(1\\) no sample"):
        split_batch(4, [10, 1], _cpus(2))


def test_work_load_list_matches_single_device(one_device_result):
    mod = _fit(_cpus(2), work_load_list=[1, 4])
    assert [e.arg_dict["data"].shape[0] for e in mod._exec_group.execs] == [2, 8]
    _assert_params_close(mod.get_params()[0], one_device_result)
    _assert_replicas_identical(mod)


def test_kvstore_as_string_object_and_device_type(one_device_result):
    store = _store("local")
    mod = _fit(_cpus(2), kvstore=store)
    assert mod._kvstore is store
    _assert_params_close(mod.get_params()[0], one_device_result)
    mod = _fit(_cpus(2), kvstore="device")
    assert mod._kvstore.type == "device"
    _assert_params_close(mod.get_params()[0], one_device_result)


def test_replicas_identical_after_every_step():
    x, y = _blobs(40)
    mod = mx.mod.Module(_mlp(), context=_cpus(3))
    mod.bind(data_shapes=[("data", (8, 8))], label_shapes=[("softmax_label", (8,))])
    mod.init_params(mx.init.Xavier())
    _assert_replicas_identical(mod)  # the initializer's values reach every device
    mod.init_optimizer(kvstore="local", optimizer="sgd",
                       optimizer_params={"learning_rate": 0.2, "momentum": 0.9})
    before = mod.get_params()[0]["fc1_weight"].asnumpy()
    for i in range(5):
        batch = mx.io.DataBatch([mx.nd.array(x[i * 8:(i + 1) * 8])], [mx.nd.array(y[i * 8:(i + 1) * 8])])
        mod.forward_backward(batch)
        mod.update()
        _assert_replicas_identical(mod)
    assert np.abs(mod.get_params()[0]["fc1_weight"].asnumpy() - before).max() > 1e-3  # it did train


def test_one_step_gradient_is_the_whole_batch_gradient():
    """Local updates (no store optimizer): after the store sums them, every device's
    gradient is the whole batch's, as one device computes it."""
    x, y = _blobs(12)
    batch = mx.io.DataBatch([mx.nd.array(x)], [mx.nd.array(y)])
    grads = []
    for contexts in ([mx.cpu(0)], _cpus(3)):
        mod = mx.mod.Module(_mlp(), context=contexts)
        mod.bind(data_shapes=[("data", (12, 8))], label_shapes=[("softmax_label", (12,))])
        mod.init_params(arg_params=_start_params())
        mod.init_optimizer(kvstore=_store("local"), optimizer="sgd", optimizer_params={"learning_rate": 0.0})
        mod._update_on_kvstore = False  # keep the summed gradients on the devices to look at them
        mod._updater = mx.optimizer.get_updater(mod._optimizer)
        mod.forward_backward(batch)
        mod.update()
        grads.append([[g.asnumpy() for g in per_dev] for per_dev in mod._exec_group.grad_arrays])
    for single, several in zip(*grads):
        for device_grad in several:
            np.testing.assert_allclose(device_grad, single[0], rtol=1e-5, atol=1e-6)


def _trained_pair(num_device=2):
    """A one-device module and a several-device one holding the same parameters."""
    single = _fit([mx.cpu(0)], epochs=1)
    several = mx.mod.Module(_mlp(), context=_cpus(num_device))
    several.bind(data_shapes=[("data", (10, 8))], label_shapes=[("softmax_label", (10,))], for_training=False)
    several.set_params(*single.get_params())
    return single, several


def test_predict_and_score_match_single_device():
    single, several = _trained_pair(3)
    x, y = _blobs(25, seed=3)
    it = mx.io.NDArrayIter(x, y, 10)  # the last batch has padding
    want = single.predict(it).asnumpy()
    got = several.predict(it).asnumpy()
    assert got.shape == (25, 3)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    assert several.score(it, "acc") == single.score(it, "acc")
    # Per-device outputs, in device order, are the slices 3+3+4 of the batch.
    several.forward(mx.io.DataBatch([mx.nd.array(x[:10])]), is_train=False)
    parts = several.get_outputs(merge_multi_context=False)[0]
    assert [p.shape[0] for p in parts] == [3, 3, 4]
    assert [p.context for p in parts] == _cpus(3)
    np.testing.assert_allclose(np.concatenate([p.asnumpy() for p in parts]), want[:10], rtol=1e-5, atol=1e-6)
    assert several.output_shapes == [("softmax_output", (10, 3))]


def test_predict_numpy_and_other_batch_sizes():
    """A batch of another size rebinds every device's executor, sharing the weights."""
    single, several = _trained_pair(2)
    x, _ = _blobs(7, seed=4)
    np.testing.assert_allclose(several.predict(x).asnumpy(), single.predict(x).asnumpy(), rtol=1e-5, atol=1e-6)
    with pytest.raises(ValueError, match="batch size 1 is smaller than the number of devices 2"):
        several.predict(x[:1])


def test_time_major_data_is_split_along_its_batch_axis():
    """Data laid out 'TNC' is cut along axis 1 (its N); the outputs are batch-major."""
    data = mx.sym.Variable("data")
    net = mx.sym.FullyConnected(mx.sym.SwapAxis(data, dim1=0, dim2=1), num_hidden=3, name="fc")
    net = mx.sym.SoftmaxOutput(net, name="softmax")
    x = np.random.RandomState(5).normal(size=(2, 6, 4)).astype(np.float32)  # T=2, N=6, C=4
    outs = []
    for contexts in ([mx.cpu(0)], _cpus(3)):
        mod = mx.mod.Module(net, context=contexts)
        mod.bind(data_shapes=[mx.io.DataDesc("data", (2, 6, 4), layout="TNC")],
                 label_shapes=[("softmax_label", (6,))], for_training=False)
        mod.init_params(arg_params={"fc_weight": mx.nd.ones((3, 8)) * 0.1, "fc_bias": mx.nd.zeros((3,))})
        mod.forward(mx.io.DataBatch([mx.nd.array(x)]), is_train=False)
        outs.append(mod.get_outputs()[0].asnumpy())
    assert [e.arg_dict["data"].shape for e in mod._exec_group.execs] == [(2, 2, 4)] * 3
    np.testing.assert_allclose(outs[1], outs[0], rtol=1e-6)


def test_input_grads_are_joined():
    x, y = _blobs(6)
    batch = mx.io.DataBatch([mx.nd.array(x)], [mx.nd.array(y)])
    out = []
    for contexts in ([mx.cpu(0)], _cpus(2)):
        mod = mx.mod.Module(_mlp(), context=contexts)
        mod.bind(data_shapes=[("data", (6, 8))], label_shapes=[("softmax_label", (6,))], inputs_need_grad=True)
        mod.init_params(arg_params=_start_params())
        mod.forward_backward(batch)
        out.append(mod.get_input_grads()[0].asnumpy())
    np.testing.assert_allclose(out[1], out[0], rtol=1e-5, atol=1e-7)


@pytest.mark.filterwarnings("ignore:Parameters already initialized")
def test_checkpoint_round_trip_across_device_counts(tmp_path, one_device_result):
    """Saved (with optimizer states) from two devices after two epochs, loaded on three
    for the third: the same weights as three epochs on one device."""
    mod = _fit(_cpus(2), epochs=2)
    prefix = str(tmp_path / "mlp")
    mod.save_checkpoint(prefix, 2, save_optimizer_states=True)
    loaded = mx.mod.Module.load(prefix, 2, load_optimizer_states=True, context=_cpus(3))
    loaded.bind(data_shapes=[("data", (10, 8))], label_shapes=[("softmax_label", (10,))])
    _assert_params_close(loaded.get_params()[0], mod.get_params()[0], rtol=0, atol=0)
    _assert_replicas_identical(loaded)
    x, y = _blobs(60)
    loaded.fit(mx.io.NDArrayIter(x, y, 10, shuffle=False), num_epoch=3, begin_epoch=2, optimizer="sgd",
               optimizer_params=SGD)
    _assert_replicas_identical(loaded)
    _assert_params_close(loaded.get_params()[0], one_device_result)


def test_set_params_reaches_every_device():
    mod = mx.mod.Module(_mlp(), context=_cpus(3))
    mod.bind(data_shapes=[("data", (9, 8))], label_shapes=[("softmax_label", (9,))])
    mod.init_params(mx.init.Xavier())
    params = _start_params()
    mod.set_params(params, {})
    _assert_replicas_identical(mod)
    _assert_params_close(mod.get_params()[0], params, rtol=0, atol=0)


def test_set_params_after_init_optimizer_warns_when_the_store_holds_the_weights(monkeypatch):
    monkeypatch.setenv("MXNET_UPDATE_ON_KVSTORE", "1")
    mod = mx.mod.Module(_mlp(), context=_cpus(2))
    mod.bind(data_shapes=[("data", (4, 8))], label_shapes=[("softmax_label", (4,))])
    mod.init_params(arg_params=_start_params())
    mod.init_optimizer(kvstore="local")
    with pytest.warns(UserWarning, match="KVStore holds the weights"):
        mod.set_params(_start_params(), {})


@pytest.mark.parametrize("update_on_kvstore", ["1", "0"])
def test_optimizer_states_round_trip(tmp_path, monkeypatch, update_on_kvstore):
    """Momentum states saved from a several-device module (by the store when it runs
    the optimizer, else by the module's updater) and loaded into a new one: training
    on gives the same weights as uninterrupted training."""
    monkeypatch.setenv("MXNET_UPDATE_ON_KVSTORE", update_on_kvstore)
    x, y = _blobs(40)
    batches = [mx.io.DataBatch([mx.nd.array(x[i:i + 10])], [mx.nd.array(y[i:i + 10])]) for i in (0, 10, 20)]

    def new_module(arg_params):
        mod = mx.mod.Module(_mlp(), context=_cpus(2))
        mod.bind(data_shapes=[("data", (10, 8))], label_shapes=[("softmax_label", (10,))])
        mod.init_params(arg_params=arg_params)
        mod.init_optimizer(kvstore="local", optimizer="sgd", optimizer_params=SGD)
        return mod

    def step(mod, batch):
        mod.forward_backward(batch)
        mod.update()

    straight = new_module(_start_params())
    for b in batches:
        step(straight, b)
    first = new_module(_start_params())
    for b in batches[:2]:
        step(first, b)
    fname = str(tmp_path / "momentum.states")
    first.save_optimizer_states(fname)
    resumed = new_module(first.get_params()[0])
    resumed.load_optimizer_states(fname)
    step(resumed, batches[2])
    _assert_params_close(resumed.get_params()[0], straight.get_params()[0])


def test_batchnorm_aux_states_are_averaged():
    data = mx.sym.Variable("data")
    net = mx.sym.BatchNorm(mx.sym.FullyConnected(data, num_hidden=4, name="fc"), name="bn")
    net = mx.sym.SoftmaxOutput(net, name="softmax")
    x, y = _blobs(8)
    mod = mx.mod.Module(net, context=_cpus(2))
    mod.bind(data_shapes=[("data", (8, 8))], label_shapes=[("softmax_label", (8,))])
    mod.init_params(mx.init.Xavier())
    mod.forward(mx.io.DataBatch([mx.nd.array(x)], [mx.nd.array(y)]), is_train=True)
    per_device = [a.asnumpy() for a in mod._exec_group.aux_arrays[mod._aux_names.index("bn_moving_mean")]]
    assert not np.allclose(per_device[0], per_device[1])  # each device saw its own half
    aux = mod.get_params()[1]
    np.testing.assert_allclose(aux["bn_moving_mean"].asnumpy(), (per_device[0] + per_device[1]) / 2, rtol=1e-6)


def test_rescale_grad_counts_every_worker_of_a_sync_store():
    """With a 'dist_*_sync' store the gradients of all workers are summed, so
    rescale_grad is 1 / (batch size x workers)."""
    kv = TwoWorkerStore("dist_sync")
    mod = mx.mod.Module(_mlp(), context=_cpus(2))
    mod.bind(data_shapes=[("data", (10, 8))], label_shapes=[("softmax_label", (10,))])
    mod.init_params(arg_params=_start_params())
    mod.init_optimizer(kvstore=kv)
    assert mod._kvstore is kv
    assert mod._optimizer.rescale_grad == pytest.approx(1.0 / (10 * kv.num_workers))


def test_one_device_needs_no_store():
    mod = _fit([mx.cpu(0)], epochs=1, kvstore="local")
    assert mod._kvstore is None and not mod._update_on_kvstore
    mod = _fit([mx.cpu(0)], epochs=1, kvstore=None)
    assert mod._kvstore is None


def test_feedforward_matches_single_device(one_device_result):
    x, y = _blobs(60)
    results = []
    for contexts in ([mx.cpu(0)], _cpus(2), _cpus(4)):
        model = mx.model.FeedForward(_mlp(), ctx=contexts, num_epoch=3, optimizer="sgd",
                                     arg_params=_start_params(), **SGD)
        model.fit(mx.io.NDArrayIter(x, y, 10, shuffle=False))
        results.append(model)
    _assert_params_close(results[0].arg_params, one_device_result)
    for model in results[1:]:
        _assert_params_close(model.arg_params, results[0].arg_params)
        np.testing.assert_allclose(model.predict(x), results[0].predict(x), rtol=1e-5, atol=1e-6)
        assert model.score((x, y)) == results[0].score((x, y))


def test_feedforward_numpy_input_and_kvstore_object():
    """Numpy input (shuffled, seeded alike) and a KVStore object on three devices."""
    x, y = _blobs(60)
    models = []
    for contexts, kvstore in (([mx.cpu(0)], "local"), (_cpus(3), _store("local"))):
        np.random.seed(7)
        model = mx.model.FeedForward(_mlp(), ctx=contexts, num_epoch=2, numpy_batch_size=12, learning_rate=0.02,
                                     arg_params=_start_params())
        model.fit(x, y, kvstore=kvstore)
        models.append(model)
    _assert_params_close(models[1].arg_params, models[0].arg_params)


def test_bad_contexts_and_settings_are_clear():
    with pytest.raises(ValueError, match="Module: context is an empty list"):
        mx.mod.Module(_mlp(), context=[])
    with pytest.raises(ValueError, match="FeedForward: context is an empty list"):
        mx.model.FeedForward(_mlp(), ctx=[])
    with pytest.raises(TypeError, match="context\\[1\\] must be an mx.Context.*str 'cpu'"):
        mx.mod.Module(_mlp(), context=[mx.cpu(0), "cpu"])
    with pytest.raises(TypeError, match="context\\[0\\] must be an mx.Context.*NoneType"):
        mx.model.FeedForward(_mlp(), ctx=[None, mx.cpu(1)])
    with pytest.raises(TypeError, match="context must be an mx.Context or a list"):
        mx.mod.Module(_mlp(), context="cpu")
    with pytest.raises(ValueError, match="work_load_list has 3 entries but there are 2 contexts"):
        mx.mod.Module(_mlp(), context=_cpus(2), work_load_list=[1, 1, 1])
    with pytest.raises(ValueError, match="work_load_list\\[1\\] must be a positive number"):
        mx.mod.Module(_mlp(), context=_cpus(2), work_load_list=[1, 0])
    mod = mx.mod.Module(_mlp(), context=_cpus(3))
    with pytest.raises(ValueError, match="batch size 2 is smaller than the number of devices 3 "
                                         "\\(cpu\\(0\\), cpu\\(1\\), cpu\\(2\\)\\)"):
        mod.bind(data_shapes=[("data", (2, 8))], label_shapes=[("softmax_label", (2,))])
    mod.bind(data_shapes=[("data", (6, 8))], label_shapes=[("softmax_label", (6,))])
    mod.init_params()
    with pytest.raises(ValueError, match="3 contexts .* need a KVStore.*not None"):
        mod.init_optimizer(kvstore=None)
    with pytest.raises(TypeError, match="kvstore must be a KVStore"):
        mod.init_optimizer(kvstore=3)
    async_store = TwoWorkerStore("dist_async")
    with pytest.raises(ValueError, match="'dist_async' store must run the optimizer"):
        import os
        os.environ["MXNET_UPDATE_ON_KVSTORE"] = "0"
        try:
            mod.init_optimizer(kvstore=async_store)
        finally:
            del os.environ["MXNET_UPDATE_ON_KVSTORE"]
    x, y = _blobs(6)
    with pytest.raises(ValueError, match="batch size 2 is smaller than the number of devices 3"):
        mod.forward(mx.io.DataBatch([mx.nd.array(x[:2])], [mx.nd.array(y[:2])]))
    shared = mx.mod.Module(_mlp(), context=_cpus(2))
    with pytest.raises(ValueError, match="shared_module runs on"):
        shared.bind(data_shapes=[("data", (6, 8))], shared_module=mod, for_training=False)


@pytest.mark.gpu
@pytest.mark.skipif(mx.context.num_gpus() < 1, reason="needs a GPU")
def test_gpu_contexts_match_single_device(one_device_result):
    """Two executors on one GPU, a CPU and a GPU together, and (where there are two)
    two GPUs, with the KVStore updating on the store and on the devices."""
    contexts = [[mx.gpu(0), mx.gpu(0)], [mx.cpu(0), mx.gpu(0)]]
    if mx.context.num_gpus() >= 2:
        contexts.append([mx.gpu(0), mx.gpu(1)])
    for ctx in contexts:
        for update_on_kvstore in ("1", "0"):
            os.environ["MXNET_UPDATE_ON_KVSTORE"] = update_on_kvstore
            try:
                mod = _fit(ctx)
            finally:
                del os.environ["MXNET_UPDATE_ON_KVSTORE"]
            _assert_params_close(mod.get_params()[0], one_device_result, rtol=1e-4, atol=1e-5)
            _assert_replicas_identical(mod)


@pytest.mark.gpu
@pytest.mark.skipif(mx.context.num_gpus() < 2, reason="needs two GPUs")
@pytest.mark.parametrize("kvstore", ["device", "nccl"])
def test_two_gpus_with_nccl_match_single_device(one_device_result, kvstore):
    """Module on gpu0 + gpu1 with the gradients summed by NCCL in the store."""
    try:
        mx.kv.create(kvstore)
    except mx.MXNetError as e:
        pytest.skip(str(e))
    for update_on_kvstore in ("1", "0"):
        os.environ["MXNET_UPDATE_ON_KVSTORE"] = update_on_kvstore
        try:
            mod = _fit([mx.gpu(0), mx.gpu(1)], kvstore=kvstore)
        finally:
            del os.environ["MXNET_UPDATE_ON_KVSTORE"]
        _assert_params_close(mod.get_params()[0], one_device_result, rtol=1e-4, atol=1e-5)
        _assert_replicas_identical(mod)


# ------------------------------------------------------------------ several machines
_WORKER = r'''
import sys
import numpy as np
import mxlite as mx

inputs, out, per_worker, kind = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
saved = np.load(inputs)
kv = mx.kv.create(kind)
# Each global batch of per_worker * num_workers rows: this worker feeds its own rows.
x = saved["x"].reshape(-1, per_worker * kv.num_workers, saved["x"].shape[1])
y = saved["y"].reshape(-1, per_worker * kv.num_workers)
rows = slice(kv.rank * per_worker, (kv.rank + 1) * per_worker)
it = mx.io.NDArrayIter(x[:, rows].reshape(-1, x.shape[2]), y[:, rows].reshape(-1), per_worker, shuffle=False)
start = {k[len("p_"):]: mx.nd.array(saved[k]) for k in saved.files if k.startswith("p_")}
mod = mx.mod.Module(mx.sym.load_json(str(saved["symbol"])), context=[mx.cpu(0), mx.cpu(1)])
mod.fit(it, num_epoch=3, kvstore=kv, optimizer="sgd", arg_params=start,
        optimizer_params={"learning_rate": float(saved["lr"]), "momentum": float(saved["momentum"]),
                          "wd": float(saved["wd"])})
mx.nd.save("%s.%d" % (out, kv.rank), mod.get_params()[0])
'''


def _mpirun():
    import shutil
    return shutil.which("mpirun")


@pytest.mark.skipif(_mpirun() is None, reason="mpirun (Open MPI) is not installed")
@pytest.mark.parametrize("kind, update_on_kvstore", [("dist_sync", "1"), ("dist_sync", "0"), ("dist_async", "1")])
def test_dist_over_mpi(tmp_path, kind, update_on_kvstore, one_device_result):
    """`mpirun -np 2`: two workers, two devices each; each worker feeds half of every
    global batch of 10. dist_sync: both workers end with the weights one device gets on
    the whole batches. dist_async: the workers' copies are averaged at the end of every
    epoch, so both end with the same (trained) weights."""
    import os
    import subprocess
    import sys
    if "asan" in os.environ.get("LD_PRELOAD", ""):
        pytest.skip("under the sanitizer run: Open MPI's own allocations would be reported as leaks")
    x, y = _blobs(60)
    inputs = str(tmp_path / "inputs.npz")
    np.savez(inputs, x=x, y=y, symbol=_mlp().tojson(), lr=SGD["learning_rate"], momentum=SGD["momentum"],
             wd=SGD["wd"], **{"p_" + k: v.asnumpy() for k, v in _start_params().items()})
    script = tmp_path / "worker.py"
    script.write_text(_WORKER)
    out = str(tmp_path / "params")
    env = dict(os.environ, MXNET_UPDATE_ON_KVSTORE=update_on_kvstore)
    cmd = [_mpirun(), "-np", "2", "--oversubscribe"]
    if os.geteuid() == 0:
        cmd.append("--allow-run-as-root")
    for name in sorted(env):  # mpirun passes on only the variables named with -x
        if name.startswith(("MXLITE_", "MXNET_")) or name in ("PYTHONPATH", "LD_LIBRARY_PATH"):
            cmd += ["-x", name]
    cmd += [sys.executable, str(script), inputs, out, "5", kind]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 and "MPI plugin" in proc.stderr and "could not be loaded" in proc.stderr:
        pytest.skip("mxlite was built without its MPI plugin (CMake did not find MPI)")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    workers = [mx.nd.load("%s.%d" % (out, rank)) for rank in (0, 1)]
    _assert_params_close(workers[1], workers[0], rtol=0, atol=0)
    if kind == "dist_sync":
        _assert_params_close(workers[0], one_device_result)
    else:  # asynchronous: not the one-device result, but a model as good
        def accuracy(arg_params):
            mod = mx.mod.Module(_mlp(), context=mx.cpu())
            mod.bind(data_shapes=[("data", (10, 8))], label_shapes=[("softmax_label", (10,))], for_training=False)
            mod.set_params(arg_params, {})
            return mod.score(mx.io.NDArrayIter(x, y, 10), "acc")[0][1]
        assert accuracy(workers[0]) >= accuracy(one_device_result) - 0.05
        assert accuracy(workers[0]) > accuracy(_start_params()) + 0.2
