"""The fused RNN operator beyond the conformance cases: values against the NumPy reference
(tests/conformance/reference/cases_rnn.py, itself checked against MXNet 1.9.1) over every mode,
layer count, direction and dtype; gradients of every input against finite differences; the
symbol API (the parameter vector's length inferred for simple_bind); the parameters not
supported yet; bad input; and the GPU kernels against the CPU."""
import numpy as np
import pytest

import mxlite as mx
import op_cases  # noqa: F401  (puts tests/conformance on sys.path)
from reference.cases_rnn import param_size, rnn as rnn_reference

MODES = ["rnn_relu", "rnn_tanh", "lstm", "gru"]


def _inputs(mode, T, N, n_in, h, layers, bidirectional, dtype=np.float64, seed=0, projection_size=None):
    rng = np.random.RandomState(seed)
    d = 2 if bidirectional else 1
    xs = [rng.uniform(-1, 1, (T, N, n_in)),
          rng.uniform(-0.7, 0.7, param_size(mode, n_in, h, layers, bidirectional, projection_size)),
          rng.uniform(-1, 1, (layers * d, N, projection_size or h))]
    if mode == "lstm":
        xs.append(rng.uniform(-1, 1, (layers * d, N, h)))
    return [x.astype(dtype) for x in xs]


def _params(mode, h, layers, bidirectional, **kw):
    return dict(kw, mode=mode, state_size=h, num_layers=layers, bidirectional=bidirectional)


def _as_list(v):
    return v if isinstance(v, list) else [v]


def _check_values_and_gradients(xs, p, seed, extra=()):
    """float64 outputs against the reference, and the gradients of every differentiable
    input (xs) against its finite differences; extra: inputs that get none (lengths).
    Returns the gradients."""
    refs = _as_list(rnn_reference(*xs, *extra, **p))
    rng = np.random.RandomState(seed)
    heads = [rng.uniform(-1, 1, r.shape) for r in refs]
    arrays = [mx.nd.array(x, dtype=np.float64) for x in xs]
    for a in arrays:
        a.attach_grad()
    with mx.autograd.record():
        outs = _as_list(mx.nd.RNN(*arrays, *[mx.nd.array(e, dtype=e.dtype) for e in extra], **p))
    for o, r in zip(outs, refs):
        np.testing.assert_allclose(o.asnumpy(), r, rtol=1e-12, atol=1e-12)
    mx.autograd.backward(outs, [mx.nd.array(h, dtype=np.float64) for h in heads])
    expected = _finite_difference(lambda *v: rnn_reference(*v, *extra, **p), [x.copy() for x in xs], heads)
    for name, a, e in zip(["data", "parameters", "state", "state_cell"], arrays, expected):
        np.testing.assert_allclose(a.grad.asnumpy(), e, rtol=1e-6, atol=1e-7, err_msg=name)
    return [a.grad.asnumpy() for a in arrays]


# ------------------------------------------------------------------ values
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("layers,bidirectional", [(1, False), (1, True), (2, False), (3, True)])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_values_match_the_reference(mode, layers, bidirectional, dtype):
    xs = _inputs(mode, 4, 3, 5, 3, layers, bidirectional, dtype, seed=layers)
    p = _params(mode, 3, layers, bidirectional, state_outputs=True)
    outs = mx.nd.RNN(*[mx.nd.array(x, dtype=dtype) for x in xs], **p)
    refs = rnn_reference(*xs, **p)
    assert len(outs) == (3 if mode == "lstm" else 2)
    d = 2 if bidirectional else 1
    assert outs[0].shape == (4, 3, d * 3) and outs[1].shape == (layers * d, 3, 3)
    tol = 1e-5 if dtype == np.float32 else 1e-12
    for o, r in zip(outs, refs):
        assert o.dtype == dtype
        np.testing.assert_allclose(o.asnumpy(), r, rtol=tol, atol=tol)


