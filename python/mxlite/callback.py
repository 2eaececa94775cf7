"""Training callbacks (MXNet's mx.callback).

Batch-end callbacks receive a BatchEndParam (epoch, nbatch, eval_metric, locals);
epoch-end callbacks are called as callback(epoch, symbol, arg_params, aux_params).
The log lines keep MXNet 1.x's wording so existing log parsers keep working.
"""
import logging
import math
import sys
import time

from .model import save_checkpoint, BatchEndParam  # noqa: F401  (BatchEndParam re-exported)


def _metric_pairs(metric, use_global=False):
    getter = getattr(metric, "get_global_name_value", None) if use_global else None
    return (getter or metric.get_name_value)()


def _reset_local(metric):
    (getattr(metric, "reset_local", None) or metric.reset)()


def module_checkpoint(mod, prefix, period=1, save_optimizer_states=False):
    """Epoch-end callback: mod.save_checkpoint(prefix, epoch + 1) every `period` epochs."""
    period = int(max(1, period))

    def _callback(iter_no, sym=None, arg=None, aux=None):
        if (iter_no + 1) % period == 0:
            mod.save_checkpoint(prefix, iter_no + 1, save_optimizer_states)
    return _callback


def do_checkpoint(prefix, period=1):
    """Epoch-end callback writing prefix-symbol.json and prefix-%04d.params (epoch + 1)
    every `period` epochs."""
    period = int(max(1, period))

    def _callback(iter_no, sym, arg, aux):
        if (iter_no + 1) % period == 0:
            save_checkpoint(prefix, iter_no + 1, sym, arg, aux)
    return _callback


def log_train_metric(period, auto_reset=False):
    """Batch-end callback logging the training metric every `period` batches
    (auto_reset: restart the metric after each log, so each line covers `period` batches)."""

    def _callback(param):
        if param.nbatch % period == 0 and param.eval_metric is not None:
            for name, value in param.eval_metric.get_name_value():
                logging.info("Iter[%d] Batch[%d] Train-%s=%f", param.epoch, param.nbatch, name, value)
            if auto_reset:
                _reset_local(param.eval_metric)
    return _callback


class Speedometer:
    """Batch-end callback logging throughput (samples/sec) and the training metric
    every `frequent` batches:

        Epoch[0] Batch [0-50]	Speed: 1234.56 samples/sec	accuracy=0.912500

    auto_reset=True restarts the metric's local window after each line (the line
    covers the last `frequent` batches); otherwise it covers the epoch so far.
    """

    def __init__(self, batch_size, frequent=50, auto_reset=True):
        self.batch_size = batch_size
        self.frequent = frequent
        self.auto_reset = auto_reset
        self.init = False
        self.tic = 0.0
        self.last_count = 0

    def __call__(self, param):
        count = param.nbatch
        if self.last_count > count:  # a new epoch started
            self.init = False
        self.last_count = count
        if not self.init:
            self.init = True
            self.tic = time.time()
            return
        if count % self.frequent != 0:
            return
        elapsed = time.time() - self.tic
        speed = self.frequent * self.batch_size / elapsed if elapsed > 0 else float("inf")
        if param.eval_metric is not None:
            pairs = param.eval_metric.get_name_value()
            values = tuple(x for pair in pairs for x in pair)
            if self.auto_reset:
                _reset_local(param.eval_metric)
                msg = "Epoch[%d] Batch [%d-%d]\tSpeed: %.2f samples/sec" + "\t%s=%f" * len(pairs)
                logging.info(msg, param.epoch, count - self.frequent, count, speed, *values)
            else:
                msg = "Epoch[%d] Batch [0-%d]\tSpeed: %.2f samples/sec" + "\t%s=%f" * len(pairs)
                logging.info(msg, param.epoch, count, speed, *values)
        else:
            logging.info("Iter[%d] Batch [%d]\tSpeed: %.2f samples/sec", param.epoch, count, speed)
        self.tic = time.time()


class ProgressBar:
    """Batch-end callback logging a text progress bar for `total` batches."""

    def __init__(self, total, length=80):
        self.bar_len = length
        self.total = total

    def __call__(self, param):
        count = param.nbatch
        filled = int(round(self.bar_len * count / float(self.total)))
        percents = int(math.ceil(100.0 * count / float(self.total)))
        bar = "=" * filled + "-" * (self.bar_len - filled)
        logging.info("[%s] %s%s\r", bar, percents, "%")


class LogValidationMetricsCallback:
    """Score-end callback logging each validation metric as Epoch[N] Validation-name=value."""

    def __call__(self, param):
        if not param.eval_metric:
            return
        for name, value in param.eval_metric.get_name_value():
            logging.info("Epoch[%d] Validation-%s=%f", param.epoch, name, value)


class TerminalProgress:
    """The progress bar fit draws on an interactive terminal: one line per epoch,
    redrawn in place on stderr, erased when the epoch ends (so the log stays clean).
    It is a no-op when stderr is not a terminal or MXLITE_PROGRESS=0."""

    def __init__(self, total=None, stream=None, width=30):
        import os
        self.stream = stream or sys.stderr
        self.total = total
        self.width = width
        self.enabled = os.environ.get("MXLITE_PROGRESS", "1") != "0" and bool(
            getattr(self.stream, "isatty", lambda: False)())
        self._drawn = False
        self._start = time.time()

    def start_epoch(self, epoch):
        self.epoch = epoch
        self._start = time.time()

    def update(self, nbatch, samples):
        if not self.enabled:
            return
        elapsed = max(time.time() - self._start, 1e-9)
        if self.total:
            total = max(self.total, nbatch)
            filled = int(self.width * nbatch / float(total))
            bar = "[%s%s] %d/%d" % ("=" * filled, " " * (self.width - filled), nbatch, total)
        else:
            bar = "batch %d" % nbatch
        self.stream.write("\rEpoch[%d] %s  %.0f samples/sec" % (self.epoch, bar, samples / elapsed))
        self.stream.flush()
        self._drawn = True

    def clear(self):
        """Erase the bar (before a log line, so the two do not share a line)."""
        if self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._drawn = False

    def end_epoch(self, nbatch):
        self.clear()
        if self.total is None:
            self.total = nbatch  # the first epoch tells how many batches an epoch has
