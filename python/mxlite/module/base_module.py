"""BaseModule: the training, scoring and prediction loops shared by modules
(MXNet 1.x's mx.mod.BaseModule). Subclasses provide bind / init_params /
init_optimizer / forward / backward / update / get_outputs / update_metric.
"""
import logging
import time

import numpy as np

from ..base import MXNetValueError
from ..model import BatchEndParam
from .. import ndarray as nd


def _as_list(obj):
    if obj is None:
        return []
    return list(obj) if isinstance(obj, (list, tuple)) else [obj]


def _create_metric(eval_metric):
    from .. import metric
    if isinstance(eval_metric, metric.EvalMetric):
        return eval_metric
    return metric.create(eval_metric)


def _batches_per_epoch(data_iter):
    """Batches in an epoch when the iterator tells (NDArrayIter), else None."""
    num_data = getattr(data_iter, "num_data", None)
    batch_size = getattr(data_iter, "batch_size", 0)
    if not num_data or not batch_size:
        return None
    if getattr(data_iter, "last_batch_handle", "pad") == "discard":
        return num_data // batch_size
    return -(-num_data // batch_size)  # roll_over: the upper of the two counts it alternates


def _unpadded(arrays, pad):
    """The first batch_size - pad rows of each array (views, no copy)."""
    if not pad:
        return arrays
    return [a[0:a.shape[0] - pad] for a in arrays]


class BaseModule:
    """Common loops over a bound module; see Module."""

    def __init__(self, logger=logging):
        self.logger = logger
        self.binded = False
        self.for_training = False
        self.inputs_need_grad = False
        self.params_initialized = False
        self.optimizer_initialized = False
        self._symbol = None

    # ------------------------------------------------------ high level
    def forward_backward(self, data_batch):
        self.forward(data_batch, is_train=True)
        self.backward()

    def score(self, eval_data, eval_metric, num_batch=None, batch_end_callback=None, score_end_callback=None,
              reset=True, epoch=0, sparse_row_id_fn=None):
        """Run eval_data through the network and return the metric's (name, value) list.
        Padding samples of the last batch are left out of the metric."""
        self._check_ready("score")
        if reset:
            eval_data.reset()
        eval_metric = _create_metric(eval_metric)
        eval_metric.reset()
        actual_num_batch = 0
        for nbatch, batch in enumerate(eval_data):
            if num_batch is not None and nbatch == num_batch:
                break
            self.forward(batch, is_train=False)
            self._update_metric_unpadded(eval_metric, batch)
            if batch_end_callback is not None:
                param = BatchEndParam(epoch=epoch, nbatch=nbatch, eval_metric=eval_metric, locals=locals())
                for callback in _as_list(batch_end_callback):
                    callback(param)
            actual_num_batch += 1
        if score_end_callback:
            param = BatchEndParam(epoch=epoch, nbatch=actual_num_batch, eval_metric=eval_metric, locals=locals())
            for callback in _as_list(score_end_callback):
                callback(param)
        return eval_metric.get_name_value()

    def _update_metric_unpadded(self, eval_metric, batch):
        pad = batch.pad or 0
        labels = batch.label or []
        eval_metric.update(_unpadded(labels, pad), _unpadded(self.get_outputs(), pad))

    def iter_predict(self, eval_data, num_batch=None, reset=True, sparse_row_id_fn=None):
        """Yields (outputs without the padding rows, batch number, batch)."""
        self._check_ready("iter_predict")
        if reset:
            eval_data.reset()
        for nbatch, batch in enumerate(eval_data):
            if num_batch is not None and nbatch == num_batch:
                break
            self.forward(batch, is_train=False)
            yield _unpadded(self.get_outputs(), batch.pad or 0), nbatch, batch

    def predict(self, eval_data, num_batch=None, merge_batches=True, reset=True, always_output_list=False,
                sparse_row_id_fn=None):
        """Outputs over eval_data (padding removed), concatenated across batches. A numpy
        array or NDArray is run as one batch. One output comes back as an NDArray, several
        as a list (always_output_list=True: always a list). merge_batches=False gives a
        list per batch."""
        from ..io import DataBatch
        self._check_ready("predict")
        if isinstance(eval_data, (np.ndarray, nd.NDArray)):
            if isinstance(eval_data, np.ndarray):
                eval_data = nd.array(eval_data)
            self.forward(DataBatch([eval_data]), is_train=False)
            return self.get_outputs()[0]
        per_batch = [[o.copy() for o in outs] for outs, _, _ in self.iter_predict(eval_data, num_batch, reset)]
        if not per_batch:
            return []
        if not merge_batches:
            return per_batch
        n_out = len(per_batch[0])
        for outs in per_batch:
            if len(outs) != n_out:
                raise MXNetValueError("predict: batches have different numbers of outputs; "
                                      "use merge_batches=False")
        merged = [nd.concatenate([outs[i] for outs in per_batch]) for i in range(n_out)]
        if n_out == 1 and not always_output_list:
            return merged[0]
        return merged

    def _check_ready(self, what):
        if not (self.binded and self.params_initialized):
            raise MXNetValueError("%s: the module must be bound and its parameters initialized first "
                                  "(call bind() and init_params(), or fit())" % what)

    def fit(self, train_data, eval_data=None, eval_metric="acc", epoch_end_callback=None, batch_end_callback=None,
            kvstore="local", optimizer="sgd", optimizer_params=(("learning_rate", 0.01),), eval_end_callback=None,
            eval_batch_end_callback=None, initializer=None, arg_params=None, aux_params=None,
            allow_missing=False, force_rebind=False, force_init=False, begin_epoch=0, num_epoch=None,
            validation_metric=None, monitor=None, sparse_row_id_fn=None, allow_extra=False):
        """Bind, initialize, then train epochs begin_epoch .. num_epoch-1 on train_data,
        logging the training metric and time per epoch and scoring eval_data after each.
        On an interactive terminal a progress bar shows the epoch's batches."""
        from ..callback import TerminalProgress
        from ..model import _default_initializer
        if train_data is None:
            raise MXNetValueError("fit: train_data is required (a DataIter), got None")
        if not hasattr(train_data, "provide_data") or not hasattr(train_data, "reset"):
            raise TypeError("fit: train_data must be a DataIter (mx.io.NDArrayIter wraps arrays), got %s"
                            % type(train_data).__name__)
        if num_epoch is None:
            raise MXNetValueError("fit: num_epoch is required")
        if initializer is None:
            initializer = _default_initializer()
        self.bind(data_shapes=train_data.provide_data, label_shapes=train_data.provide_label, for_training=True,
                  force_rebind=force_rebind)
        if monitor is not None:
            self.install_monitor(monitor)
        self.init_params(initializer=initializer, arg_params=arg_params, aux_params=aux_params,
                         allow_missing=allow_missing, force_init=force_init, allow_extra=allow_extra)
        self.init_optimizer(kvstore=kvstore, optimizer=optimizer, optimizer_params=optimizer_params,
                            force_init=force_init)
        if validation_metric is None:
            validation_metric = eval_metric
        eval_metric = _create_metric(eval_metric)
        progress = TerminalProgress(total=_batches_per_epoch(train_data))

        for epoch in range(begin_epoch, num_epoch):
            tic = time.time()
            eval_metric.reset()
            progress.start_epoch(epoch)
            nbatch = 0
            samples = 0
            for data_batch in train_data:
                if monitor is not None:
                    monitor.tic()
                self.forward_backward(data_batch)
                self.update()
                self._update_metric_unpadded(eval_metric, data_batch)
                if monitor is not None:
                    monitor.toc_print()
                samples += data_batch.data[0].shape[0] - (data_batch.pad or 0)
                if batch_end_callback is not None:
                    progress.clear()  # callbacks may log
                    param = BatchEndParam(epoch=epoch, nbatch=nbatch, eval_metric=eval_metric, locals=locals())
                    for callback in _as_list(batch_end_callback):
                        callback(param)
                nbatch += 1
                progress.update(nbatch, samples)
            progress.end_epoch(nbatch)
            if nbatch == 0:
                raise MXNetValueError("fit: train_data yielded no batch in epoch %d" % epoch)
            get_pairs = getattr(eval_metric, "get_global_name_value", None) or eval_metric.get_name_value
            for name, val in get_pairs():
                self.logger.info("Epoch[%d] Train-%s=%f", epoch, name, val)
            toc = time.time()
            self.logger.info("Epoch[%d] Time cost=%.3f", epoch, toc - tic)
            self.logger.info("Epoch[%d] Speed: %.2f samples/sec", epoch, samples / max(toc - tic, 1e-9))

            self._end_of_epoch_sync()
            arg_params_now, aux_params_now = self.get_params()
            for callback in _as_list(epoch_end_callback):
                callback(epoch, self.symbol, arg_params_now, aux_params_now)
            if eval_data is not None:
                res = self.score(eval_data, validation_metric, score_end_callback=eval_end_callback,
                                 batch_end_callback=eval_batch_end_callback, epoch=epoch)
                for name, val in res:
                    self.logger.info("Epoch[%d] Validation-%s=%f", epoch, name, val)
            train_data.reset()

    def _end_of_epoch_sync(self):
        """Hook run by fit after every epoch, before the epoch-end callbacks (Module
        averages dist_async workers here)."""

    # ----------------------------------------------------------- params
    def save_params(self, fname):
        """The parameters as an arg:/aux: .params file (MXNet's format)."""
        arg_params, aux_params = self.get_params()
        save_dict = {"arg:%s" % k: v.as_in_context(_cpu()) for k, v in arg_params.items()}
        save_dict.update({"aux:%s" % k: v.as_in_context(_cpu()) for k, v in aux_params.items()})
        nd.save(fname, save_dict)

    def load_params(self, fname):
        from ..model import _split_params
        arg_params, aux_params = _split_params(nd.load(fname), fname)
        self.set_params(arg_params, aux_params)

    @property
    def symbol(self):
        return self._symbol


def _cpu():
    from ..context import cpu
    return cpu()
