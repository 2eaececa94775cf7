"""Multi-tensor optimizer operators beyond the conformance cases: every multi_* SGD and
AdamW update equals the one-weight op applied per weight, bit for bit (in place and not),
NumPy references for multi_sum_sq / multi_lars / all_finite / reset_arrays, errors,
the symbol API, the SGD optimizer's aggregated updates (MXNET_OPTIMIZER_AGGREGATION_SIZE),
and the GPU against the CPU (marked gpu; skipped without one)."""
import numpy as np
import pytest

import mxlite as mx

RNG = np.random.RandomState(7)
SHAPES = [(2, 3), (5,), (1, 4, 2)]
LRS = (0.1, 0.05, 0.2)
WDS = (0.0, 0.01, 0.003)


def _u(shape, dtype=np.float32, lo=-1.0, hi=1.0):
    return RNG.uniform(lo, hi, size=shape).astype(dtype)


def _groups(mom, mp, dtype=np.float32, ctx=None):
    """One (weight, grad[, mom][, weight32]) list of NDArrays per shape."""
    ctx = ctx or mx.cpu()
    low = np.float16 if mp else dtype
    groups = []
    for s in SHAPES:
        w = _u(s, low)
        g = _u(s, low, -3, 3)
        group = [w, g]
        if mom:
            group.append(_u(s, np.float32 if mp else dtype, -0.5, 0.5))
        if mp:
            group.append(w.astype(np.float32))
        groups.append([mx.nd.array(x, dtype=x.dtype, ctx=ctx) for x in group])
    return groups


def _copy(groups):
    return [[x.copy() for x in g] for g in groups]


def _np(groups):
    return [[x.asnumpy() for x in g] for g in groups]


def _single_name(mom, mp):
    return ("mp_" if mp else "") + ("sgd_mom_update" if mom else "sgd_update")


def _multi_name(mom, mp, preloaded):
    return ("preloaded_" if preloaded else "") + "multi_" + ("mp_" if mp else "") + \
        ("sgd_mom_update" if mom else "sgd_update")


KINDS = [(mom, mp, pre) for pre in (False, True) for mp in (False, True) for mom in (False, True)]


def _run_multi(groups, mom, mp, preloaded, ctx=None, in_place=True, **params):
    ctx = ctx or mx.cpu()
    op = getattr(mx.nd, _multi_name(mom, mp, preloaded))
    flat = [x for g in groups for x in g]
    if mom:
        params.setdefault("momentum", 0.9)
    if preloaded:
        flat += [mx.nd.array(LRS, ctx=ctx), mx.nd.array(WDS, ctx=ctx)]
    else:
        params.update(lrs=LRS, wds=WDS)
    out = [g[0] for g in groups] if in_place else None
    return op(*flat, num_weights=len(groups), out=out, **params)


def _run_single(groups, mom, mp, **params):
    op = getattr(mx.nd, _single_name(mom, mp))
    if mom:
        params.setdefault("momentum", 0.9)
    for g, lr, wd in zip(groups, LRS, WDS):
        op(*g, lr=lr, wd=wd, out=g[0], **params)


@pytest.mark.parametrize("mom,mp,preloaded", KINDS, ids=[_multi_name(*k) for k in KINDS])
@pytest.mark.parametrize("params", [{}, {"rescale_grad": 0.5, "clip_gradient": 0.4}], ids=["plain", "clipped"])
def test_multi_equals_one_weight_at_a_time_bitwise(mom, mp, preloaded, params):
    multi = _groups(mom, mp)
    single = _copy(multi)
    for _ in range(2):  # twice: momenta and master copies carry over
        _run_multi(multi, mom, mp, preloaded, **params)
        _run_single(single, mom, mp, **params)
    for gm, gs in zip(_np(multi), _np(single)):
        for a, b in zip(gm, gs):
            assert a.dtype == b.dtype
            np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("dtype", [np.float64, np.float16])
