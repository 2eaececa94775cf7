"""Checkpoints and the FeedForward model (MXNet's mx.model).

A checkpoint is MXNet 1.x's pair of files: `prefix-symbol.json` (the graph) and
`prefix-%04d.params` (an NDArray dict whose keys are `arg:<name>` and `aux:<name>`),
so checkpoints move both ways between mxlite and MXNet 1.x. Both files are written
to a temp file and renamed; a truncated or corrupt file fails to load with an
error naming the file and the offset.

FeedForward is the estimator of the tutorial: fit(X, y) on numpy arrays or data
iterators, predict, score, save / load. It trains through mx.mod.Module.
"""
import logging
import os
from collections import namedtuple

import numpy as np

from .base import MXNetError, MXNetValueError
from .context import cpu
from . import ndarray as nd
from . import symbol as sym
from .ndarray import NDArray

BatchEndParam = namedtuple("BatchEndParams", ["epoch", "nbatch", "eval_metric", "locals"])


# ---------------------------------------------------------------- checkpoints
def save_checkpoint(prefix, epoch, symbol, arg_params, aux_params, remove_amp_cast=True):
    """Write prefix-symbol.json (if symbol is given) and prefix-%04d.params."""
    if symbol is not None:
        symbol.save("%s-symbol.json" % prefix)
    save_dict = {"arg:%s" % k: v.as_in_context(cpu()) for k, v in (arg_params or {}).items()}
    save_dict.update({"aux:%s" % k: v.as_in_context(cpu()) for k, v in (aux_params or {}).items()})
    param_name = "%s-%04d.params" % (prefix, epoch)
    nd.save(param_name, save_dict)
    logging.info('Saved checkpoint to "%s"', param_name)


def _split_params(loaded, fname):
    if not isinstance(loaded, dict):
        raise MXNetError("load: '%s' holds an unnamed array list, not a checkpoint's arg:/aux: dict" % fname)
    arg_params, aux_params = {}, {}
    for key, value in loaded.items():
        kind, sep, name = key.partition(":")
        if not sep or kind not in ("arg", "aux"):
            raise MXNetError("load: '%s' has a key %r; checkpoint keys start with 'arg:' or 'aux:'" % (fname, key))
        (arg_params if kind == "arg" else aux_params)[name] = value
    return arg_params, aux_params


def load_params(prefix, epoch):
    """(arg_params, aux_params) from prefix-%04d.params."""
    fname = "%s-%04d.params" % (prefix, epoch)
    return _split_params(nd.load(fname), fname)


def load_checkpoint(prefix, epoch):
    """(symbol, arg_params, aux_params) from prefix-symbol.json and prefix-%04d.params,
    as written by save_checkpoint here or in MXNet 1.x."""
    symbol = sym.load("%s-symbol.json" % prefix)
    arg_params, aux_params = load_params(prefix, epoch)
    return symbol, arg_params, aux_params


# ---------------------------------------------------------------- KVStore use in training
def _update_on_kvstore_default():
    """MXNet's MXNET_UPDATE_ON_KVSTORE (MXLITE_UPDATE_ON_KVSTORE wins when set): 0 makes
    every device run the optimizer itself, the store only summing gradients."""
    value = os.environ.get("MXLITE_UPDATE_ON_KVSTORE", os.environ.get("MXNET_UPDATE_ON_KVSTORE", "1"))
    try:
        return bool(int(value))
    except ValueError:
        raise MXNetValueError("MXNET_UPDATE_ON_KVSTORE must be 0 or 1, got %r" % value) from None


def _create_kvstore(kvstore, num_device, arg_params):
    """(kvstore or None, update_on_kvstore) for training on num_device devices, chosen as
    MXNet 1.9 does:

    * None: no store; each device updates its weights itself.
    * a KVStore object: used as given.
    * a name: one device on one machine (not 'dist_*') needs no store; otherwise
      mx.kv.create(name). A 'local' store leaves the update to the devices when a
      parameter is larger than 16M elements (the store would serialize it).

    update_on_kvstore: the store holds the weights and runs the optimizer (weights
    are pulled back after each push of gradients), unless MXNET_UPDATE_ON_KVSTORE=0 or
    the store cannot run an optimizer. Without a store it is False.
    """
    update_on_kvstore = _update_on_kvstore_default()
    if kvstore is None:
        kv = None
    elif isinstance(kvstore, str):
        if num_device == 1 and "dist" not in kvstore:
            kv = None
        else:
            from . import kvstore as kvs
            kv = kvs.create(kvstore)
            if kvstore == "local" and arg_params:
                largest = max(int(np.prod(p.shape)) for p in arg_params.values())
                if largest > 16 * 1024 * 1024:
                    update_on_kvstore = False
    elif all(hasattr(kvstore, m) for m in ("init", "push", "pull")):
        kv = kvstore
    else:
        raise TypeError("kvstore must be a KVStore (mx.kv.create(...)), a store name such as 'local' or "
                        "'dist_sync', or None; got %s" % type(kvstore).__name__)
    if kv is None:
        return None, False
    is_capable = getattr(kv, "is_capable", None)
    if is_capable is not None:
        update_on_kvstore = update_on_kvstore and bool(is_capable("optimizer"))
    return kv, update_on_kvstore


