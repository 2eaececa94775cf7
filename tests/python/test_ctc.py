"""CTCLoss (ctc_loss) beyond the conformance cases: the NumPy reference of
tests/conformance/reference/cases_ctc.py over many settings, the definition itself (brute-force
enumeration of alignments) on tiny cases, gradients by finite differences, values taken from
MXNet 1.9.1, the errors that replace MXNet's garbage, and the GPU against the CPU."""
import numpy as np
import pytest

import mxlite as mx
import op_cases  # noqa: F401  (puts tests/conformance on sys.path)
from reference import cases_ctc as ref


def _ctc(x, label, data_lengths=None, label_lengths=None, dtype=np.float64, ctx=None, **params):
    args = [mx.nd.array(x, dtype=dtype, ctx=ctx), mx.nd.array(label, dtype=dtype, ctx=ctx)]
    if data_lengths is not None:
        params["use_data_lengths"] = True
        args.append(mx.nd.array(data_lengths, ctx=ctx))
    if label_lengths is not None:
        params["use_label_lengths"] = True
        args.append(mx.nd.array(label_lengths, ctx=ctx))
    return mx.nd.CTCLoss(*args, **params)


def _random_labels(rng, batch, length, alphabet, blank_label):
    """Padded labels of random lengths (some empty), ids avoiding the blank."""
    lo, hi = (1, alphabet) if blank_label == "first" else (0, alphabet - 1)
    pad = 0 if blank_label == "first" else -1
    label = np.full((batch, length), pad, np.float64)
    lengths = rng.randint(0, length + 1, batch)
    for b, n in enumerate(lengths):
        label[b, :n] = rng.randint(lo, hi, n)
    return label, lengths


def _steps_needed(label_row, n):
    return n + sum(1 for j in range(1, n) if label_row[j] == label_row[j - 1])