def test_one_output_without_state_outputs_and_final_state_is_the_last_step():
    xs = _inputs("gru", 5, 2, 3, 4, 1, False, np.float32)
    out = mx.nd.RNN(*[mx.nd.array(x) for x in xs], **_params("gru", 4, 1, False))
    assert isinstance(out, mx.nd.NDArray) and out.shape == (5, 2, 4)
    _, hy = mx.nd.RNN(*[mx.nd.array(x) for x in xs], **_params("gru", 4, 1, False, state_outputs=True))
    np.testing.assert_array_equal(hy.asnumpy()[0], out.asnumpy()[-1])


def test_bidirectional_final_states_are_the_first_step_for_the_reverse_direction():
    xs = _inputs("rnn_tanh", 4, 2, 3, 2, 1, True, np.float32)
    out, hy = mx.nd.RNN(*[mx.nd.array(x) for x in xs], **_params("rnn_tanh", 2, 1, True, state_outputs=True))
    np.testing.assert_array_equal(hy.asnumpy()[0], out.asnumpy()[-1, :, :2])
    np.testing.assert_array_equal(hy.asnumpy()[1], out.asnumpy()[0, :, 2:])


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("length_dtype", [np.int32, np.float32, np.int64])
def test_sequence_lengths_stop_each_sample(mode, length_dtype):
    xs = _inputs(mode, 5, 4, 3, 2, 2, True, np.float32, seed=9)
    lengths = np.array([5, 3, 1, 0])
    p = _params(mode, 2, 2, True, state_outputs=True, use_sequence_length=True)
    outs = mx.nd.RNN(*[mx.nd.array(x) for x in xs], mx.nd.array(lengths, dtype=length_dtype), **p)
    refs = rnn_reference(*xs, lengths, **p)
    for o, r in zip(outs, refs):
        np.testing.assert_allclose(o.asnumpy(), r, rtol=1e-5, atol=1e-5)
    y = outs[0].asnumpy()
    assert not y[3:, 1].any() and not y[1:, 2].any() and not y[:, 3].any()
    # A sample of length 3 gives what its first 3 steps alone give, final states included
    # (the reverse direction starts at step 2).
    alone = mx.nd.RNN(*[mx.nd.array(v) for v in [xs[0][:3, 1:2], xs[1]] + [st[:, 1:2] for st in xs[2:]]],
                      **_params(mode, 2, 2, True, state_outputs=True))
    np.testing.assert_allclose(y[:3, 1:2], alone[0].asnumpy(), rtol=1e-5, atol=1e-6)
    for o, a in zip(outs[1:], alone[1:]):
        np.testing.assert_allclose(o.asnumpy()[:, 1:2], a.asnumpy(), rtol=1e-5, atol=1e-6)


def test_sequence_length_symbol_argument():
    s = mx.sym.RNN(mx.sym.var("data"), mode="gru", state_size=2, num_layers=1, use_sequence_length=True, name="r")
    assert s.list_arguments() == ["data", "r_parameters", "r_state", "r_sequence_length"]
    assert s.infer_shape(data=(3, 2, 4))[0] == [(3, 2, 4), (48,), (1, 2, 2), (2,)]
    assert s.infer_type(data=np.float32)[0] == [np.float32] * 4


@pytest.mark.parametrize("layers,bidirectional", [(1, False), (2, True)])
def test_lstm_projection_values_and_gradients(layers, bidirectional):
    """LSTMP: forward values as MXNet 1.9.1 computes them (see cases_rnn.py); MXNet's CPU has no LSTMP
    backward, so the gradients are checked against finite differences."""
    xs = _inputs("lstm", 3, 2, 3, 3, layers, bidirectional, seed=21, projection_size=2)
    p = _params("lstm", 3, layers, bidirectional, state_outputs=True, projection_size=2)
    d = 2 if bidirectional else 1
    assert [r.shape for r in rnn_reference(*xs, **p)] == [(3, 2, 2 * d), (layers * d, 2, 2), (layers * d, 2, 3)]
    _check_values_and_gradients(xs, p, seed=6)