def _initialize_kvstore(kvstore, param_arrays, arg_params, param_names, update_on_kvstore):
    """Put every parameter in the store under its name. When the store runs the
    optimizer, its value (rank 0's, in a distributed store) is pulled back to every
    device, so all replicas, on all machines, start the same."""
    for name, arrays in zip(param_names, param_arrays):
        kvstore.init(name, arg_params[name])
        if update_on_kvstore:
            kvstore.pull(name, out=arrays)


def _update_params_on_kvstore(param_arrays, grad_arrays, kvstore, param_names):
    """Push every device's gradient (the store sums them and updates its weight), pull
    the new weight back to every device."""
    for index, (name, arrays, grads) in enumerate(zip(param_names, param_arrays, grad_arrays)):
        if grads is None:  # a fixed parameter
            continue
        kvstore.pushpull(name, grads, out=arrays, priority=-index)


def _update_params(param_arrays, grad_arrays, updater, num_device, kvstore=None, param_names=None):
    """Every device updates its own copy of the weights. With a store, the gradients
    are first summed through it (each device gets the sum), so every copy takes the
    same step. Device k's state for parameter i lives under index i * num_device + k."""
    updates = [[] for _ in range(num_device)]
    for index, (arrays, grads) in enumerate(zip(param_arrays, grad_arrays)):
        if grads is None:
            continue
        if kvstore is not None:
            kvstore.pushpull(param_names[index], grads, out=grads, priority=-index)
        for k, (weight, grad) in enumerate(zip(arrays, grads)):
            updates[k].append((index * num_device + k, grad, weight))
    for dev_updates in updates:
        if dev_updates:
            indices, grads, weights = zip(*dev_updates)
            updater(list(indices), list(grads), list(weights))


# ---------------------------------------------------------------- FeedForward
def _default_initializer():
    from . import initializer
    return initializer.Uniform(0.01)


def _as_numpy(x):
    return x.asnumpy() if isinstance(x, NDArray) else np.asarray(x)


