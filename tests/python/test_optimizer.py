"""mx.optimizer and mx.lr_scheduler against NumPy implementations of the update rules
(written here from the algorithms' definitions), over several steps so that states
(momentum, moments, histories) carry over. Also the fused update ops' errors and flags."""
import math
import pickle

import numpy as np
import pytest

import mxlite as mx
from mxlite import _ops
from mxlite._lib import ffi, lib

RNG = np.random.RandomState(42)
SHAPE = (3, 4)


def _steps(n=4, shape=SHAPE, scale=2.0):
    return [RNG.uniform(-scale, scale, size=shape).astype(np.float32) for _ in range(n)]


def _run(opt, w0, grads, index=0):
    """Updates an mxlite weight with each gradient through get_updater; returns numpy."""
    updater = mx.optimizer.get_updater(opt)
    w = mx.nd.array(w0)
    for g in grads:
        updater(index, mx.nd.array(g), w)
    return w.asnumpy()


def _prep(g, rescale, clip):
    g = g.astype(np.float64) * rescale
    return np.clip(g, -clip, clip) if clip is not None else g


# ------------------------------------------------------------------ NumPy optimizers
def np_sgd(w, grads, lr, momentum=0.0, wd=0.0, rescale=1.0, clip=None):
    w = w.astype(np.float64)
    mom = np.zeros_like(w)
    for g in grads:
        step = _prep(g, rescale, clip) + wd * w
        if momentum:
            mom = momentum * mom - lr * step
            w = w + mom
        else:
            w = w - lr * step
    return w


def np_nag(w, grads, lr, momentum, wd=0.0, rescale=1.0, clip=None):
    w = w.astype(np.float64)
    mom = np.zeros_like(w)
    for g in grads:
        step = _prep(g, rescale, clip) + wd * w
        mom = momentum * mom - lr * step
        w = w + momentum * mom - lr * step  # look-ahead: the momentum applied twice
    return w


def np_adam(w, grads, lr, b1=0.9, b2=0.999, eps=1e-8, wd=0.0, rescale=1.0, clip=None):
    w = w.astype(np.float64)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t, g in enumerate(grads, 1):
        g = g.astype(np.float64) * rescale + wd * w
        if clip is not None:
            g = np.clip(g, -clip, clip)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat = m / (1 - b1 ** t)
        v_hat = v / (1 - b2 ** t)
        # MXNet folds the bias correction into lr, so epsilon is scaled with it.
        w = w - lr * m_hat / (np.sqrt(v_hat) + eps / math.sqrt(1 - b2 ** t))
    return w


def np_adagrad(w, grads, lr, eps=1e-7, wd=0.0, rescale=1.0, clip=None):
    w = w.astype(np.float64)
    h = np.zeros_like(w)
    for g in grads:
        g = _prep(g, rescale, clip)
        h += g * g
        w = w - lr * (g / np.sqrt(h + eps) + wd * w)
    return w


def np_rmsprop(w, grads, lr, g1=0.9, eps=1e-8, wd=0.0, rescale=1.0, clip=None, clip_w=None):
    w = w.astype(np.float64)
    n = np.zeros_like(w)
    for g in grads:
        g = g.astype(np.float64) * rescale + wd * w
        if clip is not None:
            g = np.clip(g, -clip, clip)
        n = g1 * n + (1 - g1) * g * g
        w = w - lr * g / np.sqrt(n + eps)
        if clip_w is not None:
            w = np.clip(w, -clip_w, clip_w)
    return w


def np_rmsprop_centered(w, grads, lr, g1=0.9, g2=0.9, eps=1e-8, wd=0.0):
    w = w.astype(np.float64)
    n = np.zeros_like(w)
    avg = np.zeros_like(w)
    delta = np.zeros_like(w)
    for g in grads:
        g = g.astype(np.float64) + wd * w
        n = g1 * n + (1 - g1) * g * g
        avg = g1 * avg + (1 - g1) * g
        delta = g2 * delta - lr * g / np.sqrt(n - avg * avg + eps)
        w = w + delta
    return w


def np_adadelta(w, grads, rho=0.9, eps=1e-5, wd=0.0, rescale=1.0, clip=None):
    w = w.astype(np.float64)
    acc_g = np.zeros_like(w)
    acc_d = np.zeros_like(w)
    for g in grads:
        g = _prep(g, rescale, clip)
        acc_g = rho * acc_g + (1 - rho) * g * g
        d = np.sqrt(acc_d + eps) / np.sqrt(acc_g + eps) * g
        acc_d = rho * acc_d + (1 - rho) * d * d
        w = w - d - wd * w
    return w


