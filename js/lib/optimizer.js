'use strict';
// mx.optimizer: MXNet 1.x's optimizers as descriptions of the core's fused update
// operators (sgd_mom_update, adam_update, ...). One description serves two users:
// `update(index, weight, grad)` runs the operator here (FeedForward), and a KVStore's
// setOptimizer hands the same operator and parameters to the store, which then runs
// it itself. The mapping (optimizer -> operator, fixed parameters, per-update
// parameters) follows python/mxlite/kvstore.py; the number of state arrays comes from
// the operator's inputs in the registry (weight, grad, states...).

module.exports = function makeOptimizer(mx) {
  const nd = mx.nd;
  const { MXNetError } = mx;

  function invalid(msg) { return new MXNetError(msg, 'MXL_ERR_INVALID_ARGUMENT'); }

  /** The mx.nd function of a registry operator (`_adagrad_update` lives in nd._internal). */
  function opFunction(name) {
    return name.startsWith('_') ? nd._internal[name] : nd.op[name];
  }

  /**
   * The base of every optimizer: learningRate, wd, rescaleGrad (MXNet: 1 / batch size)
   * and clipGradient (null or <= 0: no clipping). Subclasses say which fused operator
   * applies them (`updateOp()`); the learning rate of update number `count` may depend on
   * it (`lrAt`, Adam's bias correction).
   */
  class Optimizer {
    constructor({ learningRate = 0.01, wd = 0, rescaleGrad = 1, clipGradient = null } = {}) {
      Object.assign(this, { learningRate, wd, rescaleGrad, clipGradient });
      this.states = new Map(); // index -> state arrays of update()
      this.counts = new Map(); // index -> number of updates applied by update()
    }

    /** [operator name, its fixed parameters]: overridden by each optimizer. */
    updateOp() { throw invalid(`${this.constructor.name}: no fused update operator`); }

    /** The learning rate of the key's count-th update (1-based). */
    lrAt(count) { return this.learningRate; } // eslint-disable-line no-unused-vars

    /**
     * The parameters that may change between updates (lr, wd, rescale_grad, clipping),
     * for update number `count`, restricted to those the operator accepts.
     */
    stepParams(count) {
      const [opName] = this.updateOp();
      const info = mx.ops.info(opName);
      const params = { rescale_grad: this.rescaleGrad, wd: this.wd, lr: this.lrAt(count) };
      if (this.clipGradient !== null && this.clipGradient > 0) {
        params[info.paramSet.has('clip_grad') ? 'clip_grad' : 'clip_gradient'] = this.clipGradient;
      }
      return Object.fromEntries(Object.entries(params).filter(([k]) => info.paramSet.has(k)));
    }

    /** One update of `weight` in place from `grad`, the states kept per `index`. */
    update(index, weight, grad) {
      const [opName, fixed] = this.updateOp();
      const count = (this.counts.get(index) || 0) + 1;
      this.counts.set(index, count);
      let states = this.states.get(index);
      if (!states) {
        const numStates = mx.ops.info(opName).inputs.length - 2; // inputs: weight, grad, states...
        states = mx.keep(Array.from({ length: numStates },
          () => nd.zeros(weight.shape, { ctx: weight.context, dtype: weight.dtype })));
        this.states.set(index, states);
      }
      const params = { ...fixed, ...this.stepParams(count), out: weight };
      if (opName === 'ftml_update') params.t = count;
      opFunction(opName)(weight, grad, ...states, params);
    }
  }

  /** SGD with optional momentum (sgd_update / sgd_mom_update). */
  class SGD extends Optimizer {
    constructor({ momentum = 0, ...rest } = {}) {
      super(rest);
      this.momentum = momentum;
      // false: the elementwise rule below (a registry without the fused operators)
      this.fused = mx.ops.exists('sgd_update') && mx.ops.exists('sgd_mom_update');
    }

    updateOp() {
      return this.momentum === 0 ? ['sgd_update', {}] : ['sgd_mom_update', { momentum: this.momentum }];
    }

    update(index, weight, grad) {
      if (this.fused) return super.update(index, weight, grad);
      // A registry without the fused operators: the same rule with elementwise ops,
      // g = clip(rescale * grad) + wd * w; mom = momentum * mom - lr * g; w += mom.
      let g = grad.mul(this.rescaleGrad);
      if (this.clipGradient > 0) g = nd.clip(g, { a_min: -this.clipGradient, a_max: this.clipGradient });
      if (this.wd) g = g.add(weight.mul(this.wd));
      if (this.momentum === 0) {
        weight.subInPlace(g.mul(this.learningRate));
        return undefined;
      }
      let mom = this.states.get(index);
      if (!mom) {
        mom = [mx.keep(nd.zeros(weight.shape, { ctx: weight.context, dtype: weight.dtype }))];
        this.states.set(index, mom);
      }
      mom[0].mulInPlace(this.momentum).subInPlace(g.mul(this.learningRate));
      weight.addInPlace(mom[0]);
      return undefined;
    }
  }

  /** Nesterov momentum (nag_mom_update; plain SGD when momentum is 0). */
  class NAG extends SGD {
    updateOp() {
      return this.momentum === 0 ? ['sgd_update', {}] : ['nag_mom_update', { momentum: this.momentum }];
    }
  }

  /** Adam (adam_update) with MXNet's bias correction folded into the learning rate. */
  class Adam extends Optimizer {
    constructor({ learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, ...rest } = {}) {
      super({ learningRate, ...rest });
      Object.assign(this, { beta1, beta2, epsilon });
    }

    updateOp() { return ['adam_update', { beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon }]; }

    lrAt(count) {
      return this.learningRate * Math.sqrt(1 - this.beta2 ** count) / (1 - this.beta1 ** count);
    }
  }

  /** AdaGrad (_adagrad_update). */
  class AdaGrad extends Optimizer {
    constructor({ epsilon = 1e-7, ...rest } = {}) {
      super(rest);
      this.epsilon = epsilon;
    }

    updateOp() { return ['_adagrad_update', { epsilon: this.epsilon }]; }
  }

  /** RMSProp (rmsprop_update; Graves' centered variant, rmspropalex_update, with centered). */
  class RMSProp extends Optimizer {
    constructor({ learningRate = 0.001, gamma1 = 0.9, gamma2 = 0.9, epsilon = 1e-8, centered = false,
      clipWeights = null, ...rest } = {}) {
      super({ learningRate, ...rest });
      Object.assign(this, { gamma1, gamma2, epsilon, centered, clipWeights });
    }

    updateOp() {
      const p = { gamma1: this.gamma1, epsilon: this.epsilon };
      if (this.clipWeights) p.clip_weights = this.clipWeights;
      if (!this.centered) return ['rmsprop_update', p];
      return ['rmspropalex_update', { ...p, gamma2: this.gamma2 }];
    }
  }

  const CLASSES = { sgd: SGD, nag: NAG, adam: Adam, adagrad: AdaGrad, rmsprop: RMSProp };

  /** An optimizer by MXNet's name ('sgd', 'nag', 'adam', 'adagrad', 'rmsprop'), options in camelCase. */
  function create(name, options = {}) {
    if (name instanceof Optimizer) {
      if (Object.keys(options).length) {
        throw invalid(`optimizer: options ${Object.keys(options).join(', ')} given with an optimizer object; set them on the object`);
      }
      return name;
    }
    const cls = typeof name === 'string' ? CLASSES[name.toLowerCase()] : undefined;
    if (!cls) {
      throw invalid(`optimizer: unknown optimizer ${JSON.stringify(name)}; supported: ` +
        Object.keys(CLASSES).map((n) => `'${n}'`).join(', '));
    }
    const known = new Set(Object.keys(new cls()));
    for (const k of Object.keys(options)) {
      if (!known.has(k) || ['states', 'counts', 'fused'].includes(k)) {
        throw invalid(`optimizer '${name}': unknown option '${k}'`);
      }
    }
    return new cls(options);
  }

  return { Optimizer, SGD, NAG, Adam, AdaGrad, RMSProp, create };
};
