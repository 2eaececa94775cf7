"""What the forward/gradient tables do not reach for the ops of core/op/extra_ops.cc:
the mx.nd / mx.sym eye and linspace functions, gradients of second outputs and of
non-default parameters, symbol names and JSON, and the error cases MXNet reports."""
import json

import numpy as np
import pytest

import mxlite as mx


def _grad(f, x, head):
    x = mx.nd.array(x, dtype=x.dtype)
    x.attach_grad()
    with mx.autograd.record():
        y = f(x)
    y.backward(mx.nd.array(head, dtype=head.dtype))
    return x.grad.asnumpy()


def test_eye_and_linspace_functions():
    np.testing.assert_array_equal(mx.nd.eye(3).asnumpy(), np.eye(3, dtype=np.float32))
    got = mx.nd.eye(2, 4, 1, dtype="int32")
    assert got.dtype == np.int32
    np.testing.assert_array_equal(got.asnumpy(), np.eye(2, 4, 1, dtype=np.int32))
    np.testing.assert_array_equal(mx.nd.eye(3, k=-1, dtype=None).asnumpy(), np.eye(3, k=-1, dtype=np.float32))
    np.testing.assert_allclose(mx.nd.linspace(0, 1, 5).asnumpy(), np.linspace(0, 1, 5, dtype=np.float32))
    got = mx.nd.linspace(2, 3, 4, endpoint=False, dtype="float64")
    assert got.dtype == np.float64
    np.testing.assert_allclose(got.asnumpy(), np.linspace(2, 3, 4, endpoint=False))
    s = mx.sym.eye(3, k=1)
    assert [n["op"] for n in json.loads(s.tojson())["nodes"]] == ["_eye"]
    np.testing.assert_array_equal(s.bind(mx.cpu(), {}).forward()[0].asnumpy(), np.eye(3, k=1))
    s = mx.sym.linspace(0, 1, 3)
    np.testing.assert_allclose(s.bind(mx.cpu(), {}).forward()[0].asnumpy(), [0, 0.5, 1])


def test_moments_gradient_of_both_outputs():
    x = np.random.RandomState(0).uniform(-2, 2, (2, 3, 4))
    gm = np.random.RandomState(1).uniform(0.5, 1.5, (2, 1, 4))
    gv = np.random.RandomState(2).uniform(0.5, 1.5, (2, 1, 4))
    arr = mx.nd.array(x, dtype="float64")
    arr.attach_grad()
    with mx.autograd.record():
        m, v = mx.nd.moments(arr, axes=(1,), keepdims=True)
        loss = (m * mx.nd.array(gm, dtype="float64")).sum() + (v * mx.nd.array(gv, dtype="float64")).sum()
    loss.backward()
    n = x.shape[1]
    expect = gm / n + gv * 2 * (x - x.mean(axis=1, keepdims=True)) / n
    np.testing.assert_allclose(arr.grad.asnumpy(), expect, rtol=1e-10)
    assert mx.sym.moments(mx.sym.var("x"), axes=(1,), name="m").list_outputs() == ["m_output0", "m_output1"]


def test_sequence_gradients_with_lengths():
    x = np.arange(24, dtype=np.float32).reshape(4, 2, 3)
    lengths = mx.nd.array([1, 3])
    head = np.arange(24, dtype=np.float32).reshape(4, 2, 3) + 1
    g = _grad(lambda v: mx.nd.SequenceMask(v, lengths, use_sequence_length=True, value=-1), x, head)
    mask = np.zeros((4, 2, 1), np.float32)
    mask[:1, 0] = mask[:3, 1] = 1
    np.testing.assert_array_equal(g, head * mask)
    g = _grad(lambda v: mx.nd.SequenceReverse(v, lengths, use_sequence_length=True), x, head)
    expect = head.copy()
    expect[:3, 1] = head[:3, 1][::-1]
    np.testing.assert_array_equal(g, expect)
    g = _grad(lambda v: mx.nd.SequenceLast(v, lengths, use_sequence_length=True), x, head[0])
    expect = np.zeros_like(x)
    expect[0, 0], expect[2, 1] = head[0, 0], head[0, 1]
    np.testing.assert_array_equal(g, expect)