def np_ftrl(w, grads, lr, lamda1=0.01, beta=1.0, wd=0.0, rescale=1.0, clip=None):
    w = w.astype(np.float64)
    z = np.zeros_like(w)
    n = np.zeros_like(w)
    for g in grads:
        g = _prep(g, rescale, clip)
        sigma = (np.sqrt(n + g * g) - np.sqrt(n)) / lr
        z = z + g - sigma * w
        n = n + g * g
        w = np.where(np.abs(z) > lamda1,
                     -(z - np.sign(z) * lamda1) / ((beta + np.sqrt(n)) / lr + wd), 0.0)
    return w


def np_signum(w, grads, lr, momentum, wd=0.0, wd_lh=0.0, rescale=1.0, clip=None):
    w = w.astype(np.float64)
    m = np.zeros_like(w)
    for g in grads:
        m = momentum * m + (1 - momentum) * (_prep(g, rescale, clip) + wd * w)
        w = (1 - lr * wd_lh) * w - lr * np.sign(m)
    return w


def np_signsgd(w, grads, lr, wd=0.0):
    w = w.astype(np.float64)
    for g in grads:
        w = w - lr * (np.sign(g) + wd * w)
    return w


def np_ftml(w, grads, lr, b1=0.6, b2=0.999, eps=1e-8, wd=0.0):
    w = w.astype(np.float64)
    d = np.zeros_like(w)
    v = np.zeros_like(w)
    z = np.zeros_like(w)
    for t, g in enumerate(grads, 1):
        g = g.astype(np.float64) + wd * w
        v = b2 * v + (1 - b2) * g * g
        d_new = (1 - b1 ** t) / lr * (np.sqrt(v / (1 - b2 ** t)) + eps)
        z = b1 * z + (1 - b1) * g - (d_new - b1 * d) * w
        d = d_new
        w = -z / d
    return w


def _check(got, want, rtol=1e-5, atol=1e-6):
    np.testing.assert_allclose(got, want, rtol=rtol, atol=atol)


# ------------------------------------------------------------------ optimizers
W0 = RNG.uniform(-1, 1, size=SHAPE).astype(np.float32)


def test_sgd_plain_with_wd_rescale_clip():
    grads = _steps()
    opt = mx.optimizer.SGD(learning_rate=0.1, wd=0.01, rescale_grad=0.5, clip_gradient=0.4)
    _check(_run(opt, W0, grads), np_sgd(W0, grads, 0.1, wd=0.01, rescale=0.5, clip=0.4))


def test_sgd_momentum():
    grads = _steps(5)
    opt = mx.optimizer.create("sgd", learning_rate=0.05, momentum=0.9, wd=0.001)
    _check(_run(opt, W0, grads), np_sgd(W0, grads, 0.05, momentum=0.9, wd=0.001))


def test_sgd_default_learning_rate_is_0_01():
    opt = mx.optimizer.SGD()
    assert opt.learning_rate == 0.01
    grads = _steps(2)
    _check(_run(opt, W0, grads), np_sgd(W0, grads, 0.01))


def test_nag():
    grads = _steps(5)
    opt = mx.optimizer.NAG(learning_rate=0.05, momentum=0.9, wd=0.01, clip_gradient=1.0)
    _check(_run(opt, W0, grads), np_nag(W0, grads, 0.05, 0.9, wd=0.01, clip=1.0))


def test_nag_without_momentum_is_sgd():
    grads = _steps(3)
    _check(_run(mx.optimizer.NAG(learning_rate=0.1), W0, grads), np_sgd(W0, grads, 0.1))


def test_adam_bias_correction_over_steps():
    grads = _steps(6)
    opt = mx.optimizer.Adam(learning_rate=0.01, wd=0.001, rescale_grad=0.5, clip_gradient=0.8)
    _check(_run(opt, W0, grads), np_adam(W0, grads, 0.01, wd=0.001, rescale=0.5, clip=0.8),
           rtol=1e-5, atol=1e-6)


def test_adam_custom_betas():
    grads = _steps(4)
    opt = mx.optimizer.create("adam", learning_rate=0.1, beta1=0.5, beta2=0.9, epsilon=1e-3)
    _check(_run(opt, W0, grads), np_adam(W0, grads, 0.1, b1=0.5, b2=0.9, eps=1e-3))


