"""Key-value store for data-parallel training (MXNet's ``mx.kv`` / ``mx.kvstore``).

The store lives in the core (``core/kvstore``) behind the C ABI's ``mxl_kvstore_*``
functions, so every binding shares it::

    kv = mx.kv.create('local')            # or 'device', 'nccl', 'dist_sync', 'dist_async'
    kv.init(3, mx.nd.ones((2, 3)))
    kv.push(3, [mx.nd.ones((2, 3)), mx.nd.ones((2, 3))])   # values of several devices: summed
    out = mx.nd.zeros((2, 3))
    kv.pull(3, out=out)                   # out = 2

Types: ``local`` keeps values on cpu(0); ``device`` on the device of the array given
to ``init``; ``dist_sync`` sums every push over all workers (MPI allreduce, workers
started with ``mpirun -np N python train.py``) before the update, so every worker
holds the same weights; ``dist_async`` applies each worker's pushes to its own copy at
once and averages the copies over the workers at every ``barrier()``.

``set_optimizer(opt)`` makes the store apply ``opt``'s update itself with the fused
update operator (``sgd_mom_update``, ``adam_update``, ...): learning-rate schedules,
``lr_mult`` / ``wd_mult``, ``rescale_grad`` and Adam's bias correction are passed to
the store before each push. Optimizers without a fused operator (LAMB, user-defined
ones) run in Python through ``_set_updater`` (local and dist_sync stores).
"""
import math
import numbers
import os
import pickle

import numpy as np

from ._lib import lib, ffi, check_call
from . import _ops
from . import optimizer as opt_mod
from .base import MXNetError
from .ndarray.ndarray import NDArray, zeros

__all__ = ["KVStore", "create"]

_KEY_BUFS = {}  # key -> its char[]: keys repeat every step, their buffers are made once


def _c_keys(keys):
    """The char*[] of keys, and the char[] buffers it points at (keep both alive)."""
    bufs = []
    for k in keys:
        b = _KEY_BUFS.get(k)
        if b is None:
            b = ffi.new("char[]", k.encode("utf-8"))
            if len(_KEY_BUFS) < 65536:
                _KEY_BUFS[k] = b
        bufs.append(b)
    return bufs, ffi.new("const char*[]", bufs)


def _handles(arrays):
    return ffi.new("mxl_ndarray[]", [a.handle for a in arrays])