def test_sequence_symbol_inputs_follow_use_sequence_length():
    x, n = mx.sym.var("x"), mx.sym.var("l")
    assert mx.sym.SequenceMask(x, n, use_sequence_length=True).list_arguments() == ["x", "l"]
    assert mx.sym.SequenceMask(x).list_arguments() == ["x"]
    assert mx.sym.SequenceLast(x, n, use_sequence_length=True, axis=1).list_arguments() == ["x", "l"]


@pytest.mark.parametrize("call, kind, words", [
    (lambda: mx.nd.SequenceReverse(mx.nd.ones((3, 2)), axis=1), mx.base.MXNetError, "axis"),
    (lambda: mx.nd.SequenceMask(mx.nd.ones((3, 2)), axis=2), mx.base.MXNetError, "axis"),
    (lambda: mx.nd.SequenceLast(mx.nd.ones((3, 2)), mx.nd.array([0, 2]), use_sequence_length=True),
     mx.base.MXNetError, "sequence_length[0] = 0"),
    (lambda: mx.nd.SequenceReverse(mx.nd.ones((3, 2)), mx.nd.array([4, 2]), use_sequence_length=True),
     mx.base.MXNetError, "outside [0, 3]"),
    (lambda: mx.nd.SequenceMask(mx.nd.ones((3,)), mx.nd.array([1]), use_sequence_length=True),
     mx.base.MXNetError, "rank 2"),
    (lambda: mx.nd.SequenceMask(mx.nd.ones((3, 2)), mx.nd.array([1, 2, 3]), use_sequence_length=True),
     mx.base.MXNetError, "sequence_length"),
    (lambda: mx.nd.moments(mx.nd.ones((2, 3))), mx.base.MXNetError, "empty axes"),
    (lambda: mx.nd.moments(mx.nd.ones((2, 3)), axes=(1, -1)), mx.base.MXNetError, "twice"),
    (lambda: mx.nd.diag(mx.nd.ones((2, 3)), k=3), mx.base.MXNetError, "does not exist"),
    (lambda: mx.nd.diag(mx.nd.ones((2, 3)), axis1=1, axis2=-1), mx.base.MXNetError, "same axis"),
    (lambda: mx.nd.hard_sigmoid(mx.nd.ones(2, dtype="int32")), mx.base.MXNetError, "float"),
    (lambda: mx.nd.L2Normalization(mx.nd.ones((2, 3)), mode="channel"), mx.base.MXNetError, "3 dimensions"),
    (lambda: mx.nd.LRN(mx.nd.ones((2, 3, 2, 2))), mx.base.MXNetError, "nsize"),
    (lambda: mx.nd.linalg.gemm2(mx.nd.ones((2, 3)), mx.nd.ones((2, 3))), mx.base.MXNetError, "incompatible"),
    (lambda: mx.nd.linalg.gemm2(mx.nd.ones((2, 3), dtype="float16"), mx.nd.ones((3, 3), dtype="float16")),
     mx.base.MXNetError, "float32 and float64"),
    (lambda: mx.nd.linalg.gemm2(mx.nd.ones((2, 2, 3)), mx.nd.ones((3, 3, 3))), mx.base.MXNetError, "same except"),
    (lambda: mx.nd.ravel_multi_index(mx.nd.ones((2, 3)), shape=(7, 6, 2)), mx.base.MXNetError, "first dimension"),
    (lambda: mx.nd.batch_take(mx.nd.ones((3, 2)), mx.nd.array([0, 1], dtype="int32")), mx.base.MXNetError,
     "one element per row"),
    (lambda: mx.nd.cumsum(mx.nd.ones((2, 2)), axis=2), mx.base.MXNetError, "out of range"),
])
def test_errors_name_the_problem(call, kind, words):
    with pytest.raises(kind) as e:
        call().asnumpy()
    assert words in str(e.value)