def test_adagrad():
    grads = _steps(4)
    opt = mx.optimizer.AdaGrad(learning_rate=0.1, eps=1e-6, wd=0.01, clip_gradient=1.5)
    _check(_run(opt, W0, grads), np_adagrad(W0, grads, 0.1, eps=1e-6, wd=0.01, clip=1.5))


def test_rmsprop_with_clip_weights():
    grads = _steps(4)
    opt = mx.optimizer.RMSProp(learning_rate=0.05, gamma1=0.8, wd=0.01, clip_weights=0.9,
                               rescale_grad=2.0)
    _check(_run(opt, W0, grads),
           np_rmsprop(W0, grads, 0.05, g1=0.8, wd=0.01, rescale=2.0, clip_w=0.9))


def test_rmsprop_centered():
    grads = _steps(4)
    opt = mx.optimizer.RMSProp(learning_rate=0.01, gamma1=0.9, gamma2=0.8, centered=True,
                               wd=0.01, epsilon=1e-4)
    _check(_run(opt, W0, grads),
           np_rmsprop_centered(W0, grads, 0.01, g1=0.9, g2=0.8, eps=1e-4, wd=0.01), rtol=1e-4)


def test_adadelta_ignores_learning_rate():
    grads = _steps(4)
    opt = mx.optimizer.AdaDelta(rho=0.8, epsilon=1e-4, wd=0.01, learning_rate=123.0)
    _check(_run(opt, W0, grads), np_adadelta(W0, grads, rho=0.8, eps=1e-4, wd=0.01))


def test_ftrl():
    grads = _steps(4)
    opt = mx.optimizer.Ftrl(learning_rate=0.1, lamda1=0.05, beta=0.5, wd=0.01, rescale_grad=0.5)
    _check(_run(opt, W0, grads), np_ftrl(W0, grads, 0.1, lamda1=0.05, beta=0.5, wd=0.01,
                                          rescale=0.5))


def test_signum_and_signsgd():
    grads = _steps(4)
    opt = mx.optimizer.Signum(learning_rate=0.01, momentum=0.8, wd=0.01, wd_lh=0.1)
    _check(_run(opt, W0, grads), np_signum(W0, grads, 0.01, 0.8, wd=0.01, wd_lh=0.1))
    opt = mx.optimizer.Signum(learning_rate=0.01, momentum=0.0, wd=0.1)
    _check(_run(opt, W0, grads), np_signsgd(W0, grads, 0.01, wd=0.1))


def test_ftml():
    grads = _steps(4)
    opt = mx.optimizer.create("ftml", learning_rate=0.05, wd=0.01)
    _check(_run(opt, W0, grads), np_ftml(W0, grads, 0.05, wd=0.01), rtol=1e-4, atol=1e-5)


def test_float64_weights_update_in_float64():
    grads = [g.astype(np.float64) for g in _steps(3)]
    w = mx.nd.array(W0.astype(np.float64), dtype=np.float64)
    upd = mx.optimizer.get_updater(mx.optimizer.SGD(learning_rate=0.1, momentum=0.9))
    for g in grads:
        upd(0, mx.nd.array(g, dtype=np.float64), w)
    assert w.dtype == np.float64
    _check(w.asnumpy(), np_sgd(W0, grads, 0.1, momentum=0.9), rtol=1e-12, atol=1e-12)


def test_multi_precision_sgd_keeps_a_float32_master_copy():
    grads = _steps(5, scale=0.01)
    w16 = mx.nd.array(W0, dtype=np.float16)
    opt = mx.optimizer.SGD(learning_rate=0.1, momentum=0.9, multi_precision=True)
    upd = mx.optimizer.get_updater(opt)
    for g in grads:
        upd(0, mx.nd.array(g, dtype=np.float16), w16)
    mom, master = upd.states[0]
    assert master.dtype == np.float32 and mom.dtype == np.float32
    g16 = [g.astype(np.float16).astype(np.float32) for g in grads]
    want = np_sgd(W0.astype(np.float16).astype(np.float32), g16, 0.1, momentum=0.9)
    _check(master.asnumpy(), want, rtol=1e-5, atol=1e-6)
    assert w16.dtype == np.float16
    np.testing.assert_array_equal(w16.asnumpy(), master.asnumpy().astype(np.float16))


