"""Data iterators in the shape of MXNet 1.x's mx.io.

A DataIter yields DataBatch objects (lists of NDArrays for data and label, plus the
number of padding samples in the last batch). NDArrayIter serves in-memory arrays;
MNISTIter and CSVIter read files into memory and serve them the same way;
PrefetchingIter loads the next batch on a background thread while the current one
is being computed.
"""
import gzip
import logging
import os
import struct
import threading
from collections import namedtuple

import numpy as np

from ..base import MXNetError, MXNetValueError
from ..ndarray import NDArray, array as _nd_array

_LAST_BATCH_HANDLES = ("pad", "discard", "roll_over")


class DataDesc(namedtuple("DataDesc", ["name", "shape"])):
    """Name, shape, dtype and layout of one input. Compares and unpacks like the
    (name, shape) tuple it extends, so code that expects pairs keeps working."""

    def __new__(cls, name, shape, dtype=np.float32, layout="NCHW"):
        ret = super().__new__(cls, name, tuple(shape))
        ret.dtype = dtype
        ret.layout = layout
        return ret

    def __repr__(self):
        return "DataDesc[%s,%s,%s,%s]" % (self.name, self.shape, self.dtype, self.layout)

    @staticmethod
    def get_batch_axis(layout):
        """The axis that holds the batch: where 'N' is in the layout, 0 without one."""
        if layout is None:
            return 0
        return layout.find("N")

    @staticmethod
    def get_list(shapes, types):
        """DataDescs from (name, shape) pairs and optional (name, dtype) pairs."""
        if types is not None:
            type_dict = dict(types)
            return [DataDesc(name, shape, type_dict[name]) for name, shape in shapes]
        return [DataDesc(name, shape) for name, shape in shapes]


class DataBatch:
    """One batch: `data` and `label` are lists of NDArrays; `pad` counts the samples
    at the end that only fill the batch up and are not part of the data set."""

    def __init__(self, data, label=None, pad=None, index=None, bucket_key=None,
                 provide_data=None, provide_label=None):
        if data is not None and not isinstance(data, (list, tuple)):
            raise TypeError("DataBatch: data must be a list of NDArrays, got %s" % type(data).__name__)
        if label is not None and not isinstance(label, (list, tuple)):
            raise TypeError("DataBatch: label must be a list of NDArrays, got %s" % type(label).__name__)
        self.data = data
        self.label = label
        self.pad = pad
        self.index = index
        self.bucket_key = bucket_key
        self.provide_data = provide_data
        self.provide_label = provide_label

    def __str__(self):
        data_shapes = [d.shape for d in self.data] if self.data else []
        label_shapes = [l.shape for l in self.label] if self.label else []
        return "%s: data shapes: %s label shapes: %s" % (type(self).__name__, data_shapes, label_shapes)


class DataIter:
    """Base class: subclasses implement reset() and next(), or iter_next() with the
    getdata / getlabel / getindex / getpad accessors."""

    def __init__(self, batch_size=0):
        self.batch_size = batch_size

    def __iter__(self):
        return self

    def reset(self):
        """Go back to the first batch (start a new epoch)."""

    def next(self):
        if self.iter_next():
            return DataBatch(data=self.getdata(), label=self.getlabel(), pad=self.getpad(),
                             index=self.getindex())
        raise StopIteration

    def __next__(self):
        return self.next()

    def iter_next(self):
        """Move to the next batch; False at the end of the epoch."""
        raise NotImplementedError("%s.iter_next" % type(self).__name__)

    def getdata(self):
        raise NotImplementedError("%s.getdata" % type(self).__name__)

    def getlabel(self):
        return None

    def getindex(self):
        return None

    def getpad(self):
        return 0


def _as_numpy(value, what):
    if isinstance(value, NDArray):
        return value.asnumpy()
    if isinstance(value, np.ndarray):
        return value
    try:
        return np.asarray(value)
    except Exception as e:  # pragma: no cover - numpy explains
        raise TypeError("%s: cannot convert %s to an array (%s)" % (what, type(value).__name__, e))


