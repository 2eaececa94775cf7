"""mx.init / mx.initializer: distributions (moments and bounds), Xavier's scale
formula, MXNet's per-name rules, a Variable's init attribute, Mixed, Load, Orthogonal."""
import json

import numpy as np
import pytest

import mxlite as mx


def _fill(init, name, shape, attrs=None):
    arr = mx.nd.full(shape, 7.0) if hasattr(mx.nd, "full") else mx.nd.ones(shape) * 7.0
    init(mx.init.InitDesc(name, attrs=attrs), arr)
    return arr.asnumpy()


def test_init_is_initializer():
    assert mx.init is mx.initializer
    assert mx.init.Xavier is mx.initializer.Xavier


def test_uniform_bounds_and_moments():
    mx.random.seed(1)
    a = _fill(mx.init.Uniform(0.3), "fc_weight", (200, 300))
    assert a.min() >= -0.3 and a.max() < 0.3
    assert abs(a.mean()) < 0.005
    assert a.std() == pytest.approx(0.3 / np.sqrt(3), rel=0.02)


def test_uniform_default_scale():
    a = _fill(mx.init.Uniform(), "w_weight", (100, 100))
    assert np.abs(a).max() <= 0.07 and a.std() == pytest.approx(0.07 / np.sqrt(3), rel=0.05)


def test_normal_moments():
    mx.random.seed(2)
    a = _fill(mx.init.Normal(0.5), "conv_weight", (100, 100, 3))
    assert abs(a.mean()) < 0.01
    assert a.std() == pytest.approx(0.5, rel=0.02)


@pytest.mark.parametrize("factor_type", ["avg", "in", "out"])
@pytest.mark.parametrize("rnd_type", ["uniform", "gaussian"])
def test_xavier_scale(rnd_type, factor_type):
    shape = (64, 32, 3, 3)
    fan_in, fan_out = 32 * 9, 64 * 9
    factor = {"avg": (fan_in + fan_out) / 2.0, "in": fan_in, "out": fan_out}[factor_type]
    scale = np.sqrt(2.5 / factor)
    a = _fill(mx.init.Xavier(rnd_type=rnd_type, factor_type=factor_type, magnitude=2.5),
              "conv1_weight", shape)
    if rnd_type == "uniform":
        assert np.abs(a).max() <= scale
        assert a.std() == pytest.approx(scale / np.sqrt(3), rel=0.03)
    else:
        assert a.std() == pytest.approx(scale, rel=0.03)
    assert abs(a.mean()) < scale * 0.02


def test_xavier_needs_two_dims():
    with pytest.raises(ValueError, match="at least 2 dimensions"):
        mx.init.Xavier()(mx.init.InitDesc("odd_weight"), mx.nd.zeros((5,)))


def test_xavier_argument_errors():
    with pytest.raises(ValueError, match="rnd_type"):
        mx.init.Xavier(rnd_type="triangle")
    with pytest.raises(ValueError, match="factor_type"):
        mx.init.Xavier(factor_type="sum")


def test_msraprelu_is_gaussian_xavier():
    shape = (128, 256)
    a = _fill(mx.init.MSRAPrelu(factor_type="in", slope=0.5), "fc_weight", shape)
    magnitude = 2.0 / (1 + 0.5 ** 2)
    assert a.std() == pytest.approx(np.sqrt(magnitude / 256), rel=0.03)
    assert json.loads(mx.init.MSRAPrelu(slope=0.5).dumps()) == \
        ["msraprelu", {"factor_type": "avg", "slope": 0.5}]


@pytest.mark.parametrize("rand_type", ["uniform", "normal"])
def test_orthogonal_rows_or_columns(rand_type):
    a = _fill(mx.init.Orthogonal(scale=2.0, rand_type=rand_type), "fc_weight", (6, 10))
    np.testing.assert_allclose(a @ a.T, 4.0 * np.eye(6), atol=1e-4)
    b = _fill(mx.init.Orthogonal(scale=1.0, rand_type=rand_type), "conv_weight", (12, 2, 2))
    flat = b.reshape(12, 4)
    np.testing.assert_allclose(flat.T @ flat, np.eye(4), atol=1e-4)


