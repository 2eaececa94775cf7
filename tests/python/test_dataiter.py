"""mx.io: DataDesc, DataBatch, NDArrayIter, ResizeIter, PrefetchingIter, MNISTIter, CSVIter."""
import gzip
import struct

import numpy as np
import pytest

import mxlite as mx


def _firsts(it):
    """[(first column of each batch's data, pad)] over one epoch."""
    return [(b.data[0].asnumpy()[:, 0].tolist(), b.pad) for b in it]


def test_datadesc_and_batch():
    d = mx.io.DataDesc("data", (4, 3))
    assert d == ("data", (4, 3)) and d.name == "data" and d.shape == (4, 3)
    assert d.dtype is np.float32 and d.layout == "NCHW"
    assert mx.io.DataDesc.get_batch_axis("TNC") == 1 and mx.io.DataDesc.get_batch_axis(None) == 0
    descs = mx.io.DataDesc.get_list([("a", (1, 2))], [("a", np.int32)])
    assert descs[0].dtype is np.int32
    assert "DataDesc[data,(4, 3)" in repr(d)
    b = mx.io.DataBatch([mx.nd.ones((2, 3))], [mx.nd.zeros((2,))], pad=1)
    assert b.pad == 1 and "data shapes: [(2, 3)]" in str(b)
    with pytest.raises(TypeError, match="list of NDArrays"):
        mx.io.DataBatch(mx.nd.ones((2, 3)))


def test_ndarrayiter_pad_discard_roll_over():
    x = np.arange(10).reshape(5, 2)
    y = np.arange(5)
    pad = mx.io.NDArrayIter(x, y, 2, last_batch_handle="pad")
    for _ in range(2):  # same every epoch
        assert _firsts(pad) == [([0, 2], 0), ([4, 6], 0), ([8, 0], 1)]
        pad.reset()
    discard = mx.io.NDArrayIter(x, y, 2, last_batch_handle="discard")
    assert _firsts(discard) == [([0, 2], 0), ([4, 6], 0)]
    roll = mx.io.NDArrayIter(x, y, 2, last_batch_handle="roll_over")
    epochs = []
    for _ in range(3):
        epochs.append([b.data[0].asnumpy()[:, 0].tolist() for b in roll])
        roll.reset()
    # The leftover sample 4 (value 8) opens the next epoch, as in MXNet.
    assert epochs == [[[0, 2], [4, 6]], [[8, 0], [2, 4], [6, 8]], [[0, 2], [4, 6]]]


def test_ndarrayiter_labels_index_and_pad_accessors():
    x = np.arange(10, dtype=np.float64).reshape(5, 2)
    y = np.arange(5) * 10
    it = mx.io.NDArrayIter(x, y, 3)
    b = next(it)
    assert b.data[0].dtype is np.float32  # numpy input becomes float32, as in MXNet
    np.testing.assert_array_equal(b.label[0].asnumpy(), [0, 10, 20])
    np.testing.assert_array_equal(b.index, [0, 1, 2])
    assert it.iter_next() and it.getpad() == 1
    np.testing.assert_array_equal(it.getlabel()[0].asnumpy(), [30, 40, 0])
    assert not it.iter_next()
    with pytest.raises(StopIteration):
        it.next()


def test_ndarrayiter_dict_list_and_names():
    x = np.zeros((4, 3))
    it = mx.io.NDArrayIter({"b": x, "a": x[:, :2]}, {"lab": np.zeros(4)}, 2)
    assert [d.name for d in it.provide_data] == ["a", "b"]  # sorted by name
    assert [tuple(d.shape) for d in it.provide_data] == [(2, 2), (2, 3)]
    assert it.provide_label[0].name == "lab" and it.provide_label[0].shape == (2,)
    it = mx.io.NDArrayIter([x, x], None, 2)
    assert [d.name for d in it.provide_data] == ["_0_data", "_1_data"] and it.provide_label == []
    assert next(it).label == []
    it = mx.io.NDArrayIter(x, np.zeros(4), 2, data_name="img", label_name="lbl")
    assert it.provide_data[0].name == "img" and it.provide_label[0].name == "lbl"
    nd_in = mx.nd.array(np.ones((4, 2)), dtype="float64")
    assert next(mx.io.NDArrayIter(nd_in, batch_size=2)).data[0].dtype is np.float64  # NDArrays keep dtype


def test_ndarrayiter_shuffle_covers_every_sample_once():
    np.random.seed(3)
    x = np.arange(20).reshape(20, 1)
    it = mx.io.NDArrayIter(x, np.arange(20), 5, shuffle=True)
    orders = []
    for _ in range(2):
        seen = []
        for b in it:
            d, l = b.data[0].asnumpy()[:, 0], b.label[0].asnumpy()
            np.testing.assert_array_equal(d, l)  # data and label stay paired
            seen.extend(d.tolist())
        assert sorted(seen) == list(range(20))
        orders.append(seen)
        it.reset()
    assert orders[0] != list(range(20)) and orders[0] != orders[1]


