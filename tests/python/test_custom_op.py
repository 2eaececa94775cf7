"""User-defined operators: mx.autograd.Function and mx.operator (CustomOp, CustomOpProp,
register, mx.nd.Custom, mx.sym.Custom). The expected values are the analytic ones;
the same scenarios were run on MXNet 1.9.1 and gave these values."""
import gc
import importlib.util
import os
import weakref

import numpy as np
import pytest

import mxlite as mx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _sig(x):
    return 1 / (1 + np.exp(-x))


# ------------------------------------------------------------ autograd.Function
class sigmoid(mx.autograd.Function):
    def forward(self, x):
        y = 1 / (1 + mx.nd.exp(-x))
        self.save_for_backward(y)
        return y

    def backward(self, dy):
        y, = self.saved_tensors
        return dy * y * (1 - y)


class mul_add(mx.autograd.Function):
    """Two inputs, two outputs: (a * b, a + b)."""

    def forward(self, a, b):
        self.save_for_backward(a, b)
        return a * b, a + b

    def backward(self, dprod, dsum):
        a, b = self.saved_tensors
        return dprod * b + dsum, dprod * a + dsum


X = np.array([[-1.0, 0.5], [2.0, 3.0]], dtype=np.float32)


def test_function_sigmoid_between_recorded_ops():
    x = mx.nd.array(X)
    x.attach_grad()
    with mx.autograd.record():
        h = x * 2                      # before the function
        y = sigmoid()(h)
        z = (y * 3).sum()              # after it
    z.backward()
    s = _sig(2 * X)
    np.testing.assert_allclose(y.asnumpy(), s, rtol=1e-6)
    np.testing.assert_allclose(x.grad.asnumpy(), 3 * s * (1 - s) * 2, rtol=1e-5)


def test_function_two_inputs_two_outputs():
    a, b = mx.nd.array(X), mx.nd.array(X[::-1].copy())
    a.attach_grad()
    b.attach_grad()
    with mx.autograd.record():
        p, s = mul_add()(a, b)
        loss = p * 2 + s * 5
    loss.backward()
    A, B = X, X[::-1]
    np.testing.assert_allclose(p.asnumpy(), A * B)
    np.testing.assert_allclose(a.grad.asnumpy(), 2 * B + 5, rtol=1e-6)
    np.testing.assert_allclose(b.grad.asnumpy(), 2 * A + 5, rtol=1e-6)
    # only one output used: the other's gradient reaches backward as zeros
    with mx.autograd.record():
        p, s = mul_add()(a, b)
    p.backward()
    np.testing.assert_allclose(a.grad.asnumpy(), B, rtol=1e-6)


def test_function_used_twice_and_autograd_grad():
    x = mx.nd.array(X)
    x.attach_grad()
    with mx.autograd.record():
        y = sigmoid()(sigmoid()(x))
    y.backward()
    s1 = _sig(X)
    s2 = _sig(s1)
    np.testing.assert_allclose(x.grad.asnumpy(), s2 * (1 - s2) * s1 * (1 - s1), rtol=1e-5)
    with mx.autograd.record():
        y = sigmoid()(x) + sigmoid()(x)
    g, = mx.autograd.grad(y, [x])
    np.testing.assert_allclose(g.asnumpy(), 2 * s1 * (1 - s1), rtol=1e-5)


def test_function_instance_is_called_once_and_works_unrecorded():
    f = sigmoid()
    y = f(mx.nd.array(X))  # not recording: just the forward
    np.testing.assert_allclose(y.asnumpy(), _sig(X), rtol=1e-6)
    with pytest.raises(AssertionError, match="only be called once"):
        f(mx.nd.array(X))


def _backward_error(func_cls):
    x = mx.nd.array(X)
    x.attach_grad()
    with mx.autograd.record():
        y = func_cls()(x)
    with pytest.raises(mx.MXNetError) as info:
        y.backward()
    return str(info.value)


