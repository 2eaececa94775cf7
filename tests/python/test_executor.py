"""Executors: bind / simple_bind, forward / backward, grad_req, sharing, the
memory plan, and the errors binding and backward raise."""
import os
import subprocess
import sys

import numpy as np
import pytest

import mxlite as mx


def tutorial_graph():
    a = mx.sym.Variable("A")
    b = mx.sym.Variable("B")
    return (a + b) / 10 + 1


def test_bind_forward_backward_lists_and_dicts():
    d = tutorial_graph()
    args = {"A": mx.nd.ones((10,)), "B": mx.nd.ones((10,))}
    grads = {"A": mx.nd.ones((10,)), "B": mx.nd.ones((10,))}
    ex = d.bind(ctx=mx.cpu(), args=args, args_grad=grads, grad_req="write")
    ex.arg_dict["A"][:] = np.arange(10)
    ex.forward()
    np.testing.assert_allclose(ex.outputs[0].asnumpy(), (np.arange(10) + 1) / 10 + 1, rtol=1e-6)
    ex.backward([mx.nd.ones((10,))])
    np.testing.assert_allclose(grads["A"].asnumpy(), np.full(10, 0.1), rtol=1e-6)
    assert ex.grad_dict["B"] is grads["B"]
    ex2 = d.bind(mx.cpu(), [mx.nd.ones((10,)), mx.nd.ones((10,))])
    assert ex2.forward()[0].shape == (10,)
    assert list(ex2.output_dict) == ["_plusscalar0_output"] or len(ex2.output_dict) == 1


def test_grad_req_add_and_per_argument():
    d = tutorial_graph()
    ex = d.simple_bind(mx.cpu(), grad_req={"A": "add", "B": "null"}, A=(3,), B=(3,))
    assert ex.grad_dict.keys() == {"A"}
    for _ in range(3):
        ex.forward(is_train=True)
        ex.backward(mx.nd.ones((3,)))
    np.testing.assert_allclose(ex.grad_dict["A"].asnumpy(), np.full(3, 0.3), rtol=1e-6)


def test_forward_kwargs_and_shared_arrays():
    data = mx.sym.Variable("data")
    net = mx.sym.FullyConnected(data, num_hidden=4, name="fc")
    train = net.simple_bind(mx.cpu(), data=(2, 3))
    test = net.bind(mx.cpu(), args=train.arg_arrays, grad_req="null")
    train.arg_dict["fc_weight"][:] = 1.0
    train.arg_dict["fc_bias"][:] = 0.5
    out = test.forward(data=np.ones((2, 3), np.float32))
    np.testing.assert_allclose(out[0].asnumpy(), np.full((2, 4), 3.5))


def test_reshape_and_copy_params_from():
    data = mx.sym.Variable("data")
    net = mx.sym.FullyConnected(data, num_hidden=4, name="fc")
    ex = net.simple_bind(mx.cpu(), data=(2, 3))
    ex.copy_params_from({"fc_weight": mx.nd.ones((4, 3)), "fc_bias": mx.nd.zeros((4,))})
    big = ex.reshape(data=(5, 3), allow_up_sizing=True)
    assert big.arg_dict["fc_weight"] is ex.arg_dict["fc_weight"]
    out = big.forward(data=np.ones((5, 3), np.float32))[0]
    assert out.shape == (5, 4) and float(out.asnumpy()[0, 0]) == 3.0
    with pytest.raises(mx.MXNetError, match="nope"):
        ex.copy_params_from({"nope": mx.nd.ones((1,))})


def test_memory_plan_figures():
    x = mx.sym.Variable("data")
    for i in range(10):
        x = mx.sym.FullyConnected(x, num_hidden=64, name="fc%d" % i)
        x = mx.sym.Activation(x, act_type="relu")
    net = mx.sym.SoftmaxOutput(x, name="softmax")
    ex = net.simple_bind(mx.cpu(), data=(32, 64))
    planned, naive = ex.memory_stats()
    assert planned <= 0.7 * naive
    assert "Memory plan" in ex.debug_str()


PLAN_SCRIPT = r"""
import numpy as np, mxlite as mx
x = mx.sym.Variable("data")
for i in range(10):
    x = mx.sym.Activation(mx.sym.FullyConnected(x, num_hidden=32, name="fc%d" % i), act_type="tanh")
net = mx.sym.SoftmaxOutput(x, name="softmax")
ex = net.simple_bind(mx.cpu(), data=(8, 16))
rng = np.random.RandomState(0)
for name, arr in ex.arg_dict.items():
    arr[:] = rng.randint(0, 10, arr.shape) if name == "softmax_label" else rng.uniform(-0.5, 0.5, arr.shape)
ex.forward(is_train=True)
ex.backward()
np.save(__import__("sys").argv[1], np.concatenate([ex.outputs[0].asnumpy().ravel()] +
        [ex.grad_dict[k].asnumpy().ravel() for k in sorted(ex.grad_dict)]))
"""