def _init_data(data, allow_empty, default_name, what):
    """Data given as an array, a list of arrays or a name -> array dict, as a list of
    (name, float32 numpy array) pairs (sorted by name for a dict, like MXNet)."""
    if data is None:
        if not allow_empty:
            raise MXNetValueError("%s: no data given" % what)
        return []
    if isinstance(data, (np.ndarray, NDArray)):
        pairs = [(default_name, data)]
    elif isinstance(data, dict):
        pairs = sorted(data.items())
    elif isinstance(data, (list, tuple)):
        if not data and not allow_empty:
            raise MXNetValueError("%s: empty list of arrays" % what)
        # A list of numbers is one array, a list of arrays is several inputs.
        if data and all(isinstance(v, (np.ndarray, NDArray)) for v in data):
            if len(data) == 1:
                pairs = [(default_name, data[0])]
            else:
                pairs = [("_%d_%s" % (i, default_name), v) for i, v in enumerate(data)]
        else:
            pairs = [(default_name, data)]
    else:
        raise TypeError("%s: expected an array, a list of arrays or a dict of them, got %s"
                        % (what, type(data).__name__))
    out = []
    for name, value in pairs:
        arr = _as_numpy(value, what)
        if arr.ndim == 0:
            raise MXNetValueError("%s: %r is a scalar; an array with a batch axis is needed" % (what, name))
        # MXNet turns numpy input into float32 NDArrays; NDArrays keep their dtype.
        dtype = value.dtype if isinstance(value, NDArray) else np.float32
        out.append((name, np.ascontiguousarray(arr, dtype=dtype)))
    return out


class NDArrayIter(DataIter):
    """Iterates over in-memory arrays (numpy or NDArray; a dict for several named
    inputs) in batches of `batch_size` samples along axis 0.

    last_batch_handle says what happens to the samples left over at the end:
    'pad' fills the last batch up from the start of the data (batch.pad tells how many
    samples are filler), 'discard' drops them, 'roll_over' carries them into the
    first batch of the next epoch. shuffle=True draws a new order (from numpy's global
    random state) at construction and at every reset.
    """

    def __init__(self, data, label=None, batch_size=1, shuffle=False, last_batch_handle="pad",
                 data_name="data", label_name="softmax_label"):
        super().__init__(batch_size)
        if not isinstance(batch_size, (int, np.integer)) or batch_size <= 0:
            raise MXNetValueError("NDArrayIter: batch_size must be a positive integer, got %r" % (batch_size,))
        if last_batch_handle not in _LAST_BATCH_HANDLES:
            raise MXNetValueError("NDArrayIter: last_batch_handle must be one of %s, got %r"
                                  % (", ".join(_LAST_BATCH_HANDLES), last_batch_handle))
        self.data = _init_data(data, False, data_name, "NDArrayIter data")
        self.label = _init_data(label, True, label_name, "NDArrayIter label")
        counts = [(n, a.shape[0]) for n, a in self.data + self.label]
        self.num_data = counts[0][1]
        for name, count in counts:
            if count != self.num_data:
                raise MXNetValueError(
                    "NDArrayIter: every data and label array needs the same number of samples "
                    "(axis 0): %r has %d but %r has %d" % (counts[0][0], self.num_data, name, count))
        if self.num_data == 0:
            raise MXNetValueError("NDArrayIter: the data has no samples")
        if last_batch_handle != "pad" and self.num_data < batch_size:
            raise MXNetValueError("NDArrayIter: batch_size %d is larger than the %d samples, and "
                                  "last_batch_handle=%r would yield no batch" % (batch_size, self.num_data,
                                                                                 last_batch_handle))
        self.shuffle = shuffle
        self.last_batch_handle = last_batch_handle
        self._order = np.arange(self.num_data)
        self._carry = np.zeros(0, dtype=np.int64)  # roll_over: samples left from the last epoch
        self._batch_idx = None
        self._pad = 0
        self._reshuffle()
        self.cursor = 0

    def _reshuffle(self):
        if self.shuffle:
            np.random.shuffle(self._order)

    @property
    def provide_data(self):
        return [DataDesc(n, (self.batch_size,) + a.shape[1:], a.dtype.type) for n, a in self.data]

    @property
    def provide_label(self):
        return [DataDesc(n, (self.batch_size,) + a.shape[1:], a.dtype.type) for n, a in self.label]

    def hard_reset(self):
        """Back to the start, dropping any rolled-over samples."""
        self._carry = np.zeros(0, dtype=np.int64)
        self._reshuffle()
        self.cursor = 0

    def reset(self):
        if self.last_batch_handle == "roll_over" and 0 < self.num_data - self.cursor < self.batch_size:
            self._carry = self._order[self.cursor:].copy()
        else:
            self._carry = np.zeros(0, dtype=np.int64)
        self._reshuffle()
        self.cursor = 0

    def iter_next(self):
        bs = self.batch_size
        take = bs - len(self._carry)
        remaining = self.num_data - self.cursor
        if remaining <= 0:
            return False
        if remaining < take and self.last_batch_handle != "pad":
            return False  # discard, or roll_over (reset carries them)
        idx = self._order[self.cursor:self.cursor + take]
        if len(self._carry):
            idx = np.concatenate([self._carry, idx])
            self._carry = np.zeros(0, dtype=np.int64)
        self._pad = bs - len(idx)
        if self._pad:  # 'pad': fill up from the start of the data
            idx = np.concatenate([idx, self._order[np.arange(self._pad) % self.num_data]])
        self.cursor += take
        self._batch_idx = idx
        return True

    def _batch(self, arrays):
        idx = self._batch_idx
        if idx is None:
            raise MXNetError("NDArrayIter: call next() (or iter_next()) before getdata()/getlabel()")
        start = idx[0]
        contiguous = idx[-1] - start == len(idx) - 1 and np.array_equal(idx, np.arange(start, start + len(idx)))
        # A contiguous slice needs no gather copy on the host.
        return [_nd_array(a[start:start + len(idx)] if contiguous else a[idx], dtype=a.dtype) for _, a in arrays]

    def getdata(self):
        return self._batch(self.data)

    def getlabel(self):
        return self._batch(self.label)

    def getindex(self):
        return self._batch_idx

    def getpad(self):
        return self._pad

    def next(self):
        if not self.iter_next():
            raise StopIteration
        return DataBatch(data=self.getdata(), label=self.getlabel(), pad=self._pad, index=self._batch_idx,
                         provide_data=self.provide_data, provide_label=self.provide_label)