def test_function_backward_errors_reach_the_caller():
    class Boom(mx.autograd.Function):
        def forward(self, x):
            return x * 2

        def backward(self, dy):
            raise ValueError("boom in backward")

    msg = _backward_error(Boom)
    assert "autograd.Function 'Boom'" in msg and "ValueError: boom in backward" in msg

    class TwoGrads(mx.autograd.Function):
        def forward(self, x):
            return x * 2

        def backward(self, dy):
            return dy, dy

    assert "returned 2 gradient(s), but forward took 1 input(s)" in _backward_error(TwoGrads)

    class WrongShape(mx.autograd.Function):
        def forward(self, x):
            return x * 2

        def backward(self, dy):
            return mx.nd.ones((3,))

    assert "gradient 0 has shape (3,), but input 0 has shape (2, 2)" in _backward_error(WrongShape)
    # the engine and the tape still work afterwards
    x = mx.nd.array(X)
    x.attach_grad()
    with mx.autograd.record():
        y = sigmoid()(x)
    y.backward()
    assert np.isfinite(x.grad.asnumpy()).all()


def test_function_is_released_with_its_tape():
    x = mx.nd.array(X)
    x.attach_grad()
    f = sigmoid()
    ref = weakref.ref(f)
    with mx.autograd.record():
        y = f(x)
    del f
    gc.collect()
    assert ref() is not None  # the tape (through y) keeps it
    y.backward()
    del y
    gc.collect()
    assert ref() is None


# ------------------------------------------------------------ mx.operator
class Softmax(mx.operator.CustomOp):
    """MXNet's documentation example: softmax with its cross-entropy gradient."""

    def forward(self, is_train, req, in_data, out_data, aux):
        x = in_data[0].asnumpy()
        y = np.exp(x - x.max(axis=1).reshape((x.shape[0], 1)))
        y /= y.sum(axis=1).reshape((x.shape[0], 1))
        self.assign(out_data[0], req[0], mx.nd.array(y))

    def backward(self, req, out_grad, in_data, out_data, in_grad, aux):
        label = in_data[1].asnumpy().ravel().astype(int)
        y = out_data[0].asnumpy()
        y[np.arange(label.shape[0]), label] -= 1.0
        self.assign(in_grad[0], req[0], mx.nd.array(y))


@mx.operator.register("test_softmax")
class SoftmaxProp(mx.operator.CustomOpProp):
    def __init__(self):
        super(SoftmaxProp, self).__init__(need_top_grad=False)

    def list_arguments(self):
        return ["data", "label"]

    def list_outputs(self):
        return ["output"]

    def infer_shape(self, in_shape):
        return [in_shape[0], (in_shape[0][0],)], [in_shape[0]], []

    def infer_type(self, in_type):
        return in_type, [in_type[0]], []

    def create_operator(self, ctx, shapes, dtypes):
        return Softmax()


class Scale(mx.operator.CustomOp):
    """y = x * scale + bias_like, computed with NDArray ops only (no asnumpy)."""

    def __init__(self, scale):
        self.scale = scale

    def forward(self, is_train, req, in_data, out_data, aux):
        self.assign(out_data[0], req[0], in_data[0] * self.scale + in_data[1])

    def backward(self, req, out_grad, in_data, out_data, in_grad, aux):
        self.assign(in_grad[0], req[0], out_grad[0] * self.scale)
        self.assign(in_grad[1], req[1], out_grad[0])


SEEN_KWARGS = []


@mx.operator.register("test_scale")
class ScaleProp(mx.operator.CustomOpProp):
    def __init__(self, scale="1"):
        super().__init__(need_top_grad=True)
        SEEN_KWARGS.append(scale)
        self.scale = float(scale)

    def list_arguments(self):
        return ["data", "offset"]

    def infer_shape(self, in_shape):
        return [in_shape[0], in_shape[0]], [in_shape[0]], []

    def create_operator(self, ctx, shapes, dtypes):
        assert isinstance(ctx, mx.Context) and shapes[0] == shapes[1]
        return Scale(self.scale)