def test_constant_zero_one():
    np.testing.assert_array_equal(_fill(mx.init.Constant(0.25), "x_weight", (2, 3)), 0.25)
    np.testing.assert_array_equal(_fill(mx.init.Zero(), "x_weight", (2, 3)), 0.0)
    np.testing.assert_array_equal(_fill(mx.init.One(), "x_weight", (2, 3)), 1.0)
    np.testing.assert_array_equal(_fill(mx.init.Constant([1.0, 2.0, 3.0]), "x_weight", (2, 3)),
                                  [[1, 2, 3], [1, 2, 3]])


def test_per_name_rules():
    init = mx.init.Uniform(0.5)
    expected = {"fc1_bias": 0.0, "bn_beta": 0.0, "bn_gamma": 1.0, "bn_moving_mean": 0.0,
                "bn_moving_var": 1.0, "bn_moving_inv_var": 0.0, "avg_moving_avg": 0.0,
                "q_min": 0.0, "q_max": 1.0}
    for name, value in expected.items():
        np.testing.assert_array_equal(_fill(init, name, (4,)), value, err_msg=name)
    w = _fill(init, "fc1_weight", (4, 5))
    assert np.abs(w).max() <= 0.5 and len(np.unique(w)) > 10


def test_plain_string_names_work_too():
    arr = mx.nd.ones((3,)) * 5
    mx.init.Xavier()("fc_bias", arr)
    np.testing.assert_array_equal(arr.asnumpy(), 0.0)
    arr = mx.nd.zeros((3,))
    mx.init.Normal()("bn_gamma", arr)
    np.testing.assert_array_equal(arr.asnumpy(), 1.0)


def test_unknown_name_pattern_is_an_error():
    with pytest.raises(ValueError, match="Unknown initialization pattern for 'data'"):
        mx.init.Uniform()(mx.init.InitDesc("data"), mx.nd.zeros((2,)))


def test_variable_init_attribute_overrides_the_name_rule():
    v = mx.sym.Variable("fc_bias", init=mx.init.Constant(0.5))
    attrs = v.attr_dict()["fc_bias"]
    a = _fill(mx.init.Xavier(), "fc_bias", (3,), attrs=attrs)
    np.testing.assert_array_equal(a, 0.5)
    w = mx.sym.Variable("fc_weight", init=mx.init.One())
    a = _fill(mx.init.Uniform(), "fc_weight", (2, 2), attrs=w.attr_dict()["fc_weight"])
    np.testing.assert_array_equal(a, 1.0)
    # also a name with no rule of its own
    s = mx.sym.Variable("scale", init=mx.init.Constant(3.0))
    np.testing.assert_array_equal(_fill(mx.init.Uniform(), "scale", (2,),
                                        attrs=s.attr_dict()["scale"]), 3.0)


def test_dumps_and_create_round_trip():
    init = mx.init.Xavier(rnd_type="gaussian", factor_type="in", magnitude=2)
    text = init.dumps()
    assert json.loads(text) == ["xavier", {"rnd_type": "gaussian", "factor_type": "in",
                                           "magnitude": 2}]
    clone = mx.init.create(text)
    assert isinstance(clone, mx.init.Xavier)
    assert (clone.rnd_type, clone.factor_type, clone.magnitude) == ("gaussian", "in", 2.0)
    assert isinstance(mx.init.create("zeros"), mx.init.Zero)
    assert isinstance(mx.init.create("ones"), mx.init.One)
    assert isinstance(mx.init.create("Uniform", scale=0.1), mx.init.Uniform)
    assert mx.init.create(init) is init


