"""Checkpoints in MXNet 1.x's format: prefix-symbol.json + prefix-%04d.params.

The .params layout (little endian), as documented by MXNet's NDArray::Save:
  u64 0x112 (list magic), u64 0 (reserved), u64 count, count arrays, u64 count, count names
  array (V2): u32 0xF993FAC9, i32 storage type (0 dense), u32 ndim, i64 dims[ndim],
              i32 dev_type, i32 dev_id, i32 dtype flag (0 float32), raw data
  name: u64 length, bytes ("arg:<name>" / "aux:<name>")
Golden files here are built byte by byte with struct.pack from that layout. The
mxnet191_* files in data/ were written by MXNet 1.9.1 itself (no MXNet needed here).
"""
import os
import struct

import numpy as np
import pytest

import mxlite as mx

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
V2_MAGIC = 0xF993FAC9


def _array_bytes(a):
    a = np.ascontiguousarray(a, dtype=np.float32)
    out = struct.pack("<IiI", V2_MAGIC, 0, a.ndim)
    out += struct.pack("<%dq" % a.ndim, *a.shape)
    out += struct.pack("<iii", 1, 0, 0)  # cpu, device 0, float32
    return out + a.tobytes()


def _params_bytes(named):
    out = struct.pack("<QQQ", 0x112, 0, len(named))
    for _, a in named:
        out += _array_bytes(a)
    out += struct.pack("<Q", len(named))
    for name, _ in named:
        out += struct.pack("<Q", len(name)) + name.encode()
    return out


def _mlp():
    data = mx.sym.Variable("data")
    fc = mx.sym.FullyConnected(data, num_hidden=3, name="fc")
    return mx.sym.SoftmaxOutput(fc, name="softmax")


def test_written_bytes_match_the_documented_layout(tmp_path):
    w = np.arange(6, dtype=np.float32).reshape(3, 2)
    b = np.array([0.5, -1, 2], dtype=np.float32)
    prefix = str(tmp_path / "m")
    mx.model.save_checkpoint(prefix, 7, _mlp(), {"fc_weight": mx.nd.array(w), "fc_bias": mx.nd.array(b)}, {})
    raw = open(prefix + "-0007.params", "rb").read()
    assert raw == _params_bytes([("arg:fc_weight", w), ("arg:fc_bias", b)])
    assert os.path.exists(prefix + "-symbol.json")
    assert sorted(os.listdir(tmp_path)) == ["m-0007.params", "m-symbol.json"]  # no temp files left


def test_hand_built_golden_file_loads(tmp_path):
    w = np.linspace(-1, 1, 6, dtype=np.float32).reshape(3, 2)
    mean = np.array([1.5, 2.5], dtype=np.float32)
    prefix = str(tmp_path / "g")
    open(prefix + "-0002.params", "wb").write(_params_bytes([("arg:fc_weight", w), ("aux:bn_mean", mean)]))
    _mlp().save(prefix + "-symbol.json")
    sym, args, auxs = mx.model.load_checkpoint(prefix, 2)
    assert sym.list_arguments() == ["data", "fc_weight", "fc_bias", "softmax_label"]
    assert set(args) == {"fc_weight"} and set(auxs) == {"bn_mean"}
    np.testing.assert_array_equal(args["fc_weight"].asnumpy(), w)
    np.testing.assert_array_equal(auxs["bn_mean"].asnumpy(), mean)
    args2, auxs2 = mx.model.load_params(prefix, 2)
    np.testing.assert_array_equal(args2["fc_weight"].asnumpy(), w)


def test_truncated_file_names_file_and_offset(tmp_path):
    good = _params_bytes([("arg:fc_weight", np.ones((3, 2))), ("arg:fc_bias", np.ones(3))])
    prefix = str(tmp_path / "t")
    _mlp().save(prefix + "-symbol.json")
    # The first array's data starts at 64: list header 24 + array header 4+4+4+16+12.
    for cut in (10, 40, 70, len(good) - 3):
        open(prefix + "-0001.params", "wb").write(good[:cut])
        with pytest.raises(mx.MXNetError) as info:
            mx.model.load_checkpoint(prefix, 1)
        msg = str(info.value)
        assert "t-0001.params" in msg and ("offset" in msg or "truncated" in msg), msg
    open(prefix + "-0001.params", "wb").write(good[:70])
    with pytest.raises(mx.MXNetError, match="offset 64"):
        mx.nd.load(prefix + "-0001.params")