def test_multi_precision_adam_goes_through_the_master_copy():
    grads = _steps(3, scale=0.5)
    w16 = mx.nd.array(W0, dtype=np.float16)
    upd = mx.optimizer.get_updater(mx.optimizer.Adam(learning_rate=0.01, multi_precision=True))
    for g in grads:
        upd(0, mx.nd.array(g, dtype=np.float16), w16)
    master, (mean, var) = upd.states[0]
    assert master.dtype == np.float32 and mean.dtype == np.float32
    g16 = [g.astype(np.float16).astype(np.float32) for g in grads]
    want = np_adam(W0.astype(np.float16).astype(np.float32), g16, 0.01)
    _check(master.asnumpy(), want, rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(w16.asnumpy(), master.asnumpy().astype(np.float16))


def test_float16_without_multi_precision_warns():
    opt = mx.optimizer.SGD(momentum=0.9)
    with pytest.warns(UserWarning, match="multi_precision"):
        opt.create_state_multi_precision(0, mx.nd.zeros((2,), dtype=np.float16))


# ------------------------------------------------------------------ multipliers
def test_lr_mult_and_wd_mult_by_name():
    grads = _steps(2)
    opt = mx.optimizer.SGD(learning_rate=0.1, wd=0.1,
                           param_idx2name={0: "fc_weight", 1: "fc_bias", 2: "bn_gamma"})
    opt.set_lr_mult({"fc_weight": 0.5})
    # bias: wd multiplier 0 by default (name does not end in _weight / _gamma)
    assert opt._get_wd(1) == 0.0 and opt._get_wd(0) == pytest.approx(0.1)
    assert opt._get_wd(2) == pytest.approx(0.1)
    assert opt._get_lr(0) == pytest.approx(0.05) and opt._get_lr(1) == pytest.approx(0.1)
    _check(_run(opt, W0, grads, index=0), np_sgd(W0, grads, 0.05, wd=0.1))
    _check(_run(opt, W0, grads, index=1), np_sgd(W0, grads, 0.1, wd=0.0))
    opt.set_wd_mult({"fc_bias": 2.0, 2: 0.0})
    assert opt._get_wd(1) == pytest.approx(0.2) and opt._get_wd(2) == 0.0


def test_lr_mult_and_wd_mult_from_variable_attributes():
    w = mx.sym.Variable("w", lr_mult=0.25, wd_mult=3.0)
    net = mx.sym.FullyConnected(mx.sym.Variable("data"), weight=w, num_hidden=2, name="fc")
    args = net.list_arguments()
    opt = mx.optimizer.SGD(learning_rate=0.4, wd=0.01, sym=net,
                           param_idx2name=dict(enumerate(args)))
    i = args.index("w")
    assert opt._get_lr(i) == pytest.approx(0.1)
    assert opt._get_wd(i) == pytest.approx(0.03)
    assert opt._get_wd(args.index("fc_bias")) == 0.0
    # set_lr_mult replaces the explicit multipliers but keeps the symbol's as defaults
    opt.set_lr_mult({"fc_bias": 2.0})
    assert opt._get_lr(i) == pytest.approx(0.1)
    assert opt._get_lr(args.index("fc_bias")) == pytest.approx(0.8)


def test_param_dict_multipliers_take_precedence():
    class Param:
        lr_mult = 0.5
        wd_mult = 0.0

    opt = mx.optimizer.SGD(learning_rate=0.2, wd=0.1, param_dict={0: Param()})
    opt.set_lr_mult({0: 10.0})
    assert opt._get_lr(0) == pytest.approx(0.1) and opt._get_wd(0) == 0.0


# ------------------------------------------------------------------ schedulers
def test_factor_scheduler():
    s = mx.lr_scheduler.FactorScheduler(step=3, factor=0.5, base_lr=1.0, stop_factor_lr=0.1)
    got = [s(n) for n in range(1, 16)]
    want = [max(1.0 * 0.5 ** ((n - 1) // 3), 0.1) for n in range(1, 16)]
    np.testing.assert_allclose(got, want)


def test_multifactor_scheduler():
    s = mx.lr_scheduler.MultiFactorScheduler(step=[2, 5, 9], factor=0.1, base_lr=1.0)
    got = [s(n) for n in range(1, 12)]
    want = [1.0 * 0.1 ** sum(n > b for b in (2, 5, 9)) for n in range(1, 12)]
    np.testing.assert_allclose(got, want, rtol=1e-12)


def test_poly_scheduler_with_linear_warmup():
    s = mx.lr_scheduler.PolyScheduler(max_update=20, base_lr=0.5, pwr=2, final_lr=0.01,
                                      warmup_steps=5, warmup_begin_lr=0.1)
    for n in range(0, 25):
        if n < 5:
            want = 0.1 + (0.5 - 0.1) * n / 5
        elif n <= 20:
            want = 0.01 + (0.5 - 0.01) * (1 - (n - 5) / 15.0) ** 2
        else:
            want = 0.01
        assert s(n) == pytest.approx(want), n


def test_cosine_scheduler_with_constant_warmup():
    s = mx.lr_scheduler.CosineScheduler(max_update=10, base_lr=1.0, final_lr=0.1,
                                        warmup_steps=3, warmup_begin_lr=0.05,
                                        warmup_mode="constant")
    for n in range(0, 14):
        if n < 3:
            want = 0.05
        elif n <= 10:
            want = 0.1 + 0.9 * (1 + math.cos(math.pi * (n - 3) / 7.0)) / 2
        else:
            want = 0.1
        assert s(n) == pytest.approx(want), n


def test_scheduler_argument_errors():
    with pytest.raises(ValueError, match="step"):
        mx.lr_scheduler.FactorScheduler(step=0)
    with pytest.raises(ValueError, match="factor"):
        mx.lr_scheduler.FactorScheduler(step=2, factor=1.5)
    with pytest.raises(ValueError, match="increasing"):
        mx.lr_scheduler.MultiFactorScheduler(step=[3, 2])
    with pytest.raises(ValueError, match="warmup_mode"):
        mx.lr_scheduler.PolyScheduler(10, warmup_mode="cubic")
    with pytest.raises(ValueError, match="warmup_begin_lr"):
        mx.lr_scheduler.CosineScheduler(10, base_lr=0.1, warmup_begin_lr=0.5)
    with pytest.raises(ValueError, match="max_update"):
        mx.lr_scheduler.CosineScheduler(0)


def test_optimizer_follows_its_scheduler_per_update():
    sched = mx.lr_scheduler.FactorScheduler(step=2, factor=0.5, base_lr=0.4)
    opt = mx.optimizer.SGD(lr_scheduler=sched)
    grads = _steps(5)
    w = W0.astype(np.float64)
    for n, g in enumerate(grads, 1):
        w = w - 0.4 * 0.5 ** ((n - 1) // 2) * g
    _check(_run(opt, W0, grads), w)
    assert opt.num_update == 5
    assert opt.learning_rate == pytest.approx(0.4 * 0.5 ** 2)
    with pytest.raises(UserWarning, match="LRScheduler"):
        opt.set_learning_rate(0.1)


def test_learning_rate_overrides_scheduler_base_lr():
    sched = mx.lr_scheduler.FactorScheduler(step=10, base_lr=0.3)
    with pytest.warns(UserWarning, match="overwritten"):
        opt = mx.optimizer.SGD(learning_rate=0.7, lr_scheduler=sched)
    assert opt.learning_rate == pytest.approx(0.7)


def test_set_learning_rate():
    opt = mx.optimizer.SGD(learning_rate=0.1)
    opt.set_learning_rate(0.3)
    assert opt.learning_rate == 0.3


# ------------------------------------------------------------------ registry and updater
def test_create_by_name_is_case_insensitive():
    for name, cls in [("sgd", mx.optimizer.SGD), ("Adam", mx.optimizer.Adam), ("NAG", mx.optimizer.NAG),
                      ("adagrad", mx.optimizer.AdaGrad), ("rmsprop", mx.optimizer.RMSProp),
                      ("adadelta", mx.optimizer.AdaDelta), ("ftrl", mx.optimizer.Ftrl),
                      ("signum", mx.optimizer.Signum), ("ftml", mx.optimizer.FTML),
                      ("lamb", mx.optimizer.LAMB)]:
        assert type(mx.optimizer.create(name)) is cls
    assert mx.optimizer.Optimizer.create_optimizer("sgd", momentum=0.5).momentum == 0.5


def test_unknown_optimizer_is_a_clear_error():
    with pytest.raises(ValueError, match=r"Cannot find optimizer 'sgdd'.*sgd"):
        mx.optimizer.create("sgdd")
    with pytest.raises(TypeError):
        mx.optimizer.SGD(momentum=0.9, no_such_option=1)


def test_negative_clip_gradient_means_no_clipping():
    grads = _steps(2, scale=5.0)
    opt = mx.optimizer.SGD(learning_rate=0.1, clip_gradient=-1.0)
    assert opt.clip_gradient is None
    _check(_run(opt, W0, grads), np_sgd(W0, grads, 0.1))


def test_register_a_custom_optimizer():
    @mx.optimizer.register
    class HalfStep(mx.optimizer.Optimizer):
        def update(self, index, weight, grad, state):
            weight[:] = weight - 0.5 * self._get_lr(index) * grad

    opt = mx.optimizer.create("halfstep", learning_rate=1.0)
    w = mx.nd.array([1.0, 2.0])
    mx.optimizer.get_updater(opt)(0, mx.nd.array([2.0, 2.0]), w)
    np.testing.assert_allclose(w.asnumpy(), [0.0, 1.0])


def test_updater_lists_and_state_round_trip():
    opt = mx.optimizer.SGD(learning_rate=0.1, momentum=0.9)
    upd = mx.optimizer.get_updater(opt)
    ws = [mx.nd.array(W0), mx.nd.array(W0 * 2)]
    grads = _steps(2)
    upd([0, 1], [mx.nd.array(grads[0]), mx.nd.array(grads[1])], ws)
    assert set(upd.states) == {0, 1}
    blob = upd.get_states(dump_optimizer=True)
    # A fresh updater restored from the bytes continues identically.
    upd2 = mx.optimizer.get_updater(mx.optimizer.SGD())
    upd2.set_states(blob)
    assert upd2.optimizer.momentum == 0.9
    w_a, w_b = mx.nd.array(ws[0].asnumpy()), mx.nd.array(ws[0].asnumpy())
    g = mx.nd.array(grads[1])
    upd(0, g, w_a)
    upd2(0, g, w_b)
    np.testing.assert_allclose(w_a.asnumpy(), w_b.asnumpy(), rtol=1e-6)
    only_states = pickle.loads(upd.get_states())
    assert set(only_states) == {0, 1}


def test_update_counts_are_per_index():
    opt = mx.optimizer.Adam()
    upd = mx.optimizer.get_updater(opt)
    w = mx.nd.zeros((2,))
    for _ in range(3):
        upd(0, mx.nd.ones((2,)), w)
    upd(5, mx.nd.ones((2,)), mx.nd.zeros((2,)))
    assert opt._index_update_count == {0: 3, 5: 1}
    assert opt.num_update == 3


def test_optimizer_pickles_without_param_dict():
    opt = mx.optimizer.SGD(learning_rate=0.2, param_dict={0: object()})
    clone = pickle.loads(pickle.dumps(opt))
    assert clone.lr == 0.2 and clone.param_dict == {}


# ------------------------------------------------------------------ the fused ops
UPDATE_OPS = ["sgd_update", "sgd_mom_update", "mp_sgd_update", "mp_sgd_mom_update",
              "nag_mom_update", "mp_nag_mom_update", "adam_update", "rmsprop_update",
              "rmspropalex_update", "ftrl_update", "signsgd_update", "signum_update",
              "ftml_update", "_adagrad_update", "_adadelta_update", "lamb_update_phase1",
              "mp_lamb_update_phase1", "lamb_update_phase2", "mp_lamb_update_phase2",
              "_adamw_update", "_mp_adamw_update"]


def _flags(name):
    f = ffi.new("int*")
    lib.mxl_op_flags(_ops.get(name).handle, f)
    return f[0]


@pytest.mark.parametrize("name", UPDATE_OPS)
def test_update_ops_mutate_states_and_are_not_differentiable(name):
    flags = _flags(name)
    assert not flags & lib.MXL_OP_DIFFERENTIABLE
    stateless = name in ("sgd_update", "signsgd_update", "lamb_update_phase2")
    assert bool(flags & lib.MXL_OP_MUTATES_INPUTS) != stateless


def test_update_op_requires_lr():
    with pytest.raises(mx.MXNetError, match="lr"):
        mx.nd.sgd_update(mx.nd.ones((2,)), mx.nd.ones((2,)))


def test_update_op_shape_mismatch():
    with pytest.raises(mx.MXNetError, match="sgd_mom_update"):
        mx.nd.sgd_mom_update(mx.nd.ones((2, 3)), mx.nd.ones((3, 2)), mx.nd.zeros((2, 3)), lr=0.1)


def test_update_op_parameter_ranges():
    with pytest.raises(mx.MXNetError, match="momentum"):
        mx.nd.sgd_mom_update(mx.nd.ones((2,)), mx.nd.ones((2,)), mx.nd.zeros((2,)), lr=0.1,
                             momentum=1.5)
    with pytest.raises(mx.MXNetError, match="beta1"):
        mx.nd.adam_update(mx.nd.ones((2,)), mx.nd.ones((2,)), mx.nd.zeros((2,)),
                          mx.nd.zeros((2,)), lr=0.1, beta1=-0.1)
    with pytest.raises(mx.MXNetError, match="t"):
        mx.nd.ftml_update(*[mx.nd.ones((2,))] * 5, lr=0.1, t=0)


def test_update_op_dtype_rules():
    with pytest.raises(mx.MXNetError, match="float"):
        mx.nd.sgd_update(mx.nd.ones((2,), dtype=np.int32), mx.nd.ones((2,), dtype=np.int32), lr=0.1)
    with pytest.raises(mx.MXNetError):
        # mp_*: weight32 must be float32
        mx.nd.mp_sgd_update(mx.nd.ones((2,), dtype=np.float16), mx.nd.ones((2,), dtype=np.float16),
                            mx.nd.ones((2,), dtype=np.float16), lr=0.1)


def test_clip_gradient_zero_clips_to_zero_and_negative_is_off():
    w = np.array([1.0, -2.0], np.float32)
    g = np.array([3.0, -4.0], np.float32)
    out = mx.nd.sgd_update(mx.nd.array(w), mx.nd.array(g), lr=0.1, clip_gradient=0.0)
    np.testing.assert_allclose(out.asnumpy(), w)
    out = mx.nd.sgd_update(mx.nd.array(w), mx.nd.array(g), lr=0.1, clip_gradient=-1.0)
    np.testing.assert_allclose(out.asnumpy(), w - 0.1 * g, rtol=1e-6)


def test_large_update_runs_threaded_and_matches():
    n = 300_000  # above the kernels' parallel threshold
    w0 = RNG.uniform(-1, 1, n).astype(np.float32)
    grads = [RNG.uniform(-1, 1, n).astype(np.float32) for _ in range(3)]
    opt = mx.optimizer.Adam(learning_rate=0.01, wd=0.001)
    _check(_run(opt, w0, grads), np_adam(w0, grads, 0.01, wd=0.001), rtol=1e-4, atol=1e-6)


def test_updates_are_ordered_by_the_engine():
    # Many lazy updates, then one read: every update must see the previous one's
    # weight and momentum.
    opt = mx.optimizer.SGD(learning_rate=0.01, momentum=0.9)
    upd = mx.optimizer.get_updater(opt)
    w = mx.nd.array(W0)
    g_np = _steps(1)[0]
    g = mx.nd.array(g_np)
    for _ in range(50):
        upd(0, g, w)
    _check(w.asnumpy(), np_sgd(W0, [g_np] * 50, 0.01, momentum=0.9), rtol=1e-4, atol=1e-5)


def test_multi_precision_nag_uses_the_fused_mp_op():
    grads = _steps(4, scale=0.01)
    w16 = mx.nd.array(W0, dtype=np.float16)
    upd = mx.optimizer.get_updater(mx.optimizer.NAG(learning_rate=0.1, momentum=0.9, wd=0.01,
                                                    multi_precision=True))
    for g in grads:
        upd(0, mx.nd.array(g, dtype=np.float16), w16)
    mom, master = upd.states[0]
    g16 = [g.astype(np.float16).astype(np.float32) for g in grads]
    want = np_nag(W0.astype(np.float16).astype(np.float32), g16, 0.1, 0.9, wd=0.01)
    _check(master.asnumpy(), want, rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(w16.asnumpy(), master.asnumpy().astype(np.float16))


def test_lr_mult_by_index():
    opt = mx.optimizer.SGD(learning_rate=1.0)
    opt.set_lr_mult({3: 0.1})
    opt.set_wd_mult({3: 0.5})
    opt.wd = 0.2
    assert opt._get_lr(3) == pytest.approx(0.1) and opt._get_lr(4) == 1.0
    assert opt._get_wd(3) == pytest.approx(0.1) and opt._get_wds([3, 4]) == [pytest.approx(0.1), 0.2]


def test_updater_restored_states_are_moved_to_the_weight_context():
    upd = mx.optimizer.get_updater(mx.optimizer.Adam())
    w = mx.nd.ones((2,))
    upd(0, mx.nd.ones((2,)), w)
    upd2 = mx.optimizer.get_updater(mx.optimizer.Adam())
    upd2.set_states(upd.get_states())
    assert upd2.states_synced == {0: False}
    upd2(0, mx.nd.ones((2,)), mx.nd.ones((2,)))
    assert upd2.states_synced == {0: True}
    mean, var = upd2.states[0]
    assert mean.context == w.context


def test_updater_rejects_non_arrays():
    upd = mx.optimizer.get_updater(mx.optimizer.SGD())
    with pytest.raises(TypeError, match="NDArray"):
        upd(0, np.ones(2), mx.nd.ones((2,)))
    with pytest.raises(TypeError, match="Optimizer"):
        mx.optimizer.get_updater("sgd")


def np_lamb(w, grads, lr, b1=0.9, b2=0.999, eps=1e-6, wd=0.0, lower=None, upper=None,
            bias_correction=True):
    w = w.astype(np.float64)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t, g in enumerate(grads, 1):
        g = g.astype(np.float64)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        mh, vh = (m / (1 - b1 ** t), v / (1 - b2 ** t)) if bias_correction else (m, v)
        direction = mh / (np.sqrt(vh) + eps) + wd * w
        r1, r2 = np.linalg.norm(w), np.linalg.norm(direction)
        if lower:
            r1 = max(r1, lower)
        if upper:
            r1 = min(r1, upper)
        trust = r1 / r2 if r1 and r2 else 1.0
        w = w - lr * trust * direction
    return w


def test_lamb_trust_ratio_over_steps():
    grads = _steps(4)
    opt = mx.optimizer.create("lamb", learning_rate=0.01, wd=0.01)
    _check(_run(opt, W0, grads), np_lamb(W0, grads, 0.01, wd=0.01), rtol=1e-5, atol=1e-6)
    opt = mx.optimizer.LAMB(learning_rate=0.05, lower_bound=0.5, upper_bound=1.0,
                            bias_correction=False)
    _check(_run(opt, W0, grads),
           np_lamb(W0, grads, 0.05, lower=0.5, upper=1.0, bias_correction=False), rtol=1e-5,
           atol=1e-6)


def test_lamb_multi_precision():
    grads = _steps(3, scale=0.5)
    w16 = mx.nd.array(W0, dtype=np.float16)
    upd = mx.optimizer.get_updater(mx.optimizer.LAMB(learning_rate=0.01, multi_precision=True))
    for g in grads:
        upd(0, mx.nd.array(g, dtype=np.float16), w16)
    master, _ = upd.states[0]
    g16 = [g.astype(np.float16).astype(np.float32) for g in grads]
    _check(master.asnumpy(), np_lamb(W0.astype(np.float16).astype(np.float32), g16, 0.01),
           rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(w16.asnumpy(), master.asnumpy().astype(np.float16))


def test_adamw_op_skips_the_step_for_a_bad_rescale():
    w = mx.nd.array([1.0, -2.0])
    mean = mx.nd.array([0.5, 0.5])
    for bad in (0.0, float("nan"), float("inf")):
        out = mx.nd._internal._adamw_update(w, mx.nd.ones((2,)), mean, mx.nd.ones((2,)),
                                            mx.nd.array([bad]), lr=0.1, eta=1.0, wd=0.1)
        np.testing.assert_array_equal(out.asnumpy(), [1.0, -2.0])
        np.testing.assert_array_equal(mean.asnumpy(), [0.5, 0.5])
    with pytest.raises(mx.MXNetError, match="one element"):
        mx.nd._internal._adamw_update(w, w, w, w, mx.nd.ones((2,)), lr=0.1, eta=1.0)


def test_boolean_and_integer_hyper_parameters_keep_their_types():
    # bias_correction=True and t=1 must not be confused (True == 1 in Python).
    opt = mx.optimizer.LAMB(bias_correction=True)
    upd = mx.optimizer.get_updater(opt)
    w = mx.nd.ones((3,))
    upd(0, mx.nd.ones((3,)), w)
    upd(0, mx.nd.ones((3,)), w)
    assert np.isfinite(w.asnumpy()).all()