def test_unknown_initializer_is_a_clear_error():
    with pytest.raises(ValueError, match=r"Cannot find initializer 'xaver'.*xavier"):
        mx.init.create("xaver")
    with pytest.raises(ValueError, match="malformed"):
        mx.init.create('["xavier", ')


def test_mixed_picks_the_first_matching_pattern():
    init = mx.init.Mixed(["^emb", ".*"], [mx.init.Constant(2.0), mx.init.Constant(-1.0)])
    e = mx.nd.zeros((3, 2))
    init("emb_weight", e)
    w = mx.nd.zeros((2, 2))
    init("fc_weight", w)
    b = mx.nd.ones((2,))
    init("fc_bias", b)  # the chosen initializer still applies the name rules
    np.testing.assert_array_equal(e.asnumpy(), 2.0)
    np.testing.assert_array_equal(w.asnumpy(), -1.0)
    np.testing.assert_array_equal(b.asnumpy(), 0.0)
    strict = mx.init.Mixed(["bias$"], [mx.init.Zero()])
    with pytest.raises(ValueError, match="matches no pattern"):
        strict("fc_weight", w)
    with pytest.raises(ValueError, match="2 patterns but 1"):
        mx.init.Mixed(["a", "b"], [mx.init.Zero()])


def test_load_from_dict_and_file(tmp_path):
    saved = {"arg:fc_weight": mx.nd.array([[1.0, 2.0], [3.0, 4.0]]),
             "aux:bn_moving_mean": mx.nd.array([0.5, 0.25])}
    fname = str(tmp_path / "p.params")
    mx.nd.save(fname, saved)
    for source in (saved, fname):
        init = mx.init.Load(source, default_init=mx.init.Constant(9.0))
        w = mx.nd.zeros((2, 2))
        init("fc_weight", w)
        np.testing.assert_array_equal(w.asnumpy(), [[1, 2], [3, 4]])
        m = mx.nd.zeros((2,))
        init("bn_moving_mean", m)
        np.testing.assert_array_equal(m.asnumpy(), [0.5, 0.25])
        other = mx.nd.zeros((3, 1))
        init("fc2_weight", other)  # not saved: the default initializer
        np.testing.assert_array_equal(other.asnumpy(), 9.0)


def test_load_errors():
    init = mx.init.Load({"fc_weight": mx.nd.zeros((2, 2))})
    with pytest.raises(ValueError, match="shape"):
        init("fc_weight", mx.nd.zeros((3, 2)))
    with pytest.raises(ValueError, match="'fc_bias'.*not found"):
        init("fc_bias", mx.nd.zeros((2,)))


def test_bilinear_kernel():
    a = _fill(mx.init.Bilinear(), "up_weight", (1, 1, 4, 4))
    f = np.ceil(4 / 2.0)
    c = (2 * f - 1 - f % 2) / (2.0 * f)
    k = np.array([1 - abs(i / f - c) for i in range(4)])
    np.testing.assert_allclose(a[0, 0], np.outer(k, k), rtol=1e-6)


def test_lstm_bias():
    a = _fill(mx.init.LSTMBias(forget_bias=2.0), "lstm_i2h_bias", (8,),
              attrs={"__init__": mx.init.LSTMBias(forget_bias=2.0).dumps()})
    np.testing.assert_array_equal(a, [0, 0, 2, 2, 0, 0, 0, 0])


def test_seeded_initialization_is_reproducible():
    mx.random.seed(7)
    a = _fill(mx.init.Xavier(), "fc_weight", (5, 5))
    mx.random.seed(7)
    b = _fill(mx.init.Xavier(), "fc_weight", (5, 5))
    np.testing.assert_array_equal(a, b)


def test_float64_and_float16_arrays():
    for dt in (np.float64, np.float16):
        arr = mx.nd.zeros((20, 20), dtype=dt)
        mx.init.Uniform(0.2)(mx.init.InitDesc("fc_weight"), arr)
        assert arr.dtype == dt
        assert np.abs(arr.asnumpy()).max() <= 0.2