def test_linalg_names_and_aliases():
    assert mx.nd.linalg.gemm2 is mx.nd._internal._linalg_gemm2
    a, b = mx.nd.ones((2, 3)), mx.nd.ones((3, 4))
    np.testing.assert_allclose(mx.nd.linalg_gemm2(a, b, alpha=2).asnumpy(), np.full((2, 4), 6.0))
    s = mx.sym.linalg_gemm(mx.sym.var("a"), mx.sym.var("b"), mx.sym.var("c"))
    assert [n["op"] for n in json.loads(s.tojson())["nodes"]][-1] == "_linalg_gemm"
    s = mx.sym.cumsum(mx.sym.var("a"))
    assert [n["op"] for n in json.loads(s.tojson())["nodes"]][-1] == "_np_cumsum"


def test_gemm_gradients_with_transposes_and_axis():
    rng = np.random.RandomState(3)
    for ta in (False, True):
        for tb in (False, True):
            a = rng.uniform(-1, 1, (2, 4, 3) if ta else (2, 3, 4))
            b = rng.uniform(-1, 1, (2, 5, 4) if tb else (2, 4, 5))
            g = rng.uniform(-1, 1, (2, 3, 5))
            arrs = [mx.nd.array(v, dtype="float64") for v in (a, b)]
            for v in arrs:
                v.attach_grad()
            with mx.autograd.record():
                y = mx.nd.linalg.gemm2(arrs[0], arrs[1], transpose_a=ta, transpose_b=tb, alpha=0.7)
            y.backward(mx.nd.array(g, dtype="float64"))
            opa = np.swapaxes(a, 1, 2) if ta else a
            opb = np.swapaxes(b, 1, 2) if tb else b
            d_opa = 0.7 * g @ np.swapaxes(opb, 1, 2)
            d_opb = 0.7 * np.swapaxes(opa, 1, 2) @ g
            np.testing.assert_allclose(arrs[0].grad.asnumpy(), np.swapaxes(d_opa, 1, 2) if ta else d_opa, rtol=1e-10)
            np.testing.assert_allclose(arrs[1].grad.asnumpy(), np.swapaxes(d_opb, 1, 2) if tb else d_opb, rtol=1e-10)


def test_large_inputs_use_the_threaded_paths():
    # Above the parallel grain: the split work must give the serial answer.
    rng = np.random.RandomState(4)
    x = rng.uniform(-1, 1, (64, 300, 8)).astype(np.float32)
    m, v = mx.nd.moments(mx.nd.array(x), axes=(0, 2))
    np.testing.assert_allclose(m.asnumpy(), x.mean(axis=(0, 2)), rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(v.asnumpy(), x.var(axis=(0, 2)), rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(mx.nd.cumsum(mx.nd.array(x), axis=1).asnumpy(), np.cumsum(x, axis=1),
                               rtol=1e-4, atol=1e-4)
    lengths = rng.randint(0, 65, 300).astype(np.float32)
    got = mx.nd.SequenceMask(mx.nd.array(x), mx.nd.array(lengths), use_sequence_length=True).asnumpy()
    keep = np.arange(64)[:, None] < lengths[None, :]
    np.testing.assert_array_equal(got, x * keep[:, :, None])


def test_symbol_sub_namespaces():
    s = mx.sym.linalg.gemm2(mx.sym.var("a"), mx.sym.var("b"))
    assert json.loads(s.tojson())["nodes"][-1]["op"] == "_linalg_gemm2"
    assert s.list_outputs() == ["gemm20_output"]  # MXNet's name for mx.sym.linalg.gemm2
    # "gamma" is both the gamma function and random.gamma: each name keeps its own op
    assert json.loads(mx.sym.random.gamma(alpha=2.0, shape=(2,)).tojson())["nodes"][-1]["op"] == "_random_gamma"
    assert json.loads(mx.sym.gamma(mx.sym.var("x")).tojson())["nodes"][-1]["op"] == "gamma"
    out = mx.sym.linalg.gemm(mx.sym.var("a"), mx.sym.var("b"), mx.sym.var("c"), alpha=2.0, beta=0.5)
    ex = out.bind(mx.cpu(), {"a": mx.nd.ones((2, 3)), "b": mx.nd.ones((3, 4)), "c": mx.nd.ones((2, 4))})
    np.testing.assert_allclose(ex.forward()[0].asnumpy(), np.full((2, 4), 6.5))
