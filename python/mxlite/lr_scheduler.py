"""Learning-rate schedules (mx.lr_scheduler), as in MXNet 1.x.

A scheduler is called with the number of updates done so far and returns the
learning rate to use. Every scheduler can start with a warmup of `warmup_steps`
updates, rising linearly from `warmup_begin_lr` to `base_lr` ('linear') or staying at
`warmup_begin_lr` ('constant').

    sched = mx.lr_scheduler.FactorScheduler(step=100, factor=0.5, base_lr=0.1)
    opt = mx.optimizer.SGD(learning_rate=0.1, lr_scheduler=sched)
"""
import logging
import math

__all__ = ["LRScheduler", "FactorScheduler", "MultiFactorScheduler", "PolyScheduler",
           "CosineScheduler"]


class LRScheduler(object):
    """Base class: warmup handling; subclasses define __call__(num_update).

    Parameters
    ----------
    base_lr : float
        The learning rate after warmup.
    warmup_steps : int
        Number of updates the warmup lasts (0: none).
    warmup_begin_lr : float
        The learning rate the warmup starts from (at most base_lr).
    warmup_mode : {'linear', 'constant'}
        Linear rise to base_lr, or warmup_begin_lr throughout the warmup.
    """

    def __init__(self, base_lr=0.01, warmup_steps=0, warmup_begin_lr=0, warmup_mode="linear"):
        if not isinstance(warmup_steps, int):
            raise TypeError("LRScheduler: warmup_steps must be an int, got %r" % (warmup_steps,))
        if warmup_steps < 0:
            raise ValueError("LRScheduler: warmup_steps must be >= 0, got %d" % warmup_steps)
        if warmup_begin_lr > base_lr:
            raise ValueError("LRScheduler: warmup_begin_lr (%g) must not exceed base_lr (%g)"
                             % (warmup_begin_lr, base_lr))
        if warmup_mode not in ("linear", "constant"):
            raise ValueError("LRScheduler: warmup_mode must be 'linear' or 'constant', got %r"
                             % (warmup_mode,))
        self.base_lr = base_lr
        self.warmup_steps = warmup_steps
        self.warmup_final_lr = base_lr
        self.warmup_begin_lr = warmup_begin_lr
        self.warmup_mode = warmup_mode

    def get_warmup_lr(self, num_update):
        """The learning rate at update `num_update` < warmup_steps."""
        if num_update >= self.warmup_steps:
            raise ValueError("get_warmup_lr: update %d is past the warmup (%d steps)"
                             % (num_update, self.warmup_steps))
        if self.warmup_mode == "constant":
            return self.warmup_begin_lr
        frac = float(num_update) / float(self.warmup_steps)
        return self.warmup_begin_lr + (self.warmup_final_lr - self.warmup_begin_lr) * frac

    def __call__(self, num_update):
        raise NotImplementedError("%s must define __call__(num_update)" % type(self).__name__)


class FactorScheduler(LRScheduler):
    """Multiplies the learning rate by `factor` every `step` updates, never going
    below `stop_factor_lr`: lr = base_lr * factor ** floor((num_update - 1) / step).

    Parameters
    ----------
    step : int
        Updates between two reductions (>= 1).
    factor : float
        The multiplier (<= 1).
    stop_factor_lr : float
        The smallest learning rate.
    """

    def __init__(self, step, factor=1, stop_factor_lr=1e-8, base_lr=0.01, warmup_steps=0,
                 warmup_begin_lr=0, warmup_mode="linear"):
        super().__init__(base_lr, warmup_steps, warmup_begin_lr, warmup_mode)
        if step < 1:
            raise ValueError("FactorScheduler: step must be >= 1, got %r" % (step,))
        if factor > 1.0:
            raise ValueError("FactorScheduler: factor must be <= 1 to reduce the learning rate, "
                             "got %r" % (factor,))
        self.step = step
        self.factor = factor
        self.stop_factor_lr = stop_factor_lr
        self.count = 0

    def __call__(self, num_update):
        if num_update < self.warmup_steps:
            return self.get_warmup_lr(num_update)
        # The schedule advances with num_update (it is stateful, like MXNet's).
        while num_update > self.count + self.step:
            self.count += self.step
            self.base_lr *= self.factor
            if self.base_lr < self.stop_factor_lr:
                self.base_lr = self.stop_factor_lr
                logging.info("Update[%d]: now learning rate arrived at %0.5e, will not change "
                             "in the future", num_update, self.base_lr)
            else:
                logging.info("Update[%d]: Change learning rate to %0.5e", num_update, self.base_lr)
        return self.base_lr