# ------------------------------------------------------------------ values
@pytest.mark.parametrize("blank_label", ["first", "last"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("seed", range(4))
def test_loss_matches_the_numpy_reference(blank_label, dtype, seed):
    rng = np.random.RandomState(seed)
    steps, batch, alphabet, length = 12, 5, 6, 4
    x = (rng.randn(steps, batch, alphabet) * 3).astype(dtype)
    label, _ = _random_labels(rng, batch, length, alphabet, blank_label)
    got = _ctc(x, label, dtype=dtype, blank_label=blank_label)
    want = ref.ctc_loss(x.astype(np.float64), label, blank_label=blank_label)
    assert got.shape == (batch,) and got.dtype == dtype
    tol = 1e-5 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(got.asnumpy(), want, rtol=tol, atol=tol)


@pytest.mark.parametrize("blank_label", ["first", "last"])
def test_data_and_label_lengths_match_the_reference(blank_label):
    rng = np.random.RandomState(7)
    steps, batch, alphabet, length = 10, 6, 5, 4
    x = rng.randn(steps, batch, alphabet)
    label, _ = _random_labels(rng, batch, length, alphabet, blank_label)
    label_lengths = rng.randint(0, length + 1, batch)
    lo = 1 if blank_label == "first" else 0
    label[label == (0 if blank_label == "first" else -1)] = lo  # lengths, not padding, end the labels
    data_lengths = [rng.randint(_steps_needed(label[b], n), steps + 1) for b, n in enumerate(label_lengths)]
    got = _ctc(x, label, data_lengths, label_lengths, blank_label=blank_label)
    want = ref.ctc_loss(x, label, data_lengths, label_lengths, True, True, blank_label)
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-12)
    # label_lengths alone: every sample uses all steps
    got = _ctc(x, label, label_lengths=label_lengths, blank_label=blank_label)
    np.testing.assert_allclose(got.asnumpy(), ref.ctc_loss(x, label, None, label_lengths, False, True, blank_label),
                               rtol=1e-12)


@pytest.mark.parametrize("steps,alphabet,seq", [
    (1, 3, []), (1, 3, [2]), (3, 2, [1]), (3, 2, [1, 1]), (4, 3, [1, 2]), (4, 3, [2, 2]), (4, 3, []),
    (5, 3, [1, 2, 1]), (5, 4, [3, 3]), (6, 3, [1, 1, 1]), (5, 4, [1, 2, 3])])
@pytest.mark.parametrize("blank_label", ["first", "last"])
def test_loss_is_the_sum_over_every_alignment(steps, alphabet, seq, blank_label):
    """The definition: -log of the summed probability of all paths collapsing to the label."""
    rng = np.random.RandomState(steps * 10 + alphabet)
    x = rng.randn(steps, 1, alphabet) * 2
    blank = 0 if blank_label == "first" else alphabet - 1
    ids = seq if blank_label == "first" else [v - 1 for v in seq]
    pad = 0 if blank_label == "first" else -1
    label = np.array([ids + [pad] * (steps - len(ids))], np.float64)[:, :max(len(ids), 1)]
    got = _ctc(x, label, blank_label=blank_label).asnumpy()
    want = ref.brute_force_nll(x[:, 0], ids, blank)
    np.testing.assert_allclose(got, [want], rtol=1e-12)
    np.testing.assert_allclose(ref.ctc_nll(x[:, 0], ids, blank), want, rtol=1e-12)


def test_values_and_gradient_match_mxnet():
    # MXNet 1.9.1: np.random.seed(0); x = randn(4, 2, 3) float32; label [[1, 2], [1, 0]];
    # mx.nd.CTCLoss under autograd, backward() with ones.
    np.random.seed(0)
    x = np.random.randn(4, 2, 3).astype(np.float32)
    X = mx.nd.array(x)
    X.attach_grad()
    with mx.autograd.record():
        loss = mx.nd.CTCLoss(X, mx.nd.array([[1, 2], [1, 0]]))
    loss.backward()
    np.testing.assert_allclose(loss.asnumpy(), [2.462745, 1.572966], rtol=1e-6)
    want = [[[0.16825834, -0.43465573, 0.26639745], [-0.16717523, 0.14401701, 0.02315827]],
            [[0.27585346, -0.27477396, -0.00107926], [-0.24551618, -0.37103856, 0.6165547]],
            [[0.27482146, 0.1776374, -0.4524588], [0.04509266, -0.16728568, 0.12219294]],
            [[-0.12045568, 0.22749236, -0.10703656], [-0.0723587, -0.02740213, 0.09976082]]]
    np.testing.assert_allclose(X.grad.asnumpy(), want, rtol=1e-5, atol=1e-6)
    # MXNet 1.9.1, same x: blank_label='last', labels [[0, 1], [0, -1]]
    np.testing.assert_allclose(mx.nd.CTCLoss(X, mx.nd.array([[0, 1], [0, -1]]), blank_label="last").asnumpy(),
                               [1.8907759, 3.821302], rtol=1e-6)


def test_labels_after_the_first_padding_value_are_ignored_like_mxnet():
    rng = np.random.RandomState(2)
    x = rng.randn(5, 1, 3)
    np.testing.assert_allclose(_ctc(x, [[1, 0, 2]]).asnumpy(), _ctc(x, [[1, 0, 0]]).asnumpy(), rtol=1e-14)
    np.testing.assert_allclose(_ctc(x, [[1, 0, 2]]).asnumpy(), [ref.ctc_nll(x[:, 0], [1], 0)], rtol=1e-12)


def test_a_sample_without_labels_costs_the_all_blank_path():
    # MXNet 1.9.1 returns garbage (about 0) when no sample of the batch has labels.
    rng = np.random.RandomState(5)
    x = rng.randn(6, 2, 4)
    logp = x - np.log(np.exp(x).sum(-1, keepdims=True))
    np.testing.assert_allclose(_ctc(x, [[0, 0], [0, 0]]).asnumpy(), -logp[:, :, 0].sum(0), rtol=1e-12)
    np.testing.assert_allclose(_ctc(x, [[-1], [-1]], blank_label="last").asnumpy(), -logp[:, :, 3].sum(0),
                               rtol=1e-12)


def test_label_and_lengths_of_any_numeric_dtype():
    rng = np.random.RandomState(3)
    x = rng.randn(6, 2, 4).astype(np.float32)
    want = _ctc(x, [[1, 2, 3], [3, 3, 0]], dtype=np.float32).asnumpy()
    for dt in (np.int32, np.int64, np.uint8, np.float64):
        got = mx.nd.CTCLoss(mx.nd.array(x), mx.nd.array([[1, 2, 3], [3, 3, 0]], dtype=dt),
                            mx.nd.array([6, 5], dtype=dt), mx.nd.array([3, 2], dtype=dt),
                            use_data_lengths=True, use_label_lengths=True)
        assert got.dtype == np.float32
        np.testing.assert_allclose(got.asnumpy(), [want[0], ref.ctc_loss(x[:5, 1:].astype(np.float64),
                                                                          np.array([[3, 3]]))[0]], rtol=1e-5)


def test_large_activations_stay_finite():
    rng = np.random.RandomState(9)
    x = rng.uniform(-1000, 1000, (8, 2, 5))
    X = mx.nd.array(x, dtype=np.float64)
    X.attach_grad()
    with mx.autograd.record():
        loss = mx.nd.CTCLoss(X, mx.nd.array([[1, 2, 3], [4, 4, 0]], dtype=np.float64))
    loss.backward()
    assert np.isfinite(loss.asnumpy()).all() and np.isfinite(X.grad.asnumpy()).all()
    np.testing.assert_allclose(loss.asnumpy(), ref.ctc_loss(x, np.array([[1, 2, 3], [4, 4, 0]])), rtol=1e-12)


def test_float16_computes_in_double():
    rng = np.random.RandomState(4)
    x = rng.randn(5, 3, 4).astype(np.float16)
    label = np.array([[1, 2], [3, 0], [2, 2]])
    got = _ctc(x, label, dtype=np.float16)
    assert got.dtype == np.float16
    want = ref.ctc_loss(x.astype(np.float64), label)
    np.testing.assert_allclose(got.asnumpy().astype(np.float64), want, rtol=1e-3)  # one float16 rounding


def test_empty_batch_and_no_steps():
    assert _ctc(np.zeros((4, 0, 3)), np.zeros((0, 2))).shape == (0,)
    np.testing.assert_array_equal(_ctc(np.zeros((0, 2, 3)), np.zeros((2, 0))).asnumpy(), [0, 0])


# --------------------------------------------------------------- gradients
def _finite_difference(f, x, eps=1e-6):
    g = np.zeros_like(x)
    for k in np.ndindex(*x.shape):
        plus, minus = x.copy(), x.copy()
        plus[k] += eps
        minus[k] -= eps
        g[k] = (f(plus) - f(minus)) / (2 * eps)
    return g


@pytest.mark.parametrize("blank_label", ["first", "last"])
def test_gradient_matches_finite_differences_with_per_sample_head_gradients(blank_label):
    rng = np.random.RandomState(11)
    steps, batch, alphabet = 6, 3, 4
    x = rng.randn(steps, batch, alphabet)
    label, _ = _random_labels(rng, batch, 3, alphabet, blank_label)
    label[1, :2] = label[1, 0] if blank_label == "last" else max(label[1, 0], 1)  # a repeat
    label[1, 2] = 0 if blank_label == "first" else -1
    data_lengths = [6, 4, 5]
    head = np.array([1.0, -2.0, 0.5])
    X = mx.nd.array(x, dtype=np.float64)
    X.attach_grad()
    args = [X, mx.nd.array(label, dtype=np.float64), mx.nd.array(data_lengths, dtype=np.float64)]
    with mx.autograd.record():
        loss = mx.nd.CTCLoss(*args, use_data_lengths=True, blank_label=blank_label)
    loss.backward(mx.nd.array(head, dtype=np.float64))
    want = _finite_difference(
        lambda z: (ref.ctc_loss(z, label, data_lengths, None, True, False, blank_label) * head).sum(), x)
    np.testing.assert_allclose(X.grad.asnumpy(), want, rtol=1e-6, atol=1e-8)
    # past a sample's data length the gradient is exactly zero
    assert (X.grad.asnumpy()[4:, 1] == 0).all() and (X.grad.asnumpy()[5:, 2] == 0).all()


def test_gradient_is_softmax_minus_posterior():
    """Each step's gradient sums to zero over the alphabet (softmax and posterior both sum to 1)."""
    rng = np.random.RandomState(12)
    X = mx.nd.array(rng.randn(7, 2, 5), dtype=np.float64)
    X.attach_grad()
    with mx.autograd.record():
        loss = mx.nd.CTCLoss(X, mx.nd.array([[1, 2, 2], [4, 0, 0]], dtype=np.float64))
    loss.backward()
    np.testing.assert_allclose(X.grad.asnumpy().sum(-1), 0, atol=1e-12)


def test_label_and_lengths_get_no_gradient():
    X = mx.nd.array(np.random.RandomState(0).randn(4, 2, 3))
    L, D = mx.nd.array([[1, 2], [2, 0]]), mx.nd.array([4, 3])
    for a in (X, L, D):
        a.attach_grad()
    with mx.autograd.record():
        loss = mx.nd.CTCLoss(X, L, D, use_data_lengths=True)
    loss.backward()
    assert np.abs(X.grad.asnumpy()).sum() > 0
    assert (L.grad.asnumpy() == 0).all() and (D.grad.asnumpy() == 0).all()


def test_descending_the_loss_learns_the_label():
    """Gradient descent on the activations themselves: greedy decoding then gives the label."""
    rng = np.random.RandomState(13)
    label = np.array([[1, 3, 3, 2], [2, 1, 0, 0]], np.float32)
    X = mx.nd.array(rng.randn(10, 2, 4) * 0.1)
    first = None
    for _ in range(150):
        X.attach_grad()
        with mx.autograd.record():
            loss = mx.nd.CTCLoss(X, mx.nd.array(label))
        loss.backward()
        first = loss.asnumpy() if first is None else first
        X = X - 1.0 * X.grad
    final = mx.nd.CTCLoss(X, mx.nd.array(label)).asnumpy()
    assert (final < first * 0.1).all()
    best = X.asnumpy().argmax(-1)
    for b, want in enumerate([[1, 3, 3, 2], [2, 1]]):
        path = best[:, b]
        decoded = [int(k) for i, k in enumerate(path) if k != 0 and (i == 0 or k != path[i - 1])]
        assert decoded == want


def test_symbol_executor_backward_with_both_lengths():
    rng = np.random.RandomState(14)
    x = rng.randn(6, 2, 4)
    label, data_lengths, label_lengths = np.array([[1, 3, 3], [2, 2, 2]]), np.array([6, 4]), np.array([3, 1])
    s = mx.sym.CTCLoss(mx.sym.var("d"), mx.sym.var("l"), mx.sym.var("dl"), mx.sym.var("ll"), use_data_lengths=True,
                       use_label_lengths=True)
    ex = s.simple_bind(mx.cpu(), grad_req={"d": "write", "l": "null", "dl": "null", "ll": "null"}, type_dict={
        "d": np.float64}, d=(6, 2, 4), l=(2, 3), dl=(2,), ll=(2,))
    for name, v in (("d", x), ("l", label), ("dl", data_lengths), ("ll", label_lengths)):
        ex.arg_dict[name][:] = v
    out = ex.forward(is_train=True)[0]
    want = ref.ctc_loss(x, label, data_lengths, label_lengths, True, True)
    np.testing.assert_allclose(out.asnumpy(), want, rtol=1e-12)
    ex.backward(mx.nd.array([1.0, 3.0], dtype=np.float64))
    grad = _finite_difference(
        lambda z: (ref.ctc_loss(z, label, data_lengths, label_lengths, True, True) * [1.0, 3.0]).sum(), x)
    np.testing.assert_allclose(ex.grad_dict["d"].asnumpy(), grad, rtol=1e-6, atol=1e-8)

# ------------------------------------------------------------ registration
def test_aliases_and_symbol_arguments_follow_mxnet():
    x, label = mx.nd.array(np.random.RandomState(1).randn(5, 2, 3)), mx.nd.array([[1, 2], [2, 0]])
    want = mx.nd.CTCLoss(x, label).asnumpy()
    for f in (mx.nd.ctc_loss, mx.nd.contrib.CTCLoss, mx.nd.contrib.ctc_loss):
        np.testing.assert_array_equal(f(x, label).asnumpy(), want)
    for flags, extra in [({}, []), ({"use_data_lengths": True}, ["c_data_lengths"]),
                         ({"use_label_lengths": True}, ["c_label_lengths"]),
                         ({"use_data_lengths": True, "use_label_lengths": True}, ["c_data_lengths", "c_label_lengths"])]:
        s = mx.sym.CTCLoss(mx.sym.var("d"), mx.sym.var("l"), name="c", **flags)
        assert s.list_arguments() == ["d", "l"] + extra
    s = mx.sym.CTCLoss(mx.sym.var("d"), mx.sym.var("l"), name="c")
    _, out_shapes, _ = s.infer_shape(d=(7, 3, 5), l=(3, 4))
    assert out_shapes == [(3,)]
    assert "blank_label" in mx.nd.CTCLoss.__doc__ and "padding" in mx.nd.CTCLoss.__doc__


# ------------------------------------------------------------------ errors
# Each of these is silent garbage, an inf, or heap corruption in MXNet 1.9.1.
_BAD = [
    ("label id outside the alphabet", dict(x=(4, 1, 3), label=[[1, 3]]), IndexError,
     ["CTCLoss", "label[0, 1] = 3", "[1, 2]"]),
    ("the blank as a label (last)", dict(x=(4, 1, 3), label=[[2, 1]], blank_label="last"), IndexError,
     ["label[0, 0] = 2", "reserves 2 for the blank"]),
    ("fractional label", dict(x=(4, 1, 3), label=[[1.5, 1]]), IndexError, ["label[0, 0] = 1.5", "not an integer"]),
    ("repeats need blanks", dict(x=(2, 1, 3), label=[[1, 1]]), ValueError, ["sample 0", "need 3 time steps", "has 2"]),
    ("data_lengths too long", dict(x=(3, 1, 3), label=[[1, 2]], data_lengths=[5]), IndexError,
     ["data_lengths[0] = 5", "[0, 3]"]),
    ("data_lengths too short", dict(x=(4, 2, 3), label=[[1, 2], [1, 2]], data_lengths=[4, 1]), ValueError,
     ["sample 1", "need 2 time steps", "has 1 (data_lengths)"]),
    ("negative data_lengths", dict(x=(3, 1, 3), label=[[1, 2]], data_lengths=[-1]), IndexError,
     ["data_lengths[0] = -1"]),
    ("fractional data_lengths", dict(x=(3, 1, 3), label=[[1, 2]], data_lengths=[2.5]), IndexError,
     ["data_lengths[0] = 2.5", "integer"]),
    ("label_lengths too long", dict(x=(3, 1, 3), label=[[1, 2]], label_lengths=[3]), IndexError,
     ["label_lengths[0] = 3", "[0, 2]"]),
    ("blank inside label_lengths", dict(x=(3, 1, 3), label=[[1, 0]], label_lengths=[2]), IndexError,
     ["label[0, 1] = 0", "reserves 0 for the blank"]),
]


@pytest.mark.parametrize("what,kw,exc,words", _BAD, ids=[b[0] for b in _BAD])
def test_bad_values_are_clear_errors(what, kw, exc, words):
    kw = dict(kw)
    x = np.zeros(kw.pop("x"))
    with pytest.raises(exc) as e:
        _ctc(x, kw.pop("label"), **kw).asnumpy()
    assert "CTCLoss" in str(e.value) and all(w in str(e.value) for w in words), str(e.value)


@pytest.mark.parametrize("data,label,words", [
    ((4, 3), (3, 2), ["data must be 3-D", "(4, 3)"]),
    ((4, 2, 3), (2,), ["label must be 2-D", "(2,)"]),
    ((4, 2, 3), (3, 2), ["batch size", "(3, 2)", "(4, 2, 3)"]),
    ((2, 1, 3), (1, 3), ["label_sequence_length 3", "sequence_length 2"]),
    ((4, 2, 0), (2, 1), ["alphabet_size", "at least 1"])])
def test_bad_shapes_name_the_problem(data, label, words):
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.CTCLoss(mx.nd.zeros(data), mx.nd.zeros(label))
    assert e.value.kind == "MXL_ERR_SHAPE" and "CTCLoss" in str(e.value)
    assert all(w in str(e.value) for w in words), str(e.value)


def test_bad_lengths_shape_dtype_and_parameter():
    x, label = mx.nd.zeros((4, 2, 3)), mx.nd.zeros((2, 2))
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.CTCLoss(x, label, mx.nd.zeros(3), use_data_lengths=True)
    assert "data_lengths" in str(e.value) and "(3,)" in str(e.value)
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.CTCLoss(mx.nd.zeros((4, 2, 3), dtype=np.int32), label)
    assert e.value.kind == "MXL_ERR_DTYPE" and "int32" in str(e.value)
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.CTCLoss(x, label, blank_label="middle")
    assert "blank_label" in str(e.value) and "middle" in str(e.value)


def test_an_error_leaves_the_gradient_path_usable():
    X = mx.nd.array(np.random.RandomState(0).randn(3, 1, 3))
    X.attach_grad()
    with pytest.raises(ValueError):
        with mx.autograd.record():
            loss = mx.nd.CTCLoss(X, mx.nd.array([[2, 2, 2]]))  # needs 5 steps
        loss.backward()
        X.grad.asnumpy()
    with mx.autograd.record():
        loss = mx.nd.CTCLoss(X, mx.nd.array([[2, 1]]))
    loss.backward()
    assert np.isfinite(X.grad.asnumpy()).all()


# ------------------------------------------------------------------ GPU
# (skipped without one; test_gpu.py compares the conformance cases with the CPU)
_NUM_GPUS = mx.context.num_gpus()
gpu = pytest.mark.gpu
needs_gpu = pytest.mark.skipif(_NUM_GPUS == 0, reason="no GPU")


@gpu
@needs_gpu
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@pytest.mark.parametrize("blank_label", ["first", "last"])
def test_gpu_matches_cpu(dtype, blank_label):
    rng = np.random.RandomState(21)
    steps, batch, alphabet = 9, 5, 6
    x = rng.randn(steps, batch, alphabet).astype(dtype)
    label, _ = _random_labels(rng, batch, 4, alphabet, blank_label)
    data_lengths = [max(_steps_needed(label[b], 4), 7) for b in range(batch)]
    head = rng.rand(batch).astype(dtype)
    tol = 2e-3 if dtype == np.float16 else 1e-6
    results = []
    for ctx in (mx.cpu(), mx.gpu(0)):
        X = mx.nd.array(x, dtype=dtype, ctx=ctx)
        X.attach_grad()
        with mx.autograd.record():
            loss = mx.nd.CTCLoss(X, mx.nd.array(label, ctx=ctx), mx.nd.array(data_lengths, dtype=np.int32, ctx=ctx),
                                 use_data_lengths=True, blank_label=blank_label)
        loss.backward(mx.nd.array(head, dtype=dtype, ctx=ctx))
        assert loss.dtype == dtype and X.grad.dtype == dtype
        results.append([loss.asnumpy().astype(np.float64), X.grad.asnumpy().astype(np.float64)])
    for c, g in zip(*results):
        np.testing.assert_allclose(g, c, rtol=tol, atol=tol)


@gpu
@needs_gpu
def test_gpu_bad_labels_give_the_cpus_error_and_the_device_stays_usable():
    ctx = mx.gpu(0)
    with pytest.raises(IndexError) as e:
        mx.nd.CTCLoss(mx.nd.zeros((4, 1, 3), ctx=ctx), mx.nd.array([[1, 3]], ctx=ctx)).asnumpy()
    assert "CTCLoss" in str(e.value) and "label[0, 1] = 3" in str(e.value)
    with pytest.raises(ValueError) as e:
        mx.nd.CTCLoss(mx.nd.zeros((2, 1, 3), ctx=ctx), mx.nd.array([[1, 1]], ctx=ctx)).asnumpy()
    assert "need 3 time steps" in str(e.value)
    x = np.random.RandomState(0).randn(4, 2, 3)
    np.testing.assert_allclose(
        mx.nd.CTCLoss(mx.nd.array(x, ctx=ctx), mx.nd.array([[1, 2], [1, 0]], ctx=ctx)).asnumpy(),
        ref.ctc_loss(x, np.array([[1, 2], [1, 0]])), rtol=1e-5)