@pytest.mark.parametrize("projection_size", [None, 2])
def test_lstm_state_clip_values_and_gradients(projection_size):
    xs = _inputs("lstm", 4, 3, 3, 3, 2, True, seed=31, projection_size=projection_size)
    xs[3] *= 3  # initial cell states well outside the bounds
    p = _params("lstm", 3, 2, True, state_outputs=True, projection_size=projection_size,
                lstm_state_clip_min=-0.4, lstm_state_clip_max=0.3)
    cy = rnn_reference(*xs, **p)[2]
    assert cy.min() >= -0.4 and cy.max() <= 0.3
    _check_values_and_gradients(xs, p, seed=8)


def test_lstm_state_clip_nan():
    xs = [mx.nd.array(x) for x in _inputs("lstm", 2, 1, 2, 2, 1, False, np.float32, seed=2)]
    xs[3][:] = np.nan
    p = _params("lstm", 2, 1, False, state_outputs=True, lstm_state_clip_min=-0.5, lstm_state_clip_max=0.5)
    assert np.isnan(mx.nd.RNN(*xs, **p)[2].asnumpy()).all()
    # With lstm_state_clip_nan a NaN cell state becomes the minimum; the inputs here give f * NaN = NaN.
    cy = mx.nd.RNN(*xs, **dict(p, lstm_state_clip_nan=True))[2].asnumpy()
    assert not np.isnan(cy).any() and cy.min() >= -0.5 and cy.max() <= 0.5


def test_lstm_projection_symbol_shapes():
    s = mx.sym.RNN(mx.sym.var("data"), mode="lstm", state_size=4, projection_size=2, num_layers=2,
                   bidirectional=True, state_outputs=True, name="r")
    args, outs, _ = s.infer_shape(data=(3, 2, 3))
    # MXNet 1.9.1: 512 = per direction 16 * 3 + 16 * 2 + 2 * 4 (layer 0), 16 * 4 + 16 * 2 + 2 * 4 (layer 1),
    # then 2 * 2 * 32 biases.
    assert args == [(3, 2, 3), (512,), (4, 2, 2), (4, 2, 4)]
    assert outs == [(3, 2, 4), (4, 2, 2), (4, 2, 4)]


def test_float16_computes_in_float():
    xs = _inputs("lstm", 3, 2, 3, 4, 2, True, np.float16)
    p = _params("lstm", 4, 2, True, state_outputs=True)
    outs = mx.nd.RNN(*[mx.nd.array(x, dtype=np.float16) for x in xs], **p)
    refs = rnn_reference(*[x.astype(np.float64) for x in xs], **p)
    for o, r in zip(outs, refs):
        assert o.dtype == np.float16
        np.testing.assert_allclose(o.asnumpy().astype(np.float64), r, atol=3e-3)


def test_dropout_is_the_identity_at_inference_and_refused_in_training():
    xs = [mx.nd.array(x) for x in _inputs("lstm", 3, 2, 3, 2, 2, False, np.float32)]
    base = mx.nd.RNN(*xs, **_params("lstm", 2, 2, False)).asnumpy()
    np.testing.assert_array_equal(mx.nd.RNN(*xs, **_params("lstm", 2, 2, False, p=0.5)).asnumpy(), base)
    with mx.autograd.record(train_mode=True):
        with pytest.raises(mx.base.MXNetError,
                           match=r"RNN: dropout between layers \(p=0.5\) in training is not supported"):
            mx.nd.RNN(*xs, **_params("lstm", 2, 2, False, p=0.5)).asnumpy()


def test_zero_state_size_and_layers_are_refused():
    xs = [mx.nd.ones((2, 1, 3)), mx.nd.ones((8,)), mx.nd.ones((1, 1, 1))]
    with pytest.raises(mx.base.MXNetError, match="state_size"):
        mx.nd.RNN(*xs, mode="rnn_tanh", state_size=0, num_layers=1)
    with pytest.raises(mx.base.MXNetError, match="num_layers"):
        mx.nd.RNN(*xs, mode="rnn_tanh", state_size=1, num_layers=0)