class _WrappingIter(DataIter):
    """An iterator whose iter_next() sets self.current_batch from another iterator."""
    current_batch = None

    def next(self):
        if not self.iter_next():
            raise StopIteration
        return self.current_batch

    def getdata(self):
        return self.current_batch.data

    def getlabel(self):
        return self.current_batch.label

    def getindex(self):
        return self.current_batch.index

    def getpad(self):
        return self.current_batch.pad


class ResizeIter(_WrappingIter):
    """Makes an epoch of `size` batches from another iterator, resetting it when it
    runs out (reset_internal=True also resets it at every reset)."""

    def __init__(self, data_iter, size, reset_internal=True):
        super().__init__(data_iter.batch_size)
        if size <= 0:
            raise MXNetValueError("ResizeIter: size must be positive, got %r" % (size,))
        self.data_iter = data_iter
        self.size = size
        self.reset_internal = reset_internal
        self.cur = 0
        self.current_batch = None
        self.provide_data = data_iter.provide_data
        self.provide_label = data_iter.provide_label
        self.default_bucket_key = getattr(data_iter, "default_bucket_key", None)

    def reset(self):
        self.cur = 0
        if self.reset_internal:
            self.data_iter.reset()

    def iter_next(self):
        if self.cur == self.size:
            return False
        try:
            self.current_batch = self.data_iter.next()
        except StopIteration:
            self.data_iter.reset()
            self.current_batch = self.data_iter.next()
        self.cur += 1
        return True


