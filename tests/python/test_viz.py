"""mx.viz.print_summary and mx.viz.plot_network."""
import sys

import pytest

import mxlite as mx


def _convnet():
    data = mx.sym.Variable("data")
    c = mx.sym.Convolution(data, kernel=(3, 3), num_filter=8, name="conv")
    b = mx.sym.BatchNorm(c, name="bn")
    a = mx.sym.Activation(b, act_type="relu", name="relu")
    p = mx.sym.Pooling(a, kernel=(2, 2), stride=(2, 2), pool_type="max", name="pool")
    f = mx.sym.FullyConnected(mx.sym.flatten(p, name="flat"), num_hidden=10, name="fc")
    return mx.sym.SoftmaxOutput(f, name="softmax")


def test_print_summary_counts_params_and_shapes(capsys):
    mx.viz.print_summary(_convnet(), shape={"data": (1, 1, 28, 28)})
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[1].startswith("Layer (type)") and "Output Shape" in lines[1] and "Previous Layer" in lines[1]
    row = {l.split("(")[0]: l for l in lines if "(" in l and not l.startswith("Layer")}
    # conv: 8*1*3*3 + 8 = 80; bn: gamma + beta = 16 (moving stats are aux states, not counted);
    # fc: 10 * 8*13*13 + 10 = 13530
    assert "8x26x26" in row["conv"] and " 80 " in row["conv"] and "data" in row["conv"]
    assert " 16 " in row["bn"] and row["bn"].rstrip().endswith("conv")
    assert "8x13x13" in row["pool"]
    assert "1352" in row["flat"]
    assert " 13530 " in row["fc"]
    assert "Total params: %d" % (80 + 16 + 13530) in out
    assert "softmax_label" not in out and "conv_weight" not in out


def test_print_summary_without_shapes(capsys):
    mx.viz.print_summary(_convnet())
    out = capsys.readouterr().out
    assert "fc(FullyConnected)" in out and "Total params: 0" in out
    with pytest.raises(TypeError, match="Symbol"):
        mx.viz.print_summary("not a symbol")


def test_plot_network_draws_graph_with_shapes():
    graphviz = pytest.importorskip("graphviz")  # optional; test_plot_network_structure runs without it
    dot = mx.viz.plot_network(_convnet(), title="net", shape={"data": (1, 1, 28, 28)})
    assert isinstance(dot, graphviz.Digraph)
    src = dot.source
    for text in ("Convolution", "3x3/1x1, 8", "FullyConnected", "Pooling", "max, 2x2/2x2", "relu",
                 "label=\"8x26x26\"", "label=1352"):
        assert text in src, text
    assert "conv_weight" not in src  # hide_weights
    shown = mx.viz.plot_network(_convnet(), hide_weights=False).source
    assert "conv_weight" in shown and "8x26x26" not in shown


class _RecordingDigraph:
    """Stands in for graphviz.Digraph: records what plot_network draws."""

    def __init__(self, name=None, format=None):
        self.name, self.format, self.nodes, self.edges = name, format, {}, []

    def node(self, name, label, **attrs):
        self.nodes[name] = dict(attrs, label=label)

    def edge(self, tail_name, head_name, **attrs):
        self.edges.append((tail_name, head_name, attrs))


def test_plot_network_structure(monkeypatch):
    """Runs with or without the graphviz package installed."""
    import types
    fake = types.ModuleType("graphviz")
    fake.Digraph = _RecordingDigraph
    monkeypatch.setitem(sys.modules, "graphviz", fake)
    dot = mx.viz.plot_network(_convnet(), title="net", save_format="png", shape={"data": (1, 1, 28, 28)},
                              node_attrs={"fixedsize": "false"})
    assert dot.name == "net" and dot.format == "png"
    assert set(dot.nodes) == {"data", "conv", "bn", "relu", "pool", "flat", "fc", "softmax"}
    assert dot.nodes["conv"]["label"] == r"Convolution\n3x3/1x1, 8"
    assert dot.nodes["fc"]["label"] == r"FullyConnected\n10" and dot.nodes["data"]["shape"] == "oval"
    assert dot.nodes["conv"]["fixedsize"] == "false"
    edges = {(t, h): a.get("label") for t, h, a in dot.edges}
    # edges run from a layer back to its input, labelled with the input's shape (batch axis dropped)
    assert edges == {("conv", "data"): "1x28x28", ("bn", "conv"): "8x26x26", ("relu", "bn"): "8x26x26",
                     ("pool", "relu"): "8x26x26", ("flat", "pool"): "8x13x13", ("fc", "flat"): "1352",
                     ("softmax", "fc"): "10"}
    full = mx.viz.plot_network(_convnet(), hide_weights=False)
    assert "conv_weight" in full.nodes and ("conv", "conv_weight") in {(t, h) for t, h, _ in full.edges}


def test_plot_network_without_graphviz(monkeypatch):
    monkeypatch.setitem(sys.modules, "graphviz", None)  # import graphviz now fails
    with pytest.raises(ImportError, match="pip install graphviz"):
        mx.viz.plot_network(_convnet())


def test_visualization_alias():
    assert mx.viz is mx.visualization