# --------------------------------------------------------------- gradients
def _finite_difference(f, xs, heads, eps=1e-6):
    grads = []
    for i, x in enumerate(xs):
        g = np.zeros_like(x)
        for k in range(x.size):
            saved = x.flat[k]
            x.flat[k] = saved + eps
            up = sum((o * h).sum() for o, h in zip(_as_list(f(*xs)), heads))
            x.flat[k] = saved - eps
            down = sum((o * h).sum() for o, h in zip(_as_list(f(*xs)), heads))
            x.flat[k] = saved
            g.flat[k] = (up - down) / (2 * eps)
        grads.append(g)
    return grads


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("state_outputs", [False, True])
def test_gradients_of_every_input_match_finite_differences(mode, state_outputs):
    xs = _inputs(mode, 3, 2, 3, 2, 2, True, seed=7)
    _check_values_and_gradients(xs, _params(mode, 2, 2, True, state_outputs=state_outputs), seed=1)


@pytest.mark.parametrize("mode", MODES)
def test_gradients_with_sequence_lengths_match_finite_differences(mode):
    xs = _inputs(mode, 4, 3, 2, 2, 2, True, seed=5)
    p = _params(mode, 2, 2, True, state_outputs=True, use_sequence_length=True)
    grads = _check_values_and_gradients(xs, p, seed=4, extra=[np.array([2, 4, 0], np.int32)])
    assert not grads[0][2:, 0].any() and not grads[0][:, 2].any()  # no gradient past a sequence's end


def test_unused_state_outputs_get_zero_gradient():
    xs = _inputs("lstm", 3, 2, 3, 2, 1, False, seed=3)
    p = _params("lstm", 2, 1, False, state_outputs=True)
    arrays = [mx.nd.array(x, dtype=np.float64) for x in xs]
    for a in arrays:
        a.attach_grad()
    with mx.autograd.record():
        out, _, _ = mx.nd.RNN(*arrays, **p)
        loss = (out * out).sum()
    loss.backward()
    p1 = _params("lstm", 2, 1, False)
    expected = _finite_difference(lambda *v: rnn_reference(*v, **p1), [x.copy() for x in xs],
                                  [2 * rnn_reference(*xs, **p1)])
    for a, e in zip(arrays, expected):
        np.testing.assert_allclose(a.grad.asnumpy(), e, rtol=1e-6, atol=1e-7)


# ------------------------------------------------------------------ symbols
def test_symbol_infers_the_parameter_vector_and_binds():
    data = mx.sym.var("data")
    s = mx.sym.RNN(data, mx.sym.var("parameters"), mx.sym.var("state"), mx.sym.var("state_cell"), state_size=4,
                   num_layers=2, mode="lstm", bidirectional=True, state_outputs=True, name="rnn")
    assert s.list_arguments() == ["data", "parameters", "state", "state_cell"]
    assert s.list_outputs() == ["rnn_output", "rnn_state_output", "rnn_statecell_output"]
    args, outs, _ = s.infer_shape(data=(5, 2, 3))
    # MXNet 1.9.1 infers 736: 2 * 16 * (3 + 4) + 2 * 16 * (8 + 4) weights, 2 * 2 * 2 * 16 biases.
    assert args == [(5, 2, 3), (736,), (4, 2, 4), (4, 2, 4)]
    assert outs == [(5, 2, 8), (4, 2, 4), (4, 2, 4)]
    exe = s.simple_bind(mx.cpu(), data=(5, 2, 3))
    xs = _inputs("lstm", 5, 2, 3, 4, 2, True, np.float32)
    for name, x in zip(["data", "parameters", "state", "state_cell"], xs):
        exe.arg_dict[name][:] = x
    outs = exe.forward(is_train=True)
    refs = rnn_reference(*xs, **_params("lstm", 4, 2, True, state_outputs=True))
    for o, r in zip(outs, refs):
        np.testing.assert_allclose(o.asnumpy(), r, rtol=1e-5, atol=1e-5)
    exe.backward([mx.nd.ones(o.shape) for o in outs])
    assert exe.grad_dict["parameters"].shape == (736,)
    # The executor's gradients are autograd's.
    arrays = [mx.nd.array(x) for x in xs]
    for a in arrays:
        a.attach_grad()
    with mx.autograd.record():
        got = mx.nd.RNN(*arrays, **_params("lstm", 4, 2, True, state_outputs=True))
    mx.autograd.backward(got, [mx.nd.ones(o.shape) for o in got])
    for name, a in zip(["data", "parameters", "state", "state_cell"], arrays):
        np.testing.assert_allclose(exe.grad_dict[name].asnumpy(), a.grad.asnumpy(), rtol=1e-5, atol=1e-6)