def _softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_nd_custom_forward_backward_recorded():
    rng = np.random.RandomState(0)
    xv = rng.randn(4, 3).astype(np.float32)
    label = np.array([0, 2, 1, 2], dtype=np.float32)
    x = mx.nd.array(xv)
    x.attach_grad()
    with mx.autograd.record():
        h = x * 1.0
        y = mx.nd.Custom(h, mx.nd.array(label), op_type="test_softmax")
    y.backward()
    p = _softmax(xv)
    np.testing.assert_allclose(y.asnumpy(), p, rtol=1e-5)
    expect = p.copy()
    expect[np.arange(4), label.astype(int)] -= 1
    np.testing.assert_allclose(x.grad.asnumpy(), expect, rtol=1e-5, atol=1e-6)


def test_nd_custom_kwargs_are_strings_and_gradients_chain():
    del SEEN_KWARGS[:]
    x = mx.nd.array(X)
    off = mx.nd.ones((2, 2))
    x.attach_grad()
    off.attach_grad()
    with mx.autograd.record():
        y = mx.nd.Custom(mx.nd.exp(x), off, op_type="test_scale", scale=2.5)
        z = (y * y).sum()
    z.backward()
    assert SEEN_KWARGS and SEEN_KWARGS[-1] == "2.5"
    yv = np.exp(X) * 2.5 + 1
    np.testing.assert_allclose(y.asnumpy(), yv, rtol=1e-5)
    np.testing.assert_allclose(x.grad.asnumpy(), 2 * yv * 2.5 * np.exp(X), rtol=1e-4)
    np.testing.assert_allclose(off.grad.asnumpy(), 2 * yv, rtol=1e-5)


def test_nd_custom_unknown_type_and_registry():
    assert {"test_softmax", "test_scale"} <= set(mx.operator.get_all_registered_operators())
    with pytest.raises(mx.MXNetError, match=r"op_type 'no_such_op' is not registered.*mx.operator.register"):
        mx.nd.Custom(mx.nd.ones((2,)), op_type="no_such_op")
    with pytest.raises(TypeError, match="op_type is required"):
        mx.nd.Custom(mx.nd.ones((2,)))


def test_sym_custom_arguments_inference_json():
    data = mx.sym.Variable("data")
    fc = mx.sym.FullyConnected(data, num_hidden=5, name="fc")
    net = mx.sym.Custom(fc, name="sm", op_type="test_softmax")
    assert net.list_arguments() == ["data", "fc_weight", "fc_bias", "sm_label"]
    assert net.list_outputs() == ["sm_output"]
    args, outs, aux = net.infer_shape(data=(8, 3))
    assert args == [(8, 3), (5, 3), (5,), (8,)] and outs == [(8, 5)] and aux == []
    _, otypes, _ = net.infer_type(data=np.float64)
    assert otypes == [np.float64]
    js = net.tojson()
    assert '"op_type": "test_softmax"' in js or '"op_type":"test_softmax"' in js
    back = mx.sym.load_json(js)
    assert back.list_arguments() == net.list_arguments()
    scaled = mx.sym.Custom(data, mx.sym.Variable("o"), op_type="test_scale", scale=3, name="s")
    assert "3" == mx.sym.load_json(scaled.tojson()).attr_dict()["s"]["scale"]