def test_ndarrayiter_errors():
    x = np.zeros((5, 2))
    with pytest.raises(mx.MXNetError, match="same number of samples.*5.*4"):
        mx.io.NDArrayIter(x, np.zeros(4), 2)
    with pytest.raises(ValueError, match="last_batch_handle.*'foo'"):
        mx.io.NDArrayIter(x, np.zeros(5), 2, last_batch_handle="foo")
    with pytest.raises(ValueError, match="batch_size"):
        mx.io.NDArrayIter(x, np.zeros(5), 0)
    with pytest.raises(ValueError, match="no data"):
        mx.io.NDArrayIter(None)
    with pytest.raises(TypeError, match="array"):
        mx.io.NDArrayIter(object())
    for handle in ("discard", "roll_over"):
        with pytest.raises(ValueError, match="larger than the 5 samples.*%s" % handle):
            mx.io.NDArrayIter(x, np.zeros(5), 8, last_batch_handle=handle)


def test_resize_iter():
    base = mx.io.NDArrayIter(np.arange(6).reshape(6, 1), np.arange(6), 2)
    it = mx.io.ResizeIter(base, 5)
    firsts = [b.data[0].asnumpy()[0, 0] for b in it]
    assert firsts == [0, 2, 4, 0, 2]
    it.reset()
    assert len(list(it)) == 5


def test_prefetching_iter_matches_the_wrapped_iterator():
    x = np.arange(14).reshape(7, 2)
    plain = [(b.data[0].asnumpy(), b.label[0].asnumpy(), b.pad) for b in mx.io.NDArrayIter(x, np.arange(7), 3)]
    pre = mx.io.PrefetchingIter(mx.io.NDArrayIter(x, np.arange(7), 3))
    assert pre.provide_data == mx.io.NDArrayIter(x, np.arange(7), 3).provide_data
    for _ in range(2):
        got = [(b.data[0].asnumpy(), b.label[0].asnumpy(), b.pad) for b in pre]
        assert len(got) == len(plain) == 3
        for (d1, l1, p1), (d2, l2, p2) in zip(plain, got):
            np.testing.assert_array_equal(d1, d2)
            np.testing.assert_array_equal(l1, l2)
            assert p1 == p2
        pre.reset()
    pre.close()


def test_prefetching_iter_joins_and_renames():
    a = mx.io.NDArrayIter(np.ones((4, 2)), np.zeros(4), 2)
    b = mx.io.NDArrayIter(np.zeros((4, 3)), np.ones(4), 2)
    pre = mx.io.PrefetchingIter([a, b], rename_data=[{"data": "x"}, {"data": "y"}],
                                rename_label=[{"softmax_label": "lx"}, {"softmax_label": "ly"}])
    assert [d.name for d in pre.provide_data] == ["x", "y"]
    assert [d.name for d in pre.provide_label] == ["lx", "ly"]
    batch = next(pre)
    assert [d.shape for d in batch.data] == [(2, 2), (2, 3)] and len(batch.label) == 2
    pre.close()


def test_prefetching_iter_hands_on_errors():
    class Broken(mx.io.DataIter):
        provide_data, provide_label = [], []

        def next(self):
            raise RuntimeError("disk on fire")

    pre = mx.io.PrefetchingIter(Broken(batch_size=1))
    with pytest.raises(RuntimeError, match="disk on fire"):
        next(pre)
    pre.close()


def _write_idx(path, array, compress=False):
    codes = {np.uint8: 0x08, np.int32: 0x0C}
    header = struct.pack(">HBB", 0, codes[array.dtype.type], array.ndim)
    header += struct.pack(">%dI" % array.ndim, *array.shape)
    data = header + array.astype(array.dtype.newbyteorder(">")).tobytes()
    (gzip.open if compress else open)(path, "wb").write(data)
    return data


def _mnist_files(tmp_path, n=10, compress=False):
    images = (np.arange(n * 28 * 28) % 256).astype(np.uint8).reshape(n, 28, 28)
    for i in range(n):
        images[i, 0, 0] = i  # pixel (0, 0) identifies the image
    labels = (np.arange(n) % 10).astype(np.uint8)
    suffix = ".gz" if compress else ""
    img, lab = str(tmp_path / ("img" + suffix)), str(tmp_path / ("lab" + suffix))
    _write_idx(img, images, compress)
    _write_idx(lab, labels, compress)
    return img, lab, images, labels


def test_mnist_iter_reads_idx(tmp_path):
    img, lab, images, labels = _mnist_files(tmp_path)
    it = mx.io.MNISTIter(image=img, label=lab, batch_size=4, shuffle=False, silent=True)
    assert it.provide_data[0].shape == (4, 1, 28, 28) and it.provide_label[0].shape == (4,)
    batches = list(it)
    assert len(batches) == 2  # the incomplete last batch is dropped, as in MXNet
    np.testing.assert_allclose(batches[0].data[0].asnumpy()[:, 0], images[:4] / 255.0, rtol=1e-6)
    np.testing.assert_array_equal(batches[1].label[0].asnumpy(), labels[4:8])
    flat = mx.io.MNISTIter(image=img, label=lab, batch_size=5, shuffle=False, flat=True, silent=True)
    assert next(flat).data[0].shape == (5, 784)