def test_symbol_without_state_cell_for_other_modes():
    s = mx.sym.RNN(mx.sym.var("data"), mx.sym.var("parameters"), mx.sym.var("state"), state_size=4, num_layers=1,
                   mode="gru", name="rnn")
    assert s.list_arguments() == ["data", "parameters", "state"] and s.list_outputs() == ["rnn_output"]
    args, outs, _ = s.infer_shape(data=(5, 2, 3))
    assert args == [(5, 2, 3), (108,), (1, 2, 4)] and outs == [(5, 2, 4)]


# ------------------------------------------------------------------- errors
def _tanh_inputs(data=(3, 2, 4), params=16, state=(1, 2, 2), dtype=np.float32):
    return [mx.nd.ones(data, dtype=dtype), mx.nd.ones((params,), dtype=dtype), mx.nd.ones(state, dtype=dtype)]


@pytest.mark.parametrize("kw,inputs,match", [
    ({}, _tanh_inputs(params=7), r"RNN: parameters shape expected \(16,\), got \(7,\)"),
    ({}, _tanh_inputs(data=(3, 8)), r"RNN: data must be 3-D .*got shape \(3, 8\)"),
    ({}, _tanh_inputs(state=(1, 3, 2)), r"RNN: state shape expected \(1, 2, 2\), got \(1, 3, 2\)"),
    ({}, _tanh_inputs(state=(2, 2)), r"RNN: state must be 3-D \(num_layers \* directions = 1, batch_size, "
                                     r"state_size = 2\), got shape \(2, 2\)"),
    ({}, _tanh_inputs(dtype=np.int32), "RNN: expected data of dtype float32, float64 or float16, got int32"),
    ({"use_sequence_length": True}, _tanh_inputs() + [mx.nd.array([3, 4])],
     r"RNN: sequence_length\[1\] = 4 is out of range \(expected 0 <= sequence_length <= 3"),
    ({"use_sequence_length": True}, _tanh_inputs() + [mx.nd.array([[3, 2]])],
     r"RNN: sequence_length must be 1-D \(batch_size,\), got shape \(1, 2\)"),
    ({"use_sequence_length": True}, _tanh_inputs(), r"RNN: expected 4 input\(s\) \(data, parameters, state, "
                                                    r"sequence_length\), got 3"),
    ({"projection_size": 1}, _tanh_inputs(), "RNN: projection_size applies to mode='lstm' only, got "
                                             "mode='rnn_tanh'"),
    ({"mode": "lstm", "projection_size": 1, "use_sequence_length": True},
     _tanh_inputs(params=58, state=(1, 2, 1)) + [mx.nd.ones((1, 2, 2)), mx.nd.array([3, 3])],
     "RNN: use_sequence_length together with projection_size is not supported yet"),
    ({"mode": "lstm", "projection_size": 1}, _tanh_inputs(params=58) + [mx.nd.ones((1, 2, 2))],
     r"RNN: state shape expected \(1, 2, 1\), got \(1, 2, 2\)"),
    ({"mode": "lstm", "lstm_state_clip_max": 1.0}, _tanh_inputs(params=64) + [mx.nd.ones((1, 2, 2))],
     r"RNN: lstm_state_clip_min and lstm_state_clip_max must be given together \(got only lstm_state_clip_max\)"),
    ({"lstm_state_clip_min": -1.0, "lstm_state_clip_max": 1.0}, _tanh_inputs(),
     "RNN: lstm_state_clip_min/max apply to mode='lstm' only, got mode='rnn_tanh'"),
    ({"mode": "tanh"}, _tanh_inputs(), r"RNN: parameter 'mode' expects \{'gru', 'lstm', 'rnn_relu', 'rnn_tanh'\}, "
                                       "got 'tanh'"),
])
def test_bad_input_is_named(kw, inputs, match):
    p = dict({"mode": "rnn_tanh", "state_size": 2, "num_layers": 1}, **kw)
    with pytest.raises(mx.base.MXNetError, match=match):
        mx.nd.RNN(*inputs, **p).asnumpy()


