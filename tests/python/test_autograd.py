"""Imperative autograd: the same registered gradients as executors, applied to a tape."""
import numpy as np
import pytest

import mxlite as mx


def test_record_backward_matches_analytic():
    x = mx.nd.array([[1., 2.], [3., 4.]])
    x.attach_grad()
    with mx.autograd.record():
        y = mx.nd.exp(x) * x + 2 * x
        z = y.sum()
    z.backward()
    xn = x.asnumpy()
    np.testing.assert_allclose(x.grad.asnumpy(), np.exp(xn) * (1 + xn) + 2, rtol=1e-5)


def test_matches_executor_gradient():
    data = mx.sym.Variable("data")
    net = mx.sym.Activation(mx.sym.FullyConnected(data, num_hidden=3, name="fc"), act_type="tanh")
    rng = np.random.RandomState(0)
    d, w, b = rng.rand(4, 5), rng.rand(3, 5), rng.rand(3)
    ex = net.simple_bind(mx.cpu(), data=(4, 5))
    ex.copy_params_from({"data": mx.nd.array(d), "fc_weight": mx.nd.array(w), "fc_bias": mx.nd.array(b)})
    ex.forward(is_train=True)
    og = mx.nd.array(rng.rand(4, 3))
    ex.backward([og])
    W = mx.nd.array(w)
    W.attach_grad()
    with mx.autograd.record():
        out = mx.nd.tanh(mx.nd.FullyConnected(mx.nd.array(d), W, mx.nd.array(b), num_hidden=3))
    out.backward(og)
    np.testing.assert_allclose(W.grad.asnumpy(), ex.grad_dict["fc_weight"].asnumpy(), rtol=1e-5)


def test_grad_returns_without_writing_and_add_accumulates():
    x = mx.nd.array([1., 2., 3.])
    x.attach_grad(grad_req="add")
    for _ in range(2):
        with mx.autograd.record():
            y = x * x
        y.backward()
    np.testing.assert_allclose(x.grad.asnumpy(), [4., 8., 12.])
    with mx.autograd.record():
        y = 3 * x
    (g,) = mx.autograd.grad(y, [x])
    np.testing.assert_allclose(g.asnumpy(), [3., 3., 3.])
    np.testing.assert_allclose(x.grad.asnumpy(), [4., 8., 12.])  # untouched


def test_scopes_and_flags():
    assert not mx.autograd.is_recording()
    with mx.autograd.record():
        assert mx.autograd.is_recording() and mx.autograd.is_training()
        with mx.autograd.pause():
            assert not mx.autograd.is_recording() and not mx.autograd.is_training()
        with mx.autograd.predict_mode():
            assert not mx.autograd.is_training()
    assert not mx.autograd.is_recording()


def test_reshape_is_recorded_and_detach_cuts():
    x = mx.nd.array([1., 2., 3., 4.])
    x.attach_grad()
    with mx.autograd.record():
        y = (x.reshape((2, 2)) * 2).sum()
        z = (x.detach() * x).sum()
    y.backward()
    np.testing.assert_allclose(x.grad.asnumpy(), [2., 2., 2., 2.])
    z.backward()
    np.testing.assert_allclose(x.grad.asnumpy(), [1., 2., 3., 4.])


def test_backward_of_unrecorded_array_is_an_error():
    x = mx.nd.ones((2,))
    with pytest.raises(mx.MXNetError, match="recording"):
        x.backward()