@pytest.mark.parametrize("mom", [False, True])
def test_multi_sgd_other_dtypes_bitwise(dtype, mom):
    multi = _groups(mom, False, dtype)
    single = _copy(multi)
    _run_multi(multi, mom, False, False)
    _run_single(single, mom, False)
    for gm, gs in zip(_np(multi), _np(single)):
        for a, b in zip(gm, gs):
            assert a.dtype == np.dtype(dtype)
            np.testing.assert_array_equal(a, b)


def _adamw_groups(mp, dtype=np.float32, ctx=None):
    ctx = ctx or mx.cpu()
    low = np.float16 if mp else dtype
    state = np.float32 if mp else dtype
    groups = []
    for s in SHAPES:
        w = _u(s, low)
        group = [w, _u(s, low, -3, 3), _u(s, state, -0.5, 0.5), _u(s, state, 0.1, 1.0)]
        if mp:
            group.append(w.astype(np.float32))
        groups.append([mx.nd.array(x, dtype=x.dtype, ctx=ctx) for x in group])
    return groups


ETAS = (1.0, 0.5, 0.25)


@pytest.mark.parametrize("mp,dtype", [(False, np.float32), (False, np.float64), (False, np.float16),
                                      (True, np.float16)])
@pytest.mark.parametrize("rescale", [0.5, float("nan")])
def test_multi_adamw_equals_adamw_one_weight_at_a_time_bitwise(mp, dtype, rescale):
    multi = _adamw_groups(mp, dtype)
    single = _copy(multi)
    rs_dtype = np.float32 if mp else dtype
    params = dict(beta1=0.8, beta2=0.99, epsilon=1e-6, clip_gradient=0.7)
    name = "_multi_mp_adamw_update" if mp else "_multi_adamw_update"
    one = mx.nd._internal._mp_adamw_update if mp else mx.nd._internal._adamw_update
    for _ in range(2):
        rs = mx.nd.array([rescale], dtype=rs_dtype)
        getattr(mx.nd._internal, name)(*[x for g in multi for x in g], rs, lrs=LRS, wds=WDS, etas=ETAS,
                                       num_weights=len(multi), out=[g[0] for g in multi], **params)
        for g, lr, wd, eta in zip(single, LRS, WDS, ETAS):
            one(*g, rs, lr=lr, wd=wd, eta=eta, out=g[0], **params)
    for gm, gs in zip(_np(multi), _np(single)):
        for a, b in zip(gm, gs):
            assert a.dtype == b.dtype
            np.testing.assert_array_equal(a, b)


def test_without_out_returns_new_weights_and_still_updates_states():
    groups = _groups(True, True)
    before = _np(groups)
    res = _run_multi(groups, True, True, False, in_place=False)
    assert isinstance(res, list) and len(res) == len(SHAPES)
    now = _np(groups)
    ref = _groups(True, True)  # same shapes; values replaced below
    for g, b in zip(ref, before):
        for x, v in zip(g, b):
            x[:] = v
    _run_single(ref, True, True)
    for r, n, b, g in zip(res, now, before, _np(ref)):
        np.testing.assert_array_equal(n[0], b[0])     # the weight itself is untouched
        np.testing.assert_array_equal(r.asnumpy(), g[0])  # the result is the new weight
        np.testing.assert_array_equal(n[2], g[2])     # mom updated in place
        np.testing.assert_array_equal(n[3], g[3])     # weight32 updated in place