def test_mixed_dtypes_are_refused():
    xs = _tanh_inputs()
    xs[1] = mx.nd.ones((16,), dtype=np.float64)
    with pytest.raises(mx.base.MXNetError, match="RNN: .*parameters.*float64"):
        mx.nd.RNN(*xs, mode="rnn_tanh", state_size=2, num_layers=1)


# ---------------------------------------------------------------------- GPU
# (skipped without one; test_gpu.py also compares the conformance cases with the CPU)
gpu = pytest.mark.gpu
needs_gpu = pytest.mark.skipif(mx.context.num_gpus() == 0, reason="no GPU")


def _run(ctx, mode, xs, p, heads, dtype):
    arrays = [mx.nd.array(x, ctx=ctx, dtype=dtype) for x in xs]
    for a in arrays:
        a.attach_grad()
    with mx.autograd.record():
        outs = _as_list(mx.nd.RNN(*arrays, **p))
    mx.autograd.backward(outs, [mx.nd.array(h, ctx=ctx, dtype=dtype) for h in heads])
    return [o.asnumpy() for o in outs], [a.grad.asnumpy() for a in arrays]


@gpu
@needs_gpu
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.float16])
def test_gpu_matches_cpu(mode, dtype):
    xs = _inputs(mode, 4, 3, 3, 3, 2, True, seed=11)
    p = _params(mode, 3, 2, True, state_outputs=True)
    rng = np.random.RandomState(2)
    heads = [rng.uniform(-1, 1, r.shape) for r in rnn_reference(*xs, **p)]
    cpu_outs, cpu_grads = _run(mx.cpu(), mode, xs, p, heads, dtype)
    gpu_outs, gpu_grads = _run(mx.gpu(0), mode, xs, p, heads, dtype)
    tol = {np.float16: 2e-2, np.float32: 1e-5, np.float64: 1e-12}[dtype]
    for c, g in zip(cpu_outs + cpu_grads, gpu_outs + gpu_grads):
        assert g.dtype == dtype
        np.testing.assert_allclose(g.astype(np.float64), c.astype(np.float64), rtol=tol, atol=tol)


@gpu
@needs_gpu
@pytest.mark.parametrize("mode", MODES)
def test_gpu_matches_cpu_with_sequence_lengths(mode):
    xs = _inputs(mode, 4, 3, 3, 3, 2, True, seed=12)
    p = _params(mode, 3, 2, True, state_outputs=True, use_sequence_length=True)
    lengths = np.array([4, 1, 0], np.float32)
    rng = np.random.RandomState(3)
    heads = [rng.uniform(-1, 1, r.shape) for r in rnn_reference(*xs, lengths, **p)]
    results = []
    for ctx in (mx.cpu(), mx.gpu(0)):
        arrays = [mx.nd.array(x, ctx=ctx) for x in xs]
        for a in arrays:
            a.attach_grad()
        with mx.autograd.record():
            outs = mx.nd.RNN(*arrays, mx.nd.array(lengths, ctx=ctx), **p)
        mx.autograd.backward(outs, [mx.nd.array(h, ctx=ctx) for h in heads])
        results.append([o.asnumpy() for o in outs] + [a.grad.asnumpy() for a in arrays])
    for c, g in zip(*results):
        np.testing.assert_allclose(g, c, rtol=1e-5, atol=1e-5)
    with pytest.raises(mx.base.MXNetError, match=r"RNN: sequence_length\[0\] = 5 is out of range"):
        mx.nd.RNN(*[mx.nd.array(x, ctx=mx.gpu(0)) for x in xs], mx.nd.array([5, 1, 0], ctx=mx.gpu(0)),
                  **p)[0].asnumpy()