class KVStore(object):
    """A key-value store over the core's KVStore. Create one with :func:`create`.

    Keys are ints or strings (one kind per store, as in MXNet); values are NDArrays.
    """

    def __init__(self, handle):
        self.handle = handle
        self._key_kind = None        # int or str, fixed by the first key used
        self._optimizer = None       # the Optimizer applied in the store
        self._fused = None           # (op name, its parameter names) of that optimizer
        self._sent = {}              # key -> per-key parameters last sent to the store
        self._updater = None         # Python updater (_set_updater), or None
        self._py_weights = {}        # key -> weight kept in Python while _updater is set
        self._shapes = {}            # key -> (shape, dtype) given to init

    def __del__(self):
        h = getattr(self, "handle", None)
        if h is not None and lib is not None:
            lib.mxl_kvstore_free(h)
            self.handle = None

    # ------------------------------------------------------------------ info
    def _info(self):
        t = ffi.new("const char**")
        r = ffi.new("int*")
        n = ffi.new("int*")
        check_call(lib.mxl_kvstore_info(self.handle, t, r, n))
        return ffi.string(t[0]).decode(), r[0], n[0]

    @property
    def type(self):
        """The store's type: 'local', 'device', 'nccl', 'dist_sync' or 'dist_async'."""
        return self._info()[0]

    @property
    def rank(self):
        """This worker's rank (0 for local stores)."""
        return self._info()[1]

    @property
    def num_workers(self):
        """The number of workers (1 for local stores)."""
        return self._info()[2]

    # ------------------------------------------------------------------ keys
    def _key(self, key):
        if isinstance(key, bool) or not isinstance(key, (numbers.Integral, str)):
            raise MXNetError("kvstore: a key must be an int or a str, got %s" % type(key).__name__)
        kind = str if isinstance(key, str) else int
        key = key if kind is str else int(key)
        if self._key_kind is None:
            self._key_kind = kind
        elif self._key_kind is not kind:
            raise MXNetError("kvstore: mixed key types are not allowed: this store uses %s keys, "
                             "got %r" % (self._key_kind.__name__, key))
        return str(key)

    def _pairs(self, key, value, what):
        """(keys, arrays) flattened: one key with an array or a list of arrays, or a list
        of keys with one array or one list of arrays each."""
        if isinstance(key, (list, tuple)):
            if not isinstance(value, (list, tuple)) or len(value) != len(key):
                raise MXNetError("kvstore %s: %d keys need a list of %d values, got %r"
                                 % (what, len(key), len(key), type(value).__name__))
            keys, arrays = [], []
            for k, v in zip(key, value):
                ks, vs = self._pairs(k, v, what)
                keys += ks
                arrays += vs
            return keys, arrays
        ks = self._key(key)
        vals = list(value) if isinstance(value, (list, tuple)) else [value]
        if not vals:
            raise MXNetError("kvstore %s: key %r: no arrays given" % (what, key))
        for v in vals:
            if not isinstance(v, NDArray):
                raise MXNetError("kvstore %s: key %r: expected NDArray values, got %s"
                                 % (what, key, type(v).__name__))
        return [ks] * len(vals), vals

    # ------------------------------------------------------------------ data
    def init(self, key, value):
        """Initializes key(s) with a copy of value(s). dist_*: rank 0's value is used
        on every worker."""
        keys, arrays = self._pairs(key, value, "init")
        bufs, ckeys = _c_keys(keys)
        check_call(lib.mxl_kvstore_init(self.handle, len(keys), ckeys, _handles(arrays)))
        for k, a in zip(keys, arrays):
            self._shapes[k] = (a.shape, a.dtype)
            if self._updater is not None:
                self._py_init(k)
        # set_optimizer before init (as Module does) could not see float16 weights yet:
        # pick the multi-precision op now, while no update has run.
        opt = self._optimizer
        if self._fused is not None and not self._sent and getattr(opt, "multi_precision", False):
            spec = _fused_spec(opt, self._shapes.values())
            if spec is not None and spec[0] != self._fused[0]:
                self.set_optimizer(opt)

    def broadcast(self, key, value, out, priority=0):
        """init(key, value), then pull(key, out)."""
        self.init(key, value)
        self.pull(key, out=out, priority=priority)

    def push(self, key, value, priority=0):
        """Pushes value(s): the values of one key (e.g. from several devices) are summed;
        with an optimizer the sum is the gradient of the key's update, else it replaces
        the stored value. ``priority`` is accepted for compatibility."""
        keys, arrays = self._pairs(key, value, "push")
        if self._updater is not None:
            return self._py_push(keys, arrays)
        if self._fused is not None:
            self._send_params(keys)
        bufs, ckeys = _c_keys(keys)
        check_call(lib.mxl_kvstore_push(self.handle, len(keys), ckeys, _handles(arrays)))

    def pull(self, key, out=None, priority=0, ignore_sparse=True):
        """Copies the value of key(s) into out (an NDArray or a list, one per device)."""
        if out is None:
            raise MXNetError("kvstore pull: out is required (the arrays to copy the values into)")
        keys, arrays = self._pairs(key, out, "pull")
        if self._updater is not None:
            for k, a in zip(keys, arrays):
                self._check_key(k, a, "pull")
                self._py_weights[k].copyto(a)
            return
        bufs, ckeys = _c_keys(keys)
        check_call(lib.mxl_kvstore_pull(self.handle, len(keys), ckeys, _handles(arrays)))

    def pushpull(self, key, value, out=None, priority=0):
        """push(key, value) then pull(key, out); out=None pulls into value."""
        if out is None:
            out = value
        pkeys, parrays = self._pairs(key, value, "pushpull")
        okeys, oarrays = self._pairs(key, out, "pushpull")
        if self._updater is not None:
            self._py_push(pkeys, parrays)
            return self.pull(key, out=out)
        if self._fused is not None:
            self._send_params(pkeys)
        b1, c1 = _c_keys(pkeys)
        b2, c2 = _c_keys(okeys)
        check_call(lib.mxl_kvstore_pushpull(self.handle, len(pkeys), c1, _handles(parrays),
                                            len(okeys), c2, _handles(oarrays)))

    def row_sparse_pull(self, key, out=None, priority=0, row_ids=None):
        """Not supported: mxlite has dense arrays only."""
        raise MXNetError("kvstore row_sparse_pull: row_sparse storage is not supported by mxlite "
                         "(dense arrays only); use pull")

    def set_gradient_compression(self, compression_params):
        """Not supported: gradients are summed uncompressed."""
        raise MXNetError("kvstore set_gradient_compression: gradient compression is not supported "
                         "by mxlite")

    def is_capable(self, capability):
        """Whether the store supports a capability ('optimizer': updates in the store)."""
        if capability.lower() == "optimizer":
            return True
        raise MXNetError("kvstore is_capable: unknown capability %r" % capability)

    def barrier(self):
        """Waits until every worker reaches the barrier (dist_async: then averages
        every key over the workers); for local stores, waits for pending work."""
        check_call(lib.mxl_kvstore_barrier(self.handle))

    _barrier = barrier

    def keys(self):
        """The initialized keys, as given (ints or strings), in init order."""
        n = ffi.new("int*")
        p = ffi.new("const char***")
        check_call(lib.mxl_kvstore_keys(self.handle, n, p))
        names = [ffi.string(p[0][i]).decode() for i in range(n[0])]
        return [int(k) for k in names] if self._key_kind is int else names

    # ------------------------------------------------------------------ optimizer
    def set_optimizer(self, optimizer):
        """Applies ``optimizer``'s updates in the store. Its fused update operator and
        hyper-parameters go to the core; optimizers without one run in Python."""
        if not isinstance(optimizer, opt_mod.Optimizer):
            raise MXNetError("kvstore set_optimizer: expected an mx.optimizer.Optimizer, got %s"
                             % type(optimizer).__name__)
        spec = _fused_spec(optimizer, self._shapes.values())
        if spec is None:
            self._set_updater(opt_mod.get_updater(optimizer))
            self._optimizer = optimizer
            return
        op_name, static = spec
        info = _ops.get(op_name)
        names = [_ops.param_str(v) for v in static.values()]
        bufs, ckeys = _c_keys(list(static))
        vbufs = [ffi.new("char[]", v.encode()) for v in names]
        cvals = ffi.new("const char*[]", vbufs)
        check_call(lib.mxl_kvstore_set_optimizer(self.handle, op_name.encode(), len(static), ckeys, cvals))
        self._optimizer = optimizer
        self._fused = (op_name, set(info.params))
        self._sent = {}
        self._updater = None
        self._py_weights = {}

    def _user_key(self, k):
        return int(k) if self._key_kind is int else k

    def _send_params(self, keys):
        """Per-key lr / wd / rescale_grad (and Adam's bias-corrected lr) for this push,
        sent only when they changed; counts the update in the optimizer, whose
        schedules read that count."""
        opt = self._optimizer
        op_name, accepted = self._fused
        for k in dict.fromkeys(keys):
            if k not in self._shapes:
                continue  # not initialized: the push itself reports it, naming the key
            o = self._user_key(k)
            opt._update_count(o)
            params = {"rescale_grad": opt.rescale_grad}
            if opt.clip_gradient is not None:
                params["clip_grad" if "clip_grad" in accepted else "clip_gradient"] = opt.clip_gradient
            params["wd"] = opt._get_wd(o)
            if "lr" in accepted:
                lr = opt._get_lr(o)
                if op_name == "adam_update":
                    t = opt._index_update_count[o]
                    lr *= math.sqrt(1. - opt.beta2 ** t) / (1. - opt.beta1 ** t)
                params["lr"] = lr
            params = {n: _ops.param_str(v) for n, v in params.items() if n in accepted}
            if self._sent.get(k) == params:
                continue
            bufs, ckeys = _c_keys(list(params))
            vbufs = [ffi.new("char[]", v.encode()) for v in params.values()]
            cvals = ffi.new("const char*[]", vbufs)
            check_call(lib.mxl_kvstore_set_optimizer_params(self.handle, k.encode(), len(params),
                                                            ckeys, cvals))
            self._sent[k] = params

    def _set_updater(self, updater):
        """Runs ``updater(key, grad, weight)`` in Python for every push (custom
        optimizers). The store still sums (and, for dist_sync, allreduces) the pushed
        gradients; the weights are then kept on the Python side."""
        if self.type == "dist_async":
            raise MXNetError("kvstore _set_updater: a Python updater is not supported by dist_async "
                             "stores; use an optimizer with a fused update operator")
        self._updater = updater
        self._fused = None
        for k in self._shapes:
            self._py_init(k)

    def _py_init(self, k):
        """The weight of key k moves to Python; the store's value becomes the gradient sum."""
        if k in self._py_weights:
            return
        shape, dtype = self._shapes[k]
        w = zeros(shape, dtype=dtype)
        bufs, ckeys = _c_keys([k])
        check_call(lib.mxl_kvstore_pull(self.handle, 1, ckeys, _handles([w])))
        self._py_weights[k] = w

    def _check_key(self, k, a, what):
        if k not in self._py_weights:
            raise MXNetError("kvstore %s: key '%s' has not been initialized (call init first)" % (what, k))
        if tuple(a.shape) != tuple(self._py_weights[k].shape):
            raise MXNetError("kvstore %s: key '%s': array has shape %s but the key was initialized "
                             "with shape %s" % (what, k, a.shape, self._py_weights[k].shape))

    def _py_push(self, keys, arrays):
        bufs, ckeys = _c_keys(keys)
        check_call(lib.mxl_kvstore_push(self.handle, len(keys), ckeys, _handles(arrays)))
        for k in dict.fromkeys(keys):
            w = self._py_weights[k]
            grad = zeros(w.shape, dtype=w.dtype)
            b, ck = _c_keys([k])
            check_call(lib.mxl_kvstore_pull(self.handle, 1, ck, _handles([grad])))
            self._updater(self._user_key(k), grad, w)

    def save_optimizer_states(self, fname, dump_optimizer=False):
        """Saves the optimizer states of every key (and the update counts) to fname;
        with dump_optimizer the optimizer too (to fname + '.optimizer'), which
        load_optimizer_states then restores."""
        if self._updater is not None:
            if not hasattr(self._updater, "get_states"):
                raise MXNetError("kvstore save_optimizer_states: the updater set by _set_updater has no "
                                 "states to save (use an mx.optimizer.Updater)")
            with open(fname, "wb") as f:
                f.write(self._updater.get_states(dump_optimizer))
            return
        if self._fused is None:
            raise MXNetError("kvstore save_optimizer_states: no optimizer is set (call set_optimizer first)")
        check_call(lib.mxl_kvstore_save_optimizer_states(self.handle, fname.encode()))
        # The states file is the core's (.params, readable by every binding); the
        # Python optimizer object, when asked for, goes next to it.
        if dump_optimizer:
            with open(fname + ".optimizer", "wb") as f:
                pickle.dump(self._optimizer, f)
        elif os.path.exists(fname + ".optimizer"):
            os.remove(fname + ".optimizer")

    def load_optimizer_states(self, fname):
        """Loads states saved by save_optimizer_states (same optimizer, keys and shapes)."""
        if self._updater is not None:
            if not hasattr(self._updater, "set_states"):
                raise MXNetError("kvstore load_optimizer_states: the updater set by _set_updater cannot "
                                 "load states (use an mx.optimizer.Updater)")
            with open(fname, "rb") as f:
                self._updater.set_states(f.read())
            return
        if os.path.exists(fname + ".optimizer"):  # saved with dump_optimizer=True
            with open(fname + ".optimizer", "rb") as f:
                self.set_optimizer(pickle.load(f))
        if self._fused is None:
            raise MXNetError("kvstore load_optimizer_states: no optimizer is set (call set_optimizer first)")
        check_call(lib.mxl_kvstore_load_optimizer_states(self.handle, fname.encode()))
        # The optimizer's own counts follow the store's, so schedules resume where they were.
        n = ffi.new("int64_t*")
        for k in self._shapes:
            check_call(lib.mxl_kvstore_num_update(self.handle, k.encode(), n))
            o = self._user_key(k)
            self._optimizer._index_update_count[o] = n[0]
            self._optimizer.num_update = max(self._optimizer.num_update, n[0])
        self._sent = {}

    def num_update(self, key):
        """Number of optimizer updates the store has applied to key."""
        n = ffi.new("int64_t*")
        check_call(lib.mxl_kvstore_num_update(self.handle, self._key(key).encode(), n))
        return n[0]