def test_corrupt_file_is_an_error_not_a_partial_load(tmp_path):
    good = _params_bytes([("arg:fc_weight", np.ones((3, 2))), ("arg:fc_bias", np.ones(3))])
    path = str(tmp_path / "c-0001.params")
    bad_magic = bytearray(good)
    bad_magic[0] = 0x13
    open(path, "wb").write(bytes(bad_magic))
    with pytest.raises(mx.MXNetError, match="c-0001.params.*bad magic"):
        mx.nd.load(path)
    second_array = bytearray(good)
    second_array[88:92] = struct.pack("<I", 0xDEADBEEF)  # second array's magic: 24 + 40 + 24 bytes in
    open(path, "wb").write(bytes(second_array))
    with pytest.raises(mx.MXNetError, match="c-0001.params.*offset"):
        mx.model.load_params(str(tmp_path / "c"), 1)
    trailing = good + b"\0"
    open(path, "wb").write(trailing)
    with pytest.raises(mx.MXNetError, match="trailing"):
        mx.nd.load(path)


def test_keys_without_arg_aux_prefix_are_rejected(tmp_path):
    path = str(tmp_path / "k-0001.params")
    mx.nd.save(path, {"weight": mx.nd.ones((2,))})
    with pytest.raises(mx.MXNetError, match="'weight'.*arg:"):
        mx.model.load_params(str(tmp_path / "k"), 1)
    mx.nd.save(path, [mx.nd.ones((2,))])
    with pytest.raises(mx.MXNetError, match="unnamed"):
        mx.model.load_params(str(tmp_path / "k"), 1)


def test_failed_save_leaves_the_old_checkpoint(tmp_path):
    prefix = str(tmp_path / "s")
    args = {"fc_weight": mx.nd.ones((3, 2)), "fc_bias": mx.nd.zeros((3,))}
    mx.model.save_checkpoint(prefix, 1, _mlp(), args, {})
    before = open(prefix + "-0001.params", "rb").read()
    # A lazy result whose computation fails: the error surfaces while the file is written.
    failing = mx.nd.take(mx.nd.ones((3,)), mx.nd.array([7]), mode="raise")
    with pytest.raises(mx.MXNetError, match="out of bounds"):
        mx.model.save_checkpoint(prefix, 1, None, {"fc_weight": mx.nd.ones((3, 2)), "zbad": failing}, {})
    assert open(prefix + "-0001.params", "rb").read() == before
    assert sorted(os.listdir(tmp_path)) == ["s-0001.params", "s-symbol.json"]


def test_mxnet_191_checkpoint_predicts_the_same():
    """A conv + BatchNorm + pooling net saved by MXNet 1.9.1's Module.save_checkpoint."""
    prefix = os.path.join(DATA, "mxnet191_convnet")
    sym, args, auxs = mx.model.load_checkpoint(prefix, 3)
    assert set(auxs) == {"bn1_moving_mean", "bn1_moving_var"}
    assert set(args) == {"conv1_weight", "conv1_bias", "bn1_gamma", "bn1_beta", "fc1_weight", "fc1_bias"}
    io = mx.nd.load(os.path.join(DATA, "mxnet191_convnet-io.params"))
    x, expected = io["input"], io["output"].asnumpy()
    mod = mx.mod.Module.load(prefix, 3, context=mx.cpu())
    mod.bind(data_shapes=[("data", x.shape)], for_training=False)
    got = mod.predict(x).asnumpy()
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
    # The same through FeedForward.load.
    model = mx.model.FeedForward.load(prefix, 3, ctx=mx.cpu(), numpy_batch_size=2)
    np.testing.assert_allclose(model.predict(x.asnumpy()), expected, rtol=1e-5, atol=1e-6)


def test_round_trip_keeps_symbol_and_params(tmp_path):
    sym, args, auxs = mx.model.load_checkpoint(os.path.join(DATA, "mxnet191_convnet"), 3)
    prefix = str(tmp_path / "rt")
    mx.model.save_checkpoint(prefix, 12, sym, args, auxs)
    sym2, args2, auxs2 = mx.model.load_checkpoint(prefix, 12)
    assert sym2.tojson() == sym.tojson()
    for src, dst in ((args, args2), (auxs, auxs2)):
        assert set(src) == set(dst)
        for k in src:
            np.testing.assert_array_equal(src[k].asnumpy(), dst[k].asnumpy())


def test_truncated_symbol_json_names_file_and_offset(tmp_path):
    text = open(os.path.join(DATA, "mxnet191_convnet-symbol.json")).read()
    prefix = str(tmp_path / "j")
    open(prefix + "-symbol.json", "w").write(text[:300])
    with pytest.raises(mx.MXNetError, match="j-symbol.json.*offset 300"):
        mx.model.load_checkpoint(prefix, 3)
    with pytest.raises(mx.MXNetError, match="cannot open.*missing-symbol.json"):
        mx.model.load_checkpoint(str(tmp_path / "missing"), 1)