@gpu
@needs_gpu
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_gpu_matches_cpu_with_projection(dtype):
    xs = _inputs("lstm", 4, 3, 3, 4, 2, True, seed=13, projection_size=3)
    p = _params("lstm", 4, 2, True, state_outputs=True, projection_size=3)
    rng = np.random.RandomState(5)
    heads = [rng.uniform(-1, 1, r.shape) for r in rnn_reference(*xs, **p)]
    cpu_outs, cpu_grads = _run(mx.cpu(), "lstm", xs, p, heads, dtype)
    gpu_outs, gpu_grads = _run(mx.gpu(0), "lstm", xs, p, heads, dtype)
    tol = 1e-5 if dtype == np.float32 else 1e-12
    for c, g in zip(cpu_outs + cpu_grads, gpu_outs + gpu_grads):
        np.testing.assert_allclose(g, c, rtol=tol, atol=tol)


@gpu
@needs_gpu
def test_gpu_matches_cpu_with_state_clip():
    xs = _inputs("lstm", 4, 3, 3, 4, 2, True, seed=14)
    xs[3] *= 3
    p = _params("lstm", 4, 2, True, state_outputs=True, lstm_state_clip_min=-0.3, lstm_state_clip_max=0.4,
                lstm_state_clip_nan=True)
    rng = np.random.RandomState(7)
    heads = [rng.uniform(-1, 1, r.shape) for r in rnn_reference(*xs, **p)]
    cpu_outs, cpu_grads = _run(mx.cpu(), "lstm", xs, p, heads, np.float64)
    gpu_outs, gpu_grads = _run(mx.gpu(0), "lstm", xs, p, heads, np.float64)
    for c, g in zip(cpu_outs + cpu_grads, gpu_outs + gpu_grads):
        np.testing.assert_allclose(g, c, rtol=1e-12, atol=1e-12)


@gpu
@needs_gpu
def test_gpu_refuses_training_dropout_like_the_cpu():
    xs = [mx.nd.array(x, ctx=mx.gpu(0)) for x in _inputs("gru", 2, 1, 2, 2, 2, False, np.float32)]
    with mx.autograd.record(train_mode=True):
        with pytest.raises(mx.base.MXNetError, match=r"dropout between layers \(p=0.2\) in training is not supported"):
            mx.nd.RNN(*xs, **_params("gru", 2, 2, False, p=0.2)).asnumpy()


def test_symbol_creates_the_missing_arguments_and_lstm_needs_state_cell():
    s = mx.sym.RNN(mx.sym.var("data"), mode="lstm", state_size=2, num_layers=1, name="r")
    assert s.list_arguments() == ["data", "r_parameters", "r_state", "r_state_cell"]
    assert s.infer_shape(data=(2, 1, 3))[0] == [(2, 1, 3), (56,), (1, 1, 2), (1, 1, 2)]
    with pytest.raises(mx.base.MXNetError, match=r"RNN: expected 4 input\(s\) \(data, parameters, state, "
                                                  r"state_cell\), got 3"):
        mx.nd.RNN(mx.nd.ones((2, 1, 3)), mx.nd.ones((56,)), mx.nd.ones((1, 1, 2)), mode="lstm", state_size=2,
                  num_layers=1)
