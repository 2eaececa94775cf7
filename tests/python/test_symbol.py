"""Symbols: MXNet's names, listing, composition, attributes, inference and JSON."""
import json

import numpy as np
import pytest

import mxlite as mx


def tutorial_graph():
    a = mx.sym.Variable("A")
    b = mx.sym.Variable("B")
    c = (a + b) / 10
    return c + 1


def test_tutorial_names_and_shapes():
    with mx.name.NameManager():
        d = tutorial_graph()
    assert d.list_arguments() == ["A", "B"]
    assert d.list_outputs() == ["_plusscalar0_output"]
    arg_shapes, out_shapes, aux_shapes = d.infer_shape(A=(10,), B=(10,))
    assert arg_shapes == [(10,), (10,)] and out_shapes == [(10,)] and aux_shapes == []


@pytest.mark.parametrize("expr,name", [
    ("a+b", "_plus0"), ("a-b", "_minus0"), ("a*b", "_mul0"), ("a/b", "_div0"), ("a%b", "_mod0"),
    ("a**b", "_power0"), ("a+1", "_plusscalar0"), ("a-1", "_minusscalar0"), ("1-a", "_rminusscalar0"),
    ("a*2", "_mulscalar0"), ("a/2", "_divscalar0"), ("2/a", "_rdivscalar0"), ("a%2", "_modscalar0"),
    ("2%a", "_rmodscalar0"), ("a**2", "_powerscalar0"), ("2**a", "_rpower_scalar0"), ("-a", "_mulscalar0"),
    ("a==b", "_equal0"), ("a!=b", "_not_equal0"), ("a>b", "_greater0"), ("a>=b", "_greater_equal0"),
    ("a<b", "_lesser0"), ("a<=b", "_lesser_equal0"), ("a==1", "_equal_scalar0"), ("a>1", "_greater_scalar0"),
    ("abs(a)", "abs0")])
def test_operator_names_match_mxnet(expr, name):
    with mx.name.NameManager():
        a, b = mx.sym.Variable("a"), mx.sym.Variable("b")
        s = eval(expr)
    assert s.name == name
    assert s.list_outputs() == [name + "_output"]


def test_auto_created_parameters_and_aux_states():
    with mx.name.NameManager():
        data = mx.sym.Variable("data")
        fc = mx.sym.FullyConnected(data=data, num_hidden=128, name="layer1")
        bn = mx.sym.BatchNorm(fc)
    assert bn.list_arguments() == ["data", "layer1_weight", "layer1_bias", "batchnorm0_gamma", "batchnorm0_beta"]
    assert bn.list_auxiliary_states() == ["batchnorm0_moving_mean", "batchnorm0_moving_var"]
    assert bn.list_outputs() == ["batchnorm0_output"]
    assert bn.list_inputs() == bn.list_arguments()[:5] + bn.list_auxiliary_states()
    args, outs, aux = bn.infer_shape(data=(4, 20))
    assert args[1] == (128, 20) and aux == [(128,), (128,)] and outs == [(4, 128)]


def test_prefix_and_name_manager():
    a = mx.sym.Variable("a")
    with mx.name.Prefix("net_"):
        assert mx.sym.FullyConnected(a, num_hidden=2).name == "net_fullyconnected0"
    with mx.name.NameManager():
        assert mx.sym.FullyConnected(a, num_hidden=2).name == "fullyconnected0"
        assert mx.sym.FullyConnected(a, num_hidden=2).name == "fullyconnected1"


def test_internals_children_getitem_group():
    a = mx.sym.Variable("a")
    fc = mx.sym.FullyConnected(a, num_hidden=3, name="fc")
    internals = fc.get_internals()
    assert internals.list_outputs() == ["a", "fc_weight", "fc_bias", "fc_output"]
    assert internals["fc_output"].name == "fc" and internals[0].name == "a"
    assert fc.get_children().list_outputs() == ["a", "fc_weight", "fc_bias"]
    g = mx.sym.Group([a, fc])
    assert len(g) == 2 and g.list_outputs() == ["a", "fc_output"]
    assert repr(g) == "<Symbol group [a, fc]>" and repr(fc) == "<Symbol fc>"
    with pytest.raises(IndexError):
        g[2]
    with pytest.raises(ValueError):
        internals["nope"]
    split = mx.sym.split(a, num_outputs=2, name="sp")
    assert split.list_outputs() == ["sp_output0", "sp_output1"]


def test_compose_by_call():
    data = mx.sym.Variable("data")
    net = mx.sym.FullyConnected(data, num_hidden=4, name="fc")
    other = mx.sym.Activation(mx.sym.Variable("x"), act_type="relu", name="act")
    composed = net(data=other)
    assert composed.list_arguments() == ["x", "fc_weight", "fc_bias"]
    assert net.list_arguments() == ["data", "fc_weight", "fc_bias"]  # the original is unchanged
    with pytest.raises(mx.MXNetError, match="no input named"):
        net(nope=other)