class PrefetchingIter(_WrappingIter):
    """Wraps one iterator (or several, whose batches are joined) and loads the next
    batch on a background thread while the caller computes on the current one.

    rename_data / rename_label: one {old name: new name} dict per wrapped iterator.
    """

    def __init__(self, iters, rename_data=None, rename_label=None):
        if not isinstance(iters, (list, tuple)):
            iters = [iters]
        if not iters:
            raise MXNetValueError("PrefetchingIter: no iterator given")
        super().__init__(iters[0].batch_size)
        self.iters = list(iters)
        for name, renames in (("rename_data", rename_data), ("rename_label", rename_label)):
            if renames is not None and len(renames) != len(self.iters):
                raise MXNetValueError("PrefetchingIter: %s has %d entries for %d iterators"
                                      % (name, len(renames), len(self.iters)))
        self.rename_data = rename_data
        self.rename_label = rename_label
        self.current_batch = None
        self._next = [None] * len(self.iters)
        self._error = [None] * len(self.iters)
        self._want = [threading.Event() for _ in self.iters]
        self._ready = [threading.Event() for _ in self.iters]
        self._started = True
        self._threads = [threading.Thread(target=self._worker, args=(i,), daemon=True)
                         for i in range(len(self.iters))]
        for t in self._threads:
            t.start()
        for e in self._want:
            e.set()  # start loading the first batch

    def _worker(self, i):
        while True:
            self._want[i].wait()
            self._want[i].clear()
            if not self._started:
                return
            try:
                self._next[i] = self.iters[i].next()
                self._error[i] = None
            except StopIteration:
                self._next[i] = None
                self._error[i] = None
            except BaseException as e:  # handed to the consumer thread
                self._next[i] = None
                self._error[i] = e
            self._ready[i].set()

    def close(self):
        """Stop the loader threads (also done when the object is collected)."""
        if self._started:
            self._started = False
            for e in self._want:
                e.set()
            for t in self._threads:
                t.join()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def _renamed(self, descs, renames, i):
        if renames is None:
            return list(descs)
        return [DataDesc(renames[i].get(d.name, d.name), d.shape, getattr(d, "dtype", np.float32),
                         getattr(d, "layout", "NCHW")) for d in descs]

    @property
    def provide_data(self):
        return sum((self._renamed(it.provide_data, self.rename_data, i) for i, it in enumerate(self.iters)), [])

    @property
    def provide_label(self):
        return sum((self._renamed(it.provide_label, self.rename_label, i) for i, it in enumerate(self.iters)), [])

    def reset(self):
        for e in self._ready:
            e.wait()  # let an in-flight load finish before resetting under it
        for it in self.iters:
            it.reset()
        for r, w in zip(self._ready, self._want):
            r.clear()
            w.set()

    def iter_next(self):
        for e in self._ready:
            e.wait()
        for err in self._error:
            if err is not None:
                raise err
        batches = self._next
        if batches[0] is None:
            if any(b is not None for b in batches):
                raise MXNetError("PrefetchingIter: the wrapped iterators have different numbers of batches")
            return False
        if any(b is None for b in batches):
            raise MXNetError("PrefetchingIter: the wrapped iterators have different numbers of batches")
        for b in batches[1:]:
            if b.pad != batches[0].pad:
                raise MXNetError("PrefetchingIter: the wrapped iterators' batches have different padding")
        self.current_batch = DataBatch(
            sum([b.data for b in batches], []), sum([b.label or [] for b in batches], []),
            batches[0].pad, batches[0].index, provide_data=self.provide_data, provide_label=self.provide_label)
        for r, w in zip(self._ready, self._want):
            r.clear()
            w.set()  # load the following batch while this one is used
        return True


# ------------------------------------------------------------------ files
_IDX_TYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def _read_idx(path):
    """An IDX file (MNIST's format: big-endian magic 0 0 type ndim, u32 dims, data),
    gzip-compressed or not, as a numpy array."""
    opener = gzip.open if str(path).endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise MXNetError("MNISTIter: cannot read '%s': %s" % (path, e))
    if len(raw) < 4:
        raise MXNetError("MNISTIter: '%s' is truncated: %d bytes, an IDX header needs 4 (at offset 0)" % (path, len(raw)))
    zero, type_code, ndim = struct.unpack(">HBB", raw[:4])
    if zero != 0 or type_code not in _IDX_TYPES or ndim == 0:
        raise MXNetError("MNISTIter: '%s' is not an IDX file (bad magic number %s at offset 0)"
                         % (path, raw[:4].hex()))
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise MXNetError("MNISTIter: '%s' is truncated in its header (needs %d bytes, has %d)" % (path, header, len(raw)))
    dims = struct.unpack(">%dI" % ndim, raw[4:header])
    dtype = np.dtype(_IDX_TYPES[type_code])
    need = int(np.prod(dims)) * dtype.itemsize
    if len(raw) - header != need:
        raise MXNetError("MNISTIter: '%s' is truncated or corrupt: shape %s needs %d data bytes from offset %d, "
                         "the file has %d" % (path, dims, need, header, len(raw) - header))
    return np.frombuffer(raw, dtype=dtype, offset=header).reshape(dims)