def _fused_spec(opt, weights):
    """(fused op name, its fixed parameters) for an optimizer, or None when it has no
    fused operator the store can run (then the update runs in Python)."""
    kind = type(opt)
    has_f16 = any(np.dtype(d) == np.float16 for _, d in weights)
    mp = bool(getattr(opt, "multi_precision", False)) and has_f16
    if kind in (opt_mod.SGD, opt_mod.NAG):
        nag = kind is opt_mod.NAG
        if opt.momentum == 0.0:
            return ("mp_sgd_update" if mp else "sgd_update"), {}
        name = ("nag_mom_update" if nag else "sgd_mom_update")
        return ("mp_" + name if mp else name), {"momentum": opt.momentum}
    if mp:
        return None
    if kind is opt_mod.Adam:
        return "adam_update", {"beta1": opt.beta1, "beta2": opt.beta2, "epsilon": opt.epsilon}
    if kind is opt_mod.AdaGrad:
        return "_adagrad_update", {"epsilon": opt.float_stable_eps}
    if kind is opt_mod.RMSProp:
        p = {"gamma1": opt.gamma1, "epsilon": opt.epsilon}
        if opt.clip_weights:
            p["clip_weights"] = opt.clip_weights
        if opt.centered:
            p["gamma2"] = opt.gamma2
            return "rmspropalex_update", p
        return "rmsprop_update", p
    if kind is opt_mod.AdaDelta:
        return "_adadelta_update", {"rho": opt.rho, "epsilon": opt.epsilon}
    if kind is opt_mod.Ftrl:
        return "ftrl_update", {"lamda1": opt.lamda1, "beta": opt.beta}
    if kind is opt_mod.Signum:
        if opt.momentum == 0.0:
            return "signsgd_update", {}
        return "signum_update", {"momentum": opt.momentum, "wd_lh": opt.wd_lh}
    if kind is opt_mod.FTML:
        return "ftml_update", {"beta1": opt.beta1, "beta2": opt.beta2, "epsilon": opt.epsilon}
    return None


def create(name="local"):
    """Creates a KVStore: 'local', 'device', 'nccl', 'dist_sync' or 'dist_async' ('dist'
    is dist_sync). dist_* needs workers started by mpirun and mxlite built with MPI;
    'nccl' needs GPUs and NCCL (MXLITE_NCCL_LIBRARY, else libnccl.so.2), and GPU
    values in 'device' and 'dist_sync' stores are summed by NCCL where it loads."""
    if not isinstance(name, str):
        raise MXNetError("kvstore create: the type must be a string, got %s" % type(name).__name__)
    h = ffi.new("mxl_kvstore*")
    check_call(lib.mxl_kvstore_create(name.encode(), h))
    return KVStore(h[0])