def test_plan_off_gives_identical_results(tmp_path):
    outs = []
    for plan in ("1", "0"):
        f = tmp_path / ("r%s.npy" % plan)
        env = dict(os.environ, MXLITE_MEMORY_PLAN=plan)
        subprocess.run([sys.executable, "-c", PLAN_SCRIPT, str(f)], check=True, env=env)
        outs.append(np.load(f))
    assert np.array_equal(outs[0], outs[1])


def test_bind_errors():
    d = tutorial_graph()
    with pytest.raises(mx.MXNetError, match="`B` is missing"):
        d.bind(mx.cpu(), {"A": mx.nd.ones((10,))})
    with pytest.raises(mx.MXNetError, match=r"\(10,\).*\(4,\)|\(4,\).*\(10,\)"):
        d.bind(mx.cpu(), {"A": mx.nd.ones((10,)), "B": mx.nd.ones((4,))})
    with pytest.raises(mx.MXNetError, match="grad_req 'sometimes'"):
        d.simple_bind(mx.cpu(), grad_req="sometimes", A=(2,), B=(2,))
    ex = d.simple_bind(mx.cpu(), A=(2,), B=(2,))
    with pytest.raises(mx.MXNetError, match="before backward"):
        ex.backward([mx.nd.ones((2,))])
    ex.forward(is_train=True)
    with pytest.raises(mx.MXNetError, match="not a loss"):
        ex.backward()
    with pytest.raises(mx.MXNetError, match="no gradients"):
        d.simple_bind(mx.cpu(), grad_req="null", A=(2,), B=(2,)).backward()
    with pytest.raises(mx.MXNetError, match="cannot infer"):
        mx.sym.FullyConnected(mx.sym.Variable("x"), num_hidden=2).simple_bind(mx.cpu())


def test_mlp_loss_head_needs_no_out_grads():
    data = mx.sym.Variable("data")
    net = mx.sym.SoftmaxOutput(mx.sym.FullyConnected(data, num_hidden=3, name="fc"), name="sm")
    ex = net.simple_bind(mx.cpu(), data=(4, 5))
    ex.arg_dict["data"][:] = np.random.rand(4, 5)
    ex.arg_dict["fc_weight"][:] = np.random.rand(3, 5)
    ex.arg_dict["sm_label"][:] = np.array([0, 1, 2, 1])
    ex.forward(is_train=True)
    ex.backward()
    p = ex.outputs[0].asnumpy()
    onehot = np.eye(3)[[0, 1, 2, 1]]
    np.testing.assert_allclose(ex.grad_dict["fc_bias"].asnumpy(), (p - onehot).sum(0), rtol=1e-5, atol=1e-6)


def test_group2ctx_and_shared_buffer():
    with mx.AttrScope(ctx_group="dev1"):
        a = mx.sym.Variable("a")
        b = a * 2
    c = b + 1
    assert c.attr_dict()["a"]["ctx_group"] == "dev1"
    # CPU contexts share host memory: the group runs in the executor's graph.
    ex = c.simple_bind(mx.cpu(), a=(2,), group2ctx={"dev1": mx.cpu(1)})
    np.testing.assert_allclose(ex.forward(a=mx.nd.ones((2,)))[0].asnumpy(), [3, 3])
    ex = c.bind(mx.cpu(), {"a": mx.nd.ones((2,))}, group2ctx={"dev1": mx.cpu(0)})
    np.testing.assert_allclose(ex.forward()[0].asnumpy(), [3, 3])
    with pytest.raises(TypeError, match="group2ctx\\['dev1'\\] must be a Context"):
        c.simple_bind(mx.cpu(), a=(2,), group2ctx={"dev1": "cpu"})
    with pytest.raises(mx.MXNetError, match="ctx_group 'dev1' on gpu\\(0\\)"):
        c.simple_bind(mx.cpu(), a=(2,), group2ctx={"dev1": mx.gpu(0)})
    # shared_buffer: new arrays are put in it, and a second bind reuses them
    buf = {}
    e1 = c.simple_bind(mx.cpu(), a=(2,), shared_buffer=buf)
    assert buf["a"] is e1.arg_dict["a"]
    e2 = c.simple_bind(mx.cpu(), a=(2,), shared_buffer=buf)
    assert e2.arg_dict["a"] is e1.arg_dict["a"]
    e3 = c.simple_bind(mx.cpu(), a=(2,), shared_buffer=buf, shared_arg_names=[])
    assert e3.arg_dict["a"] is not e1.arg_dict["a"]