def test_mnist_iter_shuffle_parts_and_gzip(tmp_path):
    img, lab, images, labels = _mnist_files(tmp_path, n=12, compress=True)
    it = mx.io.MNISTIter(image=img, label=lab, batch_size=12, shuffle=True, seed=1, flat=True, silent=True)
    b = next(it)
    ids = np.rint(b.data[0].asnumpy()[:, 0] * 255).astype(int)
    assert sorted(ids.tolist()) == list(range(12)) and ids.tolist() != list(range(12))
    np.testing.assert_array_equal(b.label[0].asnumpy(), labels[ids])  # pairs survive shuffling
    parts = []
    for k in range(3):
        part = mx.io.MNISTIter(image=img, label=lab, batch_size=4, shuffle=False, flat=True, silent=True,
                               num_parts=3, part_index=k)
        parts.append(np.rint(next(part).data[0].asnumpy()[:, 0] * 255).astype(int).tolist())
    assert parts == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
    with pytest.raises(ValueError, match="part_index"):
        mx.io.MNISTIter(image=img, label=lab, num_parts=2, part_index=2)


def test_mnist_iter_errors_name_the_file(tmp_path):
    img, lab, _, _ = _mnist_files(tmp_path)
    raw = open(img, "rb").read()
    cut = str(tmp_path / "cut")
    open(cut, "wb").write(raw[:1000])
    with pytest.raises(mx.MXNetError, match="cut.*truncated.*offset 16"):
        mx.io.MNISTIter(image=cut, label=lab, silent=True)
    bad = str(tmp_path / "bad")
    open(bad, "wb").write(b"\x01\x02\x03\x04" + raw[4:])
    with pytest.raises(mx.MXNetError, match="bad.*not an IDX file"):
        mx.io.MNISTIter(image=bad, label=lab, silent=True)
    short_labels = str(tmp_path / "short")
    _write_idx(short_labels, np.zeros(7, dtype=np.uint8))
    with pytest.raises(mx.MXNetError, match="10 images.*7 labels"):
        mx.io.MNISTIter(image=img, label=short_labels, silent=True)
    with pytest.raises(mx.MXNetError, match="cannot read"):
        mx.io.MNISTIter(image=str(tmp_path / "nope"), label=lab, silent=True)


def test_csv_iter(tmp_path):
    data = tmp_path / "d.csv"
    label = tmp_path / "l.csv"
    data.write_text("1,2\n3,4\n5,6\n7,8\n9,10\n")
    label.write_text("1\n2\n3\n4\n5\n")
    it = mx.io.CSVIter(data_csv=str(data), data_shape=(2,), label_csv=str(label), batch_size=2)
    assert it.provide_data[0].shape == (2, 2) and it.provide_label[0].shape == (2,)
    got = [(b.data[0].asnumpy().tolist(), b.label[0].asnumpy().tolist(), b.pad) for b in it]
    assert got == [([[1, 2], [3, 4]], [1, 2], 0), ([[5, 6], [7, 8]], [3, 4], 0), ([[9, 10], [1, 2]], [5, 1], 1)]
    no_label = mx.io.CSVIter(data_csv=str(data), data_shape=(1, 2), batch_size=5)
    b = next(no_label)
    assert b.data[0].shape == (5, 1, 2) and b.label[0].asnumpy().tolist() == [0] * 5
    with pytest.raises(mx.MXNetError, match="2 values but shape \\(3,\\) needs 3"):
        mx.io.CSVIter(data_csv=str(data), data_shape=(3,))
    label.write_text("1\n2\n")
    with pytest.raises(mx.MXNetError, match="5 rows.*2"):
        mx.io.CSVIter(data_csv=str(data), data_shape=(2,), label_csv=str(label))


def test_prefetching_iter_loads_ahead():
    """While the caller holds batch k, the wrapped iterator is already asked for k+1."""
    import threading

    class Counting(mx.io.DataIter):
        def __init__(self):
            super().__init__(batch_size=1)
            self.calls = 0
            self.asked = threading.Condition()
            self.provide_data = [mx.io.DataDesc("data", (1, 1))]
            self.provide_label = []

        def next(self):
            with self.asked:
                self.calls += 1
                self.asked.notify_all()
            if self.calls > 3:
                raise StopIteration
            return mx.io.DataBatch([mx.nd.array([[self.calls]])], [], pad=0)

    inner = Counting()
    pre = mx.io.PrefetchingIter(inner)
    first = next(pre)
    with inner.asked:
        assert inner.asked.wait_for(lambda: inner.calls >= 2, timeout=10)  # batch 2 requested already
    assert first.data[0].asnumpy()[0, 0] == 1
    assert [b.data[0].asnumpy()[0, 0] for b in pre] == [2, 3]
    pre.close()