class MNISTIter(NDArrayIter):
    """MNIST in IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, or .gz).

    Images are scaled to [0, 1]; data is (batch, 1, 28, 28), or (batch, 784) with
    flat=True. shuffle=True shuffles once at load with `seed`. num_parts / part_index
    serve one contiguous part of the data (for data-parallel workers). The last
    incomplete batch is dropped, as in MXNet.
    """

    def __init__(self, image="./train-images-idx3-ubyte", label="./train-labels-idx1-ubyte", batch_size=128,
                 shuffle=True, flat=False, seed=0, silent=False, num_parts=1, part_index=0,
                 data_name="data", label_name="softmax_label", **kwargs):
        unknown = set(kwargs) - {"prefetch_buffer", "ctx"}  # loading hints with no effect here
        if unknown:
            raise MXNetValueError("MNISTIter: unknown arguments %s" % sorted(unknown))
        if not 0 <= part_index < num_parts:
            raise MXNetValueError("MNISTIter: part_index must be in [0, num_parts=%d), got %d" % (num_parts, part_index))
        images = _read_idx(image)
        labels = _read_idx(label)
        if images.ndim != 3 or labels.ndim != 1:
            raise MXNetValueError("MNISTIter: expected 3-d images and 1-d labels, got shapes %s and %s ('%s', '%s')"
                                  % (images.shape, labels.shape, image, label))
        if images.shape[0] != labels.shape[0]:
            raise MXNetValueError("MNISTIter: '%s' has %d images but '%s' has %d labels"
                                  % (image, images.shape[0], label, labels.shape[0]))
        n = images.shape[0]
        if shuffle:
            order = np.random.RandomState(seed).permutation(n)
            images, labels = images[order], labels[order]
        lo, hi = n * part_index // num_parts, n * (part_index + 1) // num_parts
        images, labels = images[lo:hi], labels[lo:hi]
        x = images.astype(np.float32) * np.float32(1.0 / 255.0)
        x = x.reshape(len(x), -1) if flat else x.reshape((len(x), 1) + images.shape[1:])
        if not silent:
            logging.info("MNISTIter: load %d images, shuffle=%d, shape=%s", len(x), int(bool(shuffle)),
                         (batch_size,) + x.shape[1:])
        super().__init__(x, labels.astype(np.float32), batch_size, shuffle=False, last_batch_handle="discard",
                         data_name=data_name, label_name=label_name)


class CSVIter(NDArrayIter):
    """Rows of a CSV file as samples of shape data_shape; labels from label_csv
    (label_shape per row), or zeros without one. A last incomplete batch is filled up
    from the first rows and batch.pad says how many filler rows it holds; MXNet pads
    that batch with round_batch=False as well, so both settings behave alike here.
    """

    def __init__(self, data_csv, data_shape, label_csv=None, label_shape=(1,), batch_size=1, round_batch=True,
                 data_name="data", label_name="softmax_label", dtype="float32", **kwargs):
        unknown = set(kwargs) - {"prefetch_buffer", "ctx"}  # loading hints with no effect here
        if unknown:
            raise MXNetValueError("CSVIter: unknown arguments %s" % sorted(unknown))
        data_shape = tuple(data_shape)
        label_shape = tuple(label_shape)
        data = self._read(data_csv, data_shape, dtype)
        if label_csv is None:
            labels = np.zeros((len(data),) + label_shape, dtype=dtype)
        else:
            labels = self._read(label_csv, label_shape, dtype)
            if len(labels) != len(data):
                raise MXNetValueError("CSVIter: '%s' has %d rows but '%s' has %d"
                                      % (data_csv, len(data), label_csv, len(labels)))
        if label_shape == (1,):
            labels = labels.reshape(len(labels))
        super().__init__(data, labels, batch_size, shuffle=False, last_batch_handle="pad",
                         data_name=data_name, label_name=label_name)
        self.round_batch = round_batch

    @staticmethod
    def _read(path, shape, dtype):
        if not os.path.exists(path):
            raise MXNetError("CSVIter: cannot read '%s': no such file" % path)
        try:
            rows = np.loadtxt(path, delimiter=",", dtype=dtype, ndmin=2)
        except ValueError as e:
            raise MXNetError("CSVIter: '%s' is not a CSV file of numbers: %s" % (path, e))
        width = int(np.prod(shape))
        if rows.shape[1] != width:
            raise MXNetValueError("CSVIter: rows of '%s' have %d values but shape %s needs %d"
                                  % (path, rows.shape[1], shape, width))
        return rows.reshape((len(rows),) + shape)