class MultiFactorScheduler(LRScheduler):
    """Multiplies the learning rate by `factor` once past each update count in `step`
    (an increasing list).

    Parameters
    ----------
    step : list of int
        Increasing update counts (>= 1) after which the learning rate drops.
    factor : float
        The multiplier (<= 1).
    """

    def __init__(self, step, factor=1, base_lr=0.01, warmup_steps=0, warmup_begin_lr=0,
                 warmup_mode="linear"):
        super().__init__(base_lr, warmup_steps, warmup_begin_lr, warmup_mode)
        if not isinstance(step, (list, tuple)) or len(step) < 1:
            raise ValueError("MultiFactorScheduler: step must be a non-empty list of ints, got %r"
                             % (step,))
        for i, s in enumerate(step):
            if s < 1:
                raise ValueError("MultiFactorScheduler: every step must be >= 1, got %r" % (s,))
            if i and s <= step[i - 1]:
                raise ValueError("MultiFactorScheduler: step must be increasing, got %r" % (step,))
        if factor > 1.0:
            raise ValueError("MultiFactorScheduler: factor must be <= 1, got %r" % (factor,))
        self.step = list(step)
        self.cur_step_ind = 0
        self.factor = factor
        self.count = 0

    def __call__(self, num_update):
        if num_update < self.warmup_steps:
            return self.get_warmup_lr(num_update)
        while self.cur_step_ind < len(self.step) and num_update > self.step[self.cur_step_ind]:
            self.count = self.step[self.cur_step_ind]
            self.cur_step_ind += 1
            self.base_lr *= self.factor
            logging.info("Update[%d]: Change learning rate to %0.5e", num_update, self.base_lr)
        return self.base_lr


class _DecayToFinal(LRScheduler):
    """A decay from base_lr to final_lr over the updates from warmup_steps to
    max_update, final_lr after: lr = final_lr + (base_lr - final_lr) * shape(frac),
    frac the fraction of the decay done."""

    def __init__(self, max_update, base_lr, final_lr, warmup_steps, warmup_begin_lr, warmup_mode):
        super().__init__(base_lr, warmup_steps, warmup_begin_lr, warmup_mode)
        if not isinstance(max_update, int) or max_update < 1:
            raise ValueError("%s: max_update must be an int >= 1, got %r"
                             % (type(self).__name__, max_update))
        self.base_lr_orig = base_lr
        self.max_update = max_update
        self.final_lr = final_lr
        self.max_steps = self.max_update - self.warmup_steps

    def _shape(self, frac):
        raise NotImplementedError

    def __call__(self, num_update):
        if num_update < self.warmup_steps:
            return self.get_warmup_lr(num_update)
        if num_update <= self.max_update:
            frac = float(num_update - self.warmup_steps) / float(self.max_steps)
            self.base_lr = self.final_lr + (self.base_lr_orig - self.final_lr) * self._shape(frac)
        return self.base_lr


class PolyScheduler(_DecayToFinal):
    """Polynomial decay from base_lr to final_lr over max_update updates (after warmup):
    lr = final_lr + (base_lr - final_lr) * (1 - (n - warmup_steps) / (max_update - warmup_steps)) ** pwr,
    and final_lr after max_update.
    """

    def __init__(self, max_update, base_lr=0.01, pwr=2, final_lr=0, warmup_steps=0,
                 warmup_begin_lr=0, warmup_mode="linear"):
        super().__init__(max_update, base_lr, final_lr, warmup_steps, warmup_begin_lr, warmup_mode)
        self.power = pwr

    def _shape(self, frac):
        return pow(1 - frac, self.power)


class CosineScheduler(_DecayToFinal):
    """Cosine decay from base_lr to final_lr over max_update updates (after warmup):
    lr = final_lr + (base_lr - final_lr) * (1 + cos(pi * (n - warmup_steps) / (max_update - warmup_steps))) / 2,
    and final_lr after max_update.
    """

    def __init__(self, max_update, base_lr=0.01, final_lr=0, warmup_steps=0, warmup_begin_lr=0,
                 warmup_mode="linear"):
        super().__init__(max_update, base_lr, final_lr, warmup_steps, warmup_begin_lr, warmup_mode)

    def _shape(self, frac):
        return (1 + math.cos(math.pi * frac)) / 2