class FeedForward:
    """A feed-forward network trained with one call (MXNet 1.x's mx.model.FeedForward).

    symbol: the network, ending in a loss such as SoftmaxOutput; its inputs are called
    'data' and 'softmax_label' when X / y are arrays. ctx: a Context or a list of them
    (each batch is split over the devices and their gradients summed through the
    KVStore, see mx.mod.Module).
    num_epoch: epochs fit trains. epoch_size: batches per epoch (default: one pass).
    optimizer: a name for mx.optimizer.create or an Optimizer; the remaining keyword
    arguments (learning_rate, wd, momentum, ...) go to it. initializer: mx.init.*
    (default Uniform(0.01)). numpy_batch_size: batch size when X is an array.
    arg_params / aux_params: starting values (those missing are initialized).
    begin_epoch: the epoch number training starts at (after FeedForward.load).
    """

    def __init__(self, symbol, ctx=None, num_epoch=None, epoch_size=None, optimizer="sgd", initializer=None,
                 numpy_batch_size=128, arg_params=None, aux_params=None, allow_extra_params=False,
                 begin_epoch=0, **kwargs):
        if not isinstance(symbol, sym.Symbol):
            raise TypeError("FeedForward: symbol must be an mx.sym.Symbol, got %s" % type(symbol).__name__)
        from .module.executor_group import as_contexts
        self.symbol = symbol
        self.ctx = as_contexts(ctx, "FeedForward")
        self.num_epoch = num_epoch
        self.epoch_size = epoch_size
        self.optimizer = optimizer
        self.initializer = initializer  # None: Uniform(0.01), made when fit needs it
        self.numpy_batch_size = numpy_batch_size
        self.arg_params = arg_params
        self.aux_params = aux_params
        self.allow_extra_params = allow_extra_params
        self.begin_epoch = begin_epoch
        self.kwargs = dict(kwargs)
        self._module = None
        self._pred_module = None

    def __getstate__(self):
        # Pickles the symbol, parameters and settings; bound modules are rebuilt on use.
        state = self.__dict__.copy()
        state["_module"] = None
        state["_pred_module"] = None
        return state

    # -------------------------------------------------------------- data
    def _init_iter(self, X, y, is_train):
        from . import io
        what = "FeedForward.fit" if is_train else "FeedForward.predict"
        if X is None:
            raise MXNetValueError("%s: X (the data) is required: a numpy array, an NDArray or a DataIter, got None"
                                  % what)
        if isinstance(X, io.DataIter):
            if y is not None:
                raise MXNetValueError("%s: y must be None when X is a DataIter (labels come from the iterator)" % what)
            return X
        if isinstance(X, (list, tuple)):
            X = np.asarray(X)
        if not isinstance(X, (np.ndarray, NDArray)):
            raise TypeError("%s: X must be a numpy array, an NDArray or a DataIter, got %s" % (what, type(X).__name__))
        X = _as_numpy(X)
        if y is None:
            if is_train:
                raise MXNetValueError("%s: y (the labels) must be given when X is an array" % what)
            y = np.zeros(X.shape[0], dtype=np.float32)
        y = _as_numpy(y)
        if y.ndim > 1 and all(d == 1 for d in y.shape[1:]):
            y = y.reshape(len(y))  # (n, 1) column of labels
        if X.ndim == 0 or y.ndim == 0 or X.shape[0] != y.shape[0]:
            raise MXNetValueError("%s: X has %d samples but y has %d labels; they must match"
                                  % (what, X.shape[0] if X.ndim else 0, y.shape[0] if y.ndim else 0))
        batch_size = min(X.shape[0], self.numpy_batch_size)
        return io.NDArrayIter(X, y, batch_size, shuffle=is_train,
                              last_batch_handle="roll_over" if is_train else "pad")

    def _init_eval_iter(self, eval_data):
        from . import io
        if eval_data is None or isinstance(eval_data, io.DataIter):
            return eval_data
        if isinstance(eval_data, (list, tuple)) and len(eval_data) == 2:
            if isinstance(eval_data[0], io.DataIter) and eval_data[1] is None:
                return eval_data[0]
            X, y = (np.asarray(v) if isinstance(v, list) else v for v in eval_data)
            if y is None:
                raise MXNetValueError("FeedForward.fit: eval_data needs labels: (X, y), got y=None")
            it = self._init_iter(X, y, is_train=False)
            return it
        raise TypeError("FeedForward.fit: eval_data must be a DataIter or an (X, y) pair, got %s"
                        % type(eval_data).__name__)

    # ------------------------------------------------------------- train
    def _new_module(self, data_iter, logger, work_load_list=None):
        from .module import Module
        data_names = [d[0] for d in data_iter.provide_data]
        label_names = [d[0] for d in data_iter.provide_label]
        return Module(self.symbol, data_names=data_names, label_names=label_names, context=self.ctx,
                      work_load_list=work_load_list, logger=logger or logging)

    def fit(self, X, y=None, eval_data=None, eval_metric="acc", epoch_end_callback=None, batch_end_callback=None,
            kvstore="local", logger=None, work_load_list=None, monitor=None, eval_end_callback=None,
            eval_batch_end_callback=None):
        """Train num_epoch epochs on X (array with labels y, or a DataIter), scoring
        eval_data after each epoch. Callbacks as in mx.callback. kvstore: as for
        Module.init_optimizer ('local', 'device', 'dist_sync', a KVStore or None).
        work_load_list: each context's share of a batch."""
        from .io import ResizeIter
        data = self._init_iter(X, y, is_train=True)
        eval_iter = self._init_eval_iter(eval_data)
        if self.num_epoch is None:
            raise MXNetValueError("FeedForward.fit: num_epoch is not set (pass it to FeedForward(...))")
        if self.epoch_size is not None:
            data = ResizeIter(data, self.epoch_size)
        mod = self._new_module(data, logger, work_load_list)
        (logger or logging).info("Start training with %s", self.ctx)
        optimizer_params = dict(self.kwargs)
        if isinstance(self.optimizer, str):
            optimizer, params = self.optimizer, optimizer_params
        else:
            optimizer, params = self.optimizer, {}
        mod.fit(data, eval_data=eval_iter, eval_metric=eval_metric, epoch_end_callback=epoch_end_callback,
                batch_end_callback=batch_end_callback, kvstore=kvstore, optimizer=optimizer,
                optimizer_params=params, initializer=self.initializer or _default_initializer(), arg_params=self.arg_params,
                aux_params=self.aux_params, allow_missing=True, allow_extra=self.allow_extra_params,
                begin_epoch=self.begin_epoch, num_epoch=self.num_epoch, monitor=monitor,
                eval_end_callback=eval_end_callback,
                eval_batch_end_callback=eval_batch_end_callback)
        self.arg_params, self.aux_params = mod.get_params()
        self._module = mod
        self._pred_module = None
        return self

    # ----------------------------------------------------------- predict
    def _predictor(self, data_iter):
        """A module bound for inference to the iterator's shapes, holding the model's
        parameters (kept while the shapes stay the same)."""
        if self.arg_params is None:
            raise MXNetError("FeedForward: the model has no parameters; call fit or load first")
        shapes = [tuple(d) for d in data_iter.provide_data]
        mod = self._pred_module
        if mod is None or mod.data_shapes_key != shapes:
            mod = self._new_module(data_iter, None)
            mod.bind(data_iter.provide_data, data_iter.provide_label or None, for_training=False)
            mod.set_params(self.arg_params, self.aux_params or {}, allow_extra=self.allow_extra_params)
            self._pred_module = mod
        return mod

    def predict(self, X, num_batch=None, return_data=False, reset=True):
        """Outputs for X (array or DataIter) as numpy arrays: one array for a single-output
        network, else a list. return_data=True also returns the data and labels seen."""
        data_iter = self._init_iter(X, None, is_train=False)
        if reset:
            data_iter.reset()
        mod = self._predictor(data_iter)
        outputs, datas, labels = None, [], []
        for outs, _, batch in mod.iter_predict(data_iter, num_batch=num_batch, reset=False):
            outs = [o.asnumpy() for o in outs]
            if outputs is None:
                outputs = [[] for _ in outs]
            for acc, o in zip(outputs, outs):
                acc.append(o)
            if return_data:
                keep = batch.data[0].shape[0] - (batch.pad or 0)
                datas.append([d.asnumpy()[:keep] for d in batch.data])
                labels.append([l.asnumpy()[:keep] for l in (batch.label or [])])
        if outputs is None:
            raise MXNetValueError("FeedForward.predict: the data yielded no batch")
        outputs = [np.concatenate(o) for o in outputs]
        result = outputs[0] if len(outputs) == 1 else outputs
        if not return_data:
            return result
        data = [np.concatenate(d) for d in zip(*datas)]
        label = [np.concatenate(l) for l in zip(*labels)] if labels and labels[0] else []
        return (result, data[0] if len(data) == 1 else data,
                label[0] if len(label) == 1 else label)

    def score(self, X, eval_metric="acc", num_batch=None, batch_end_callback=None, reset=True):
        """The metric's value on X: a DataIter with labels, or an (X, y) pair of arrays."""
        from . import metric
        if isinstance(X, (list, tuple)) and len(X) == 2:
            data_iter = self._init_eval_iter(X)
        else:
            data_iter = self._init_iter(X, None, is_train=False)
        mod = self._predictor(data_iter)
        if not isinstance(eval_metric, metric.EvalMetric):
            eval_metric = metric.create(eval_metric)
        res = mod.score(data_iter, eval_metric, num_batch=num_batch, batch_end_callback=batch_end_callback,
                        reset=reset)
        return res[0][1] if len(res) == 1 else [v for _, v in res]

    # ------------------------------------------------------------ files
    def save(self, prefix, epoch=None, remove_amp_cast=True):
        """Checkpoint: prefix-symbol.json and prefix-%04d.params (epoch: num_epoch by default)."""
        if epoch is None:
            epoch = self.num_epoch
        if epoch is None:
            raise MXNetValueError("FeedForward.save: give epoch (num_epoch is not set)")
        if self.arg_params is None:
            raise MXNetError("FeedForward.save: the model has no parameters; call fit first")
        save_checkpoint(prefix, epoch, self.symbol, self.arg_params, self.aux_params or {})

    @staticmethod
    def load(prefix, epoch, ctx=None, **kwargs):
        """A FeedForward from a checkpoint (mxlite's or MXNet 1.x's); training goes on
        from begin_epoch=epoch. kwargs as for the constructor."""
        symbol, arg_params, aux_params = load_checkpoint(prefix, epoch)
        return FeedForward(symbol, ctx=ctx, arg_params=arg_params, aux_params=aux_params, begin_epoch=epoch,
                           **kwargs)

    @staticmethod
    def create(symbol, X, y=None, ctx=None, num_epoch=None, epoch_size=None, optimizer="sgd", initializer=None,
               eval_data=None, eval_metric="acc", epoch_end_callback=None, batch_end_callback=None,
               kvstore="local", logger=None, work_load_list=None, eval_end_callback=None,
               eval_batch_end_callback=None, **kwargs):
        """Construct a FeedForward and fit it in one call."""
        model = FeedForward(symbol, ctx=ctx, num_epoch=num_epoch, epoch_size=epoch_size, optimizer=optimizer,
                            initializer=initializer, **kwargs)
        model.fit(X, y, eval_data=eval_data, eval_metric=eval_metric, epoch_end_callback=epoch_end_callback,
                  batch_end_callback=batch_end_callback, kvstore=kvstore, logger=logger,
                  work_load_list=work_load_list, eval_end_callback=eval_end_callback,
                  eval_batch_end_callback=eval_batch_end_callback)
        return model