def test_values_against_numpy():
    w = [_u((3,)), _u((2, 2))]
    g = [_u((3,)), _u((2, 2))]
    m = [_u((3,)), _u((2, 2))]
    nd = [mx.nd.array(x) for x in (w[0], g[0], m[0], w[1], g[1], m[1])]
    mx.nd.multi_sgd_mom_update(*nd, lrs=(0.1, 0.2), wds=(0.01, 0.0), momentum=0.8, rescale_grad=2.0,
                               clip_gradient=1.5, num_weights=2, out=[nd[0], nd[3]])
    for i, (lr, wd) in enumerate([(0.1, 0.01), (0.2, 0.0)]):
        gg = np.clip(2.0 * g[i].astype(np.float64), -1.5, 1.5)
        mm = 0.8 * m[i] - lr * wd * w[i] - lr * gg
        np.testing.assert_allclose(nd[3 * i + 2].asnumpy(), mm, rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(nd[3 * i].asnumpy(), w[i] + mm, rtol=1e-5, atol=1e-6)


def test_multi_sum_sq_lars_and_the_lars_recipe():
    ws = [_u((3, 2)), _u((4,))]
    gs = [_u((3, 2)), _u((4,))]
    wsq = mx.nd.multi_sum_sq(*[mx.nd.array(x) for x in ws], num_arrays=2)
    gsq = mx.nd.multi_sum_sq(*[mx.nd.array(x) for x in gs])  # num_arrays filled in
    assert wsq.dtype == np.float32 and wsq.shape == (2,)
    np.testing.assert_allclose(wsq.asnumpy(), [np.sum(x.astype(np.float64) ** 2) for x in ws], rtol=1e-6)
    lrs, wds = mx.nd.array([0.1, 0.2]), mx.nd.array([0.01, 0.0])
    out = mx.nd.multi_lars(lrs, wsq, gsq, wds, eta=0.5, eps=1e-4, rescale_grad=0.5)
    wn, gn = np.sqrt(wsq.asnumpy().astype(np.float64)), np.sqrt(gsq.asnumpy().astype(np.float64)) * 0.5
    np.testing.assert_allclose(out.asnumpy(), [0.1, 0.2] * (0.5 * wn / (gn + np.array([0.01, 0.0]) * wn + 1e-4)),
                               rtol=1e-5)
    # a zero norm keeps the plain learning rate
    z = mx.nd.multi_lars(lrs, mx.nd.array([0.0, 4.0]), mx.nd.array([1.0, 0.0]), wds, eta=0.5, eps=0.0)
    np.testing.assert_array_equal(z.asnumpy(), np.array([0.1, 0.2], np.float32))
    # float16 inputs are summed in double and reported as float32
    h = mx.nd.multi_sum_sq(mx.nd.array(np.full(300, 2.0), dtype=np.float16), num_arrays=1)
    assert h.dtype == np.float32 and h.asscalar() == 1200.0


def test_all_finite_and_the_accumulating_flag():
    ok, bad = mx.nd.array([1.0, -2.0]), mx.nd.array([1.0, np.nan])
    assert mx.nd.all_finite(ok).asnumpy().tolist() == [1.0]
    assert mx.nd.all_finite(bad).asnumpy().tolist() == [0.0]
    assert mx.nd.all_finite(mx.nd.array([np.inf], dtype=np.float16)).asnumpy().tolist() == [0.0]
    assert mx.nd.multi_all_finite(ok, ok, num_arrays=2).asnumpy().tolist() == [1.0]
    assert mx.nd.multi_all_finite(ok, bad, ok).asnumpy().tolist() == [0.0]  # num_arrays filled in
    flag = mx.nd.array([1.0])
    mx.nd.multi_all_finite(ok, num_arrays=1, init_output=False, out=flag)
    assert flag.asnumpy().tolist() == [1.0]
    mx.nd.multi_all_finite(bad, num_arrays=1, init_output=False, out=flag)
    assert flag.asnumpy().tolist() == [0.0]
    mx.nd.multi_all_finite(ok, num_arrays=1, init_output=False, out=flag)
    assert flag.asnumpy().tolist() == [0.0]  # stays 0: it only ever clears
    mx.nd.multi_all_finite(ok, num_arrays=1, out=flag)
    assert flag.asnumpy().tolist() == [1.0]


def test_reset_arrays_zeroes_in_place():
    a, b = mx.nd.array(_u((2, 3))), mx.nd.array(_u((4,)), dtype=np.float64)
    c = mx.nd.array([1, 2, 3], dtype=np.int32)
    res = mx.nd.reset_arrays(a, b, c, num_arrays=3)
    assert res is None or res == [] or len(res) == 0
    for x in (a, b, c):
        assert not x.asnumpy().any()


def _err(fn, kind, *parts):
    with pytest.raises(mx.base.MXNetError) as e:
        fn()
    assert e.value.kind == kind, str(e.value)
    for p in parts:
        assert p in str(e.value), (p, str(e.value))


def test_errors_name_the_op_argument_and_values():
    w, g = mx.nd.ones((2, 3)), mx.nd.ones((2, 3))
    _err(lambda: mx.nd.multi_sgd_update(w, g, w, g, lrs=(0.1, 0.1), wds=(0, 0)), "MXL_ERR_INVALID_ARGUMENT",
         "multi_sgd_update", "expected 2 input")  # num_weights defaults to 1, as in MXNet
    _err(lambda: mx.nd.multi_sgd_update(w, g, lrs=(0.1, 0.2), wds=(0,), num_weights=1), "MXL_ERR_INVALID_ARGUMENT",
         "multi_sgd_update", "lrs has 2 value(s) but num_weights is 1")
    _err(lambda: mx.nd.multi_sgd_update(w, g, wds=(0,), num_weights=1), "MXL_ERR_INVALID_ARGUMENT",
         "multi_sgd_update", "lrs")
    _err(lambda: mx.nd.multi_sgd_update(w, g, lrs="(0.1, x)", wds=(0,), num_weights=1), "MXL_ERR_INVALID_ARGUMENT",
         "lrs", "(0.1, x)")
    _err(lambda: mx.nd.multi_sgd_update(w, mx.nd.ones((3, 2)), lrs=(0.1,), wds=(0,), num_weights=1),
         "MXL_ERR_SHAPE", "grad_0", "(3, 2)", "(2, 3)")
    _err(lambda: mx.nd.multi_mp_sgd_mom_update(w.astype("float16"), g.astype("float16"), w, w.astype("float16"),
                                               lrs=(0.1,), wds=(0,), num_weights=1),
         "MXL_ERR_DTYPE", "weight32_0", "float16", "float32")
    _err(lambda: mx.nd.preloaded_multi_sgd_update(w, g, mx.nd.ones((2,)), mx.nd.ones((1,)), num_weights=1),
         "MXL_ERR_SHAPE", "lrs", "num_weights = 1", "(2,)")
    _err(lambda: mx.nd.multi_sgd_update(w, g, lrs=(0.1,), wds=(0,), num_weights=0), "MXL_ERR_INVALID_ARGUMENT",
         "num_weights")
    _err(lambda: mx.nd.multi_lars(mx.nd.ones(3), mx.nd.ones(3), mx.nd.ones(3), mx.nd.ones(2), eta=1, eps=0),
         "MXL_ERR_SHAPE", "multi_lars", "wds")
    _err(lambda: mx.nd.multi_sum_sq(mx.nd.ones(3, dtype=np.int32)), "MXL_ERR_DTYPE", "multi_sum_sq", "int32")


def test_symbol_api_marks_states_as_auxiliary_and_runs():
    names = ["w0", "g0", "m0", "w1", "g1", "m1"]
    s = mx.sym.multi_sgd_mom_update(*[mx.sym.var(n) for n in names], lrs=(0.1, 0.2), wds=(0.0, 0.01),
                                    momentum=0.9, num_weights=2)
    assert s.list_auxiliary_states() == ["m0", "m1"]
    assert s.list_arguments() == ["w0", "g0", "w1", "g1"]
    assert len(s.list_outputs()) == 2
    shapes = {"w0": (2, 3), "g0": (2, 3), "w1": (4,), "g1": (4,)}
    args = {k: mx.nd.array(_u(v)) for k, v in shapes.items()}
    aux = {"m0": mx.nd.array(_u((2, 3))), "m1": mx.nd.array(_u((4,)))}
    ref = [args["w0"].copy(), args["g0"].copy(), aux["m0"].copy(), args["w1"].copy(), args["g1"].copy(),
           aux["m1"].copy()]
    ex = s.bind(mx.cpu(), args=args, aux_states=aux, grad_req="null")
    outs = ex.forward()
    mx.nd.multi_sgd_mom_update(*ref, lrs=(0.1, 0.2), wds=(0.0, 0.01), momentum=0.9, num_weights=2,
                               out=[ref[0], ref[3]])
    np.testing.assert_array_equal(outs[0].asnumpy(), ref[0].asnumpy())
    np.testing.assert_array_equal(outs[1].asnumpy(), ref[3].asnumpy())
    np.testing.assert_array_equal(aux["m1"].asnumpy(), ref[5].asnumpy())


# ------------------------------------------------------------------ SGD aggregation
def _params(dtype, n=6):
    shapes = [(3, 2), (4,), (2, 2, 2), (5,), (1, 3), (2,)][:n]
    return [mx.nd.array(_u(s), dtype=dtype) for s in shapes], [mx.nd.array(_u(s, lo=-3, hi=3), dtype=dtype)
                                                             for s in shapes]


@pytest.mark.parametrize("momentum,dtype,multi_precision", [(0.9, np.float32, False), (0.0, np.float32, False),
                                                            (0.9, np.float16, True), (0.0, np.float16, True),
                                                            (0.9, np.float64, False)])
def test_sgd_updater_aggregates_with_the_values_of_one_at_a_time(momentum, dtype, multi_precision, monkeypatch):
    import mxlite.optimizer.optimizer as opt_mod
    calls = []
    for name in ("_multi_sgd_update", "_multi_sgd_mom_update", "_multi_mp_sgd_update", "_multi_mp_sgd_mom_update"):
        real = getattr(opt_mod, name)
        monkeypatch.setattr(opt_mod, name, lambda *a, real=real, **k: (calls.append(real.name), real(*a, **k)))
    kw = dict(learning_rate=0.1, momentum=momentum, wd=0.01, rescale_grad=0.5, clip_gradient=0.8,
              multi_precision=multi_precision)
    agg, one = mx.optimizer.create("sgd", **kw), mx.optimizer.create("sgd", **kw)
    one.aggregate_num = 0
    assert agg.aggregate_num == 4
    for o in (agg, one):
        o.set_lr_mult({2: 0.5})
        o.set_wd_mult({4: 0.0})
    ua, uo = mx.optimizer.get_updater(agg), mx.optimizer.get_updater(one)
    wa, grads = _params(dtype)
    wo = [w.copy() for w in wa]
    idx = list(range(len(wa)))
    for _ in range(3):
        ua(idx, grads, wa)
        for i in idx:
            uo(i, grads[i], wo[i])
    for a, b in zip(wa, wo):
        assert a.dtype == np.dtype(dtype)
        np.testing.assert_array_equal(a.asnumpy(), b.asnumpy())
    want = "multi_" + ("mp_" if multi_precision else "") + ("sgd_mom_update" if momentum else "sgd_update")
    assert calls == [want] * 6  # 3 steps of 6 parameters: 4 + 2 per step


def test_sgd_aggregation_size_and_op_calls(monkeypatch):
    import mxlite.optimizer.optimizer as opt_mod
    calls = []
    real = opt_mod._multi_sgd_mom_update
    monkeypatch.setattr(opt_mod, "_multi_sgd_mom_update", lambda *a, **k: (calls.append(k["num_weights"]),
                                                                          real(*a, **k)))
    weights, grads = _params(np.float32)
    u = mx.optimizer.get_updater(mx.optimizer.create("sgd", learning_rate=0.1, momentum=0.9))
    u(list(range(6)), grads, weights)
    assert calls == [4, 2]  # MXNET_OPTIMIZER_AGGREGATION_SIZE defaults to 4
    monkeypatch.setenv("MXNET_OPTIMIZER_AGGREGATION_SIZE", "2")
    calls.clear()
    u = mx.optimizer.get_updater(mx.optimizer.create("sgd", learning_rate=0.1, momentum=0.9))
    u(list(range(6)), grads, weights)
    assert calls == [2, 2, 2]
    # NAG keeps its own update, one parameter at a time
    calls.clear()
    u = mx.optimizer.get_updater(mx.optimizer.create("nag", learning_rate=0.1, momentum=0.9))
    u(list(range(6)), grads, weights)
    assert calls == []


def test_sgd_aggregation_groups_by_dtype():
    w32, g32 = _params(np.float32, 3)
    w64, g64 = _params(np.float64, 3)
    weights, grads = [w32[0], w64[0], w32[1], w64[1], w32[2], w64[2]], [g32[0], g64[0], g32[1], g64[1], g32[2],
                                                                        g64[2]]
    ref = [w.copy() for w in weights]
    agg = mx.optimizer.create("sgd", learning_rate=0.1, momentum=0.5)
    one = mx.optimizer.create("sgd", learning_rate=0.1, momentum=0.5)
    one.aggregate_num = 0
    ua, uo = mx.optimizer.get_updater(agg), mx.optimizer.get_updater(one)
    for _ in range(2):
        ua(list(range(6)), grads, weights)
        uo(list(range(6)), grads, ref)
    for a, b in zip(weights, ref):
        assert a.dtype == b.dtype
        np.testing.assert_array_equal(a.asnumpy(), b.asnumpy())


# ------------------------------------------------------------------ GPU
_NUM_GPUS = mx.context.num_gpus()
gpu = pytest.mark.gpu
needs_gpu = pytest.mark.skipif(_NUM_GPUS == 0, reason="no GPU")


@gpu
@needs_gpu
@pytest.mark.parametrize("mom,mp,preloaded", KINDS, ids=[_multi_name(*k) for k in KINDS])
def test_gpu_multi_sgd_matches_cpu(mom, mp, preloaded):
    cpu = _groups(mom, mp)
    dev = [[x.as_in_context(mx.gpu(0)) for x in g] for g in cpu]
    params = {"rescale_grad": 0.5, "clip_gradient": 0.4}
    for _ in range(2):
        _run_multi(cpu, mom, mp, preloaded, **params)
        _run_multi(dev, mom, mp, preloaded, ctx=mx.gpu(0), **params)
    for gc, gd in zip(_np(cpu), _np(dev)):
        for a, b in zip(gc, gd):
            np.testing.assert_allclose(b.astype(np.float64), a.astype(np.float64), rtol=1e-6, atol=1e-7)


@gpu
@needs_gpu
@pytest.mark.parametrize("mp", [False, True])
def test_gpu_multi_adamw_matches_cpu(mp):
    cpu = _adamw_groups(mp)
    dev = [[x.as_in_context(mx.gpu(0)) for x in g] for g in cpu]
    name = "_multi_mp_adamw_update" if mp else "_multi_adamw_update"
    for groups, ctx in ((cpu, mx.cpu()), (dev, mx.gpu(0))):
        for rescale in (0.5, 0.0, 2.0):  # 0: a skipped step
            rs = mx.nd.array([rescale], ctx=ctx)
            getattr(mx.nd._internal, name)(*[x for g in groups for x in g], rs, lrs=LRS, wds=WDS, etas=ETAS,
                                           clip_gradient=1.0, num_weights=len(groups), out=[g[0] for g in groups])
    for gc, gd in zip(_np(cpu), _np(dev)):
        for a, b in zip(gc, gd):
            np.testing.assert_allclose(b.astype(np.float64), a.astype(np.float64), rtol=1e-6, atol=1e-7)


@gpu
@needs_gpu
def test_gpu_norms_flags_and_reset_match_cpu():
    arrays = [_u((300,)), _u((3, 7)), _u((5,), np.float16)]
    for ctx_arrays in ([mx.nd.array(x, dtype=x.dtype) for x in arrays],):
        cpu = mx.nd.multi_sum_sq(*ctx_arrays).asnumpy()
        dev = mx.nd.multi_sum_sq(*[x.as_in_context(mx.gpu(0)) for x in ctx_arrays]).asnumpy()
        np.testing.assert_allclose(dev, cpu, rtol=1e-6)
    bad = mx.nd.array([1.0, np.inf, 0.0], ctx=mx.gpu(0))
    ok = mx.nd.array(_u((1000,)), ctx=mx.gpu(0))
    assert mx.nd.multi_all_finite(ok, bad).asnumpy().tolist() == [0.0]
    assert mx.nd.all_finite(ok).asnumpy().tolist() == [1.0]
    flag = mx.nd.array([1.0], ctx=mx.gpu(0))
    mx.nd.all_finite(bad, init_output=False, out=flag)
    assert flag.asnumpy().tolist() == [0.0]
    mx.nd.reset_arrays(ok, bad, num_arrays=2)
    assert not ok.asnumpy().any() and not bad.asnumpy().any()