def test_attributes():
    v = mx.sym.Variable("x", shape=(2, 3), lr_mult=2, wd_mult=0, dtype="float16", attr={"foo": "bar"})
    attrs = v.list_attr()
    assert attrs["__shape__"] == "(2, 3)" and attrs["__lr_mult__"] == "2" and attrs["foo"] == "bar"
    assert attrs["__dtype__"] == "2"
    fc = mx.sym.FullyConnected(mx.sym.Variable("a"), num_hidden=3, name="fc")
    assert fc.attr("num_hidden") == "3"
    assert fc.attr_dict()["fc"] == {"num_hidden": "3"}
    with mx.AttrScope(ctx_group="dev1"):
        s = mx.sym.Activation(mx.sym.Variable("y"), act_type="relu", name="r")
    assert s.attr("ctx_group") == "dev1"
    # __shape__ feeds shape inference
    assert (v * 2).infer_shape()[1] == [(2, 3)]


def test_infer_shape_partial_type_and_errors():
    a = mx.sym.Variable("a")
    fc = mx.sym.FullyConnected(a, num_hidden=3, name="fc")
    with pytest.warns(UserWarning, match="Cannot decide shape"):
        assert fc.infer_shape() == (None, None, None)
    # bias is known from num_hidden alone (MXNet reports () there)
    assert fc.infer_shape_partial() == ([(), (), (3,)], [()], [])
    assert fc.infer_shape(a=(2, 4)) == ([(2, 4), (3, 4), (3,)], [(2, 3)], [])
    assert fc.infer_type(a="float64") == ([np.float64] * 3, [np.float64], [])
    with pytest.raises(mx.MXNetError, match="fc"):
        fc.infer_shape(a=(2, 4), fc_weight=(3, 5))
    b = mx.sym.Variable("b")
    with pytest.raises(mx.MXNetError, match=r"\(2, 3\).*\(4, 5\)|\(4, 5\).*\(2, 3\)"):
        (a + b).infer_shape(a=(2, 3), b=(4, 5))


# What MXNet 1.9.1 wrote for FullyConnected + BatchNorm (hidden outputs and all).
MXNET_JSON = """{
  "nodes": [
    {"op": "null", "name": "data", "inputs": []},
    {"op": "null", "name": "layer1_weight", "attrs": {"num_hidden": "128"}, "inputs": []},
    {"op": "null", "name": "layer1_bias", "attrs": {"num_hidden": "128"}, "inputs": []},
    {"op": "FullyConnected", "name": "layer1", "attrs": {"num_hidden": "128"},
     "inputs": [[0, 0, 0], [1, 0, 0], [2, 0, 0]]},
    {"op": "null", "name": "batchnorm0_gamma", "inputs": []},
    {"op": "null", "name": "batchnorm0_beta", "inputs": []},
    {"op": "null", "name": "batchnorm0_moving_mean", "attrs": {"__init__": "[\\"zero\\", {}]"}, "inputs": []},
    {"op": "null", "name": "batchnorm0_moving_var", "attrs": {"__init__": "[\\"one\\", {}]"}, "inputs": []},
    {"op": "BatchNorm", "name": "batchnorm0", "inputs": [[3, 0, 0], [4, 0, 0], [5, 0, 0], [6, 0, 1], [7, 0, 1]]}
  ],
  "arg_nodes": [0, 1, 2, 4, 5, 6, 7],
  "node_row_ptr": [0, 1, 2, 3, 4, 5, 6, 7, 8, 11],
  "heads": [[8, 0, 0]],
  "attrs": {"mxnet_version": ["int", 10901]}
}"""


def test_json_round_trip_and_mxnet_files(tmp_path):
    s = mx.sym.load_json(MXNET_JSON)
    assert s.list_arguments() == ["data", "layer1_weight", "layer1_bias", "batchnorm0_gamma", "batchnorm0_beta"]
    assert s.list_auxiliary_states() == ["batchnorm0_moving_mean", "batchnorm0_moving_var"]
    assert s.infer_shape(data=(2, 7))[0][1] == (128, 7)
    js = s.tojson()
    back = mx.sym.load_json(js)
    assert back.tojson() == js
    parsed = json.loads(js)
    assert set(parsed) >= {"nodes", "arg_nodes", "node_row_ptr", "heads", "attrs"}
    path = tmp_path / "net-symbol.json"
    s.save(str(path))
    assert mx.sym.load(str(path)).tojson() == js
    with mx.name.NameManager():
        d = tutorial_graph()
    assert json.loads(d.tojson())["nodes"][2] == {"op": "elemwise_add", "name": "_plus0",
                                                  "inputs": [[0, 0, 0], [1, 0, 0]]}


@pytest.mark.parametrize("text,match", [
    ("{not json", "malformed JSON"),
    ('{"nodes": [{"op": "relu", "name": "x", "inputs": [[1, 0, 0]]},'
     ' {"op": "relu", "name": "y", "inputs": [[0, 0, 0]]}], "heads": [[1, 0, 0]]}', "cycle"),
    ('{"nodes": [{"op": "nope", "name": "x", "inputs": []}], "heads": [[0, 0, 0]]}', "unknown operator"),
    ('{"nodes": [], "heads": []}', "no heads"),
    ('{"heads": []}', "nodes"),
])
def test_bad_json(text, match):
    with pytest.raises(mx.MXNetError, match=match):
        mx.sym.load_json(text)


def test_load_missing_file():
    with pytest.raises(mx.MXNetError, match="/no/such/net.json"):
        mx.sym.load("/no/such/net.json")