def test_sym_custom_mixed_with_builtin_ops_in_an_executor():
    a = mx.sym.Variable("a")
    b = mx.sym.Variable("b")
    s = mx.sym.Custom(mx.sym.relu(a), b, op_type="test_scale", scale="0.5", name="s")
    out = mx.sym.sum(s * s)
    ex = out.simple_bind(mx.cpu(), a=(3, 4), b=(3, 4))
    rng = np.random.RandomState(1)
    av, bv = rng.randn(3, 4).astype(np.float32), rng.randn(3, 4).astype(np.float32)
    ex.arg_dict["a"][:] = av
    ex.arg_dict["b"][:] = bv
    for _ in range(2):  # the same executor runs again
        ex.forward(is_train=True)
        ex.backward(mx.nd.ones(ex.outputs[0].shape))
    y = np.maximum(av, 0) * 0.5 + bv
    np.testing.assert_allclose(ex.outputs[0].asnumpy(), (y * y).sum(), rtol=1e-5)
    np.testing.assert_allclose(ex.grad_dict["a"].asnumpy(), 2 * y * 0.5 * (av > 0), rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(ex.grad_dict["b"].asnumpy(), 2 * y, rtol=1e-5)


def _mlp(head):
    data = mx.sym.Variable("data")
    l1 = mx.sym.FullyConnected(data=data, num_hidden=128, name="layer1")
    a1 = mx.sym.Activation(data=l1, act_type="relu", name="act1")
    l2 = mx.sym.FullyConnected(data=a1, num_hidden=10, name="layer2")
    return head(l2)


def _fit_digits(sym, data):
    tx, ty, vx, vy = data
    np.random.seed(0)
    mx.random.seed(0)
    train = mx.io.NDArrayIter(tx, ty, 32, shuffle=True, label_name="softmax_label")
    val = mx.io.NDArrayIter(vx, vy, 100, label_name="softmax_label")
    mod = mx.mod.Module(sym, data_names=["data"], label_names=["softmax_label"])
    mod.fit(train, optimizer="sgd", optimizer_params={"learning_rate": 0.5}, num_epoch=6)
    return mod.score(val, "acc")[0][1]


def test_module_fit_custom_softmax_matches_softmax_output():
    """The tutorial's MLP on the digits data: a custom softmax-with-loss trains it in
    Module to SoftmaxOutput's accuracy (same initialisation, same gradients)."""
    # scikit-learn's digits (8x8 images), read straight from its data file: importing
    # sklearn (what examples/digits.py does) would cost most of this test's time
    spec = importlib.util.find_spec("sklearn")
    if spec is None:
        pytest.skip("scikit-learn (the digits data) is not installed")
    path = os.path.join(spec.submodule_search_locations[0], "datasets", "data", "digits.csv.gz")
    table = np.loadtxt(path, delimiter=",", dtype=np.float32)
    x, y = table[:, :64] / 16, table[:, 64]
    idx = np.random.RandomState(0).permutation(len(x))
    te, tr = idx[:450], idx[450:]
    data = (x[tr], y[tr], x[te], y[te])
    custom = _fit_digits(_mlp(lambda h: mx.sym.Custom(h, name="softmax", op_type="test_softmax")), data)
    builtin = _fit_digits(_mlp(lambda h: mx.sym.SoftmaxOutput(h, name="softmax")), data)
    print("accuracy: custom %.4f, SoftmaxOutput %.4f" % (custom, builtin))
    assert custom > 0.9
    assert abs(custom - builtin) < 0.01, (custom, builtin)


class Failing(mx.operator.CustomOp):
    def __init__(self, where):
        self.where = where

    def forward(self, is_train, req, in_data, out_data, aux):
        if self.where == "forward":
            raise RuntimeError("forward exploded")
        self.assign(out_data[0], req[0], in_data[0])

    def backward(self, req, out_grad, in_data, out_data, in_grad, aux):
        raise RuntimeError("backward exploded")


@mx.operator.register("test_failing")
class FailingProp(mx.operator.CustomOpProp):
    def __init__(self, where="forward"):
        super().__init__()
        self.where = where

    def infer_shape(self, in_shape):
        if self.where == "infer_shape":
            raise KeyError("no shape today")
        return in_shape, [in_shape[0]], []

    def create_operator(self, ctx, shapes, dtypes):
        if self.where == "create":
            return "not an operator"
        return Failing(self.where)


def test_errors_in_callbacks_are_mxnet_errors():
    x = mx.nd.ones((2, 2))
    with pytest.raises(mx.MXNetError, match=r"(?s)Custom operator 'test_failing' forward: RuntimeError: forward exploded"):
        mx.nd.Custom(x, op_type="test_failing")
    with pytest.raises(mx.MXNetError, match=r"(?s)infer_shape: KeyError: 'no shape today'"):
        mx.nd.Custom(x, op_type="test_failing", where="infer_shape")
    with pytest.raises(mx.MXNetError, match=r"create_operator must return a CustomOp, got str"):
        mx.nd.Custom(x, op_type="test_failing", where="create")
    with pytest.raises(mx.MXNetError, match="unexpected keyword argument 'bogus'"):
        mx.nd.Custom(x, op_type="test_failing", bogus=1)
    x.attach_grad()
    with mx.autograd.record():
        y = mx.nd.Custom(x, op_type="test_failing", where="backward")
    with pytest.raises(mx.MXNetError, match="backward exploded"):
        y.backward()
    # in an executor: forward and backward
    sym = mx.sym.Custom(mx.sym.Variable("x"), op_type="test_failing", where="backward")
    ex = sym.simple_bind(mx.cpu(), x=(2, 2))
    ex.forward(is_train=True)
    with pytest.raises(mx.MXNetError, match="backward exploded"):
        ex.backward(mx.nd.ones((2, 2)))
    with pytest.raises(mx.MXNetError, match="infer_shape"):
        mx.sym.Custom(mx.sym.Variable("x"), op_type="test_failing", where="infer_shape").simple_bind(
            mx.cpu(), x=(2, 2))
    mx.nd.waitall()


def test_props_and_operators_are_released():
    from mxlite import operator as op_mod
    gc.collect()
    before = len(op_mod._LIVE)
    sym = mx.sym.Custom(mx.sym.Variable("x"), mx.sym.Variable("o"), op_type="test_scale")
    ex = sym.simple_bind(mx.cpu(), x=(2,), o=(2,))
    ex.forward(is_train=True)
    ex.backward(mx.nd.ones((2,)))
    y = mx.nd.Custom(mx.nd.ones((2,)), mx.nd.ones((2,)), op_type="test_scale")
    mx.nd.waitall()
    assert len(op_mod._LIVE) > before
    del sym, ex, y
    gc.collect()
    assert len(op_mod._LIVE) == before


@pytest.mark.gpu
@pytest.mark.skipif(mx.context.num_gpus() == 0, reason="no GPU")
def test_custom_op_and_function_on_gpu_match_cpu():
    """The callbacks get arrays on the device of the call; results match the CPU's."""
    results = []
    for ctx in (mx.cpu(), mx.gpu(0)):
        x = mx.nd.array(X, ctx=ctx)
        off = mx.nd.ones((2, 2), ctx=ctx)
        x.attach_grad()
        with mx.autograd.record():
            y = mx.nd.Custom(sigmoid()(x), off, op_type="test_scale", scale=1.5)
        y.backward()
        assert y.context == ctx and x.grad.context == ctx
        sym = mx.sym.Custom(mx.sym.Variable("a"), mx.sym.Variable("b"), op_type="test_scale", scale=2)
        ex = sym.simple_bind(ctx, a=(2, 2), b=(2, 2))
        ex.arg_dict["a"][:] = X
        ex.forward(is_train=True)
        ex.backward(mx.nd.ones((2, 2), ctx=ctx))
        results.append([y.asnumpy(), x.grad.asnumpy(), ex.outputs[0].asnumpy(), ex.grad_dict["a"].asnumpy()])
    for c, g in zip(*results):
        np.testing.assert_allclose(g, c, rtol=1e-5)
