'use strict';
// mx.model.FeedForward (MXNet 1.x's high-level trainer), initializers and metrics.
// Everything runs through registry ops by name: the SGD step uses the core's fused
// sgd_update / sgd_mom_update when the registry has them, else the same update
// written with elementwise ops.

module.exports = function makeModel(mx) {
  const nd = mx.nd;
  const { MXNetError } = mx;

  function invalid(msg) { return new MXNetError(msg, 'MXL_ERR_INVALID_ARGUMENT'); }

  function fillRandom(op, arr, params) {
    nd._internal[op]({ ...params, shape: arr.shape, dtype: arr.dtype, ctx: arr.context, out: arr });
  }

  // --------------------------------------------------------- initializers
  // An initializer is called as init(name, array) and fills the array in place; like
  // MXNet's, it gives biases, betas and moving means 0 and gammas and moving variances 1,
  // and draws only weights.
  class Initializer {
    call(name, arr) {
      if (name.endsWith('bias') || name.endsWith('beta') || name.endsWith('moving_mean') ||
          name.endsWith('running_mean')) arr.set(0);
      else if (name.endsWith('gamma') || name.endsWith('moving_var') || name.endsWith('running_var')) arr.set(1);
      else this.initWeight(name, arr);
    }

    initWeight(name, arr) { throw new Error(`${this.constructor.name}.initWeight is not implemented`); }
  }

  class Uniform extends Initializer {
    constructor(scale = 0.07) { super(); this.scale = scale; }
    initWeight(name, arr) { fillRandom('_random_uniform', arr, { low: -this.scale, high: this.scale }); }
  }

  class Normal extends Initializer {
    constructor(sigma = 0.01) { super(); this.sigma = sigma; }
    initWeight(name, arr) { fillRandom('_random_normal', arr, { loc: 0, scale: this.sigma }); }
  }

  class Constant extends Initializer {
    constructor(value) { super(); this.value = value; }
    call(name, arr) { arr.set(this.value); }
  }

  /** Xavier/Glorot: rndType 'uniform' | 'gaussian', factorType 'avg' | 'in' | 'out', magnitude. */
  class Xavier extends Initializer {
    constructor({ rndType = 'uniform', factorType = 'avg', magnitude = 3 } = {}) {
      super();
      Object.assign(this, { rndType, factorType, magnitude });
    }

    initWeight(name, arr) {
      const shape = arr.shape;
      if (shape.length < 2) throw invalid(`Xavier: weight '${name}' has shape [${shape}]; it needs at least 2 dims`);
      const hw = shape.slice(2).reduce((a, b) => a * b, 1);
      const fanIn = shape[1] * hw;
      const fanOut = shape[0] * hw;
      const factor = { avg: (fanIn + fanOut) / 2, in: fanIn, out: fanOut }[this.factorType];
      if (factor === undefined) throw invalid(`Xavier: factorType must be 'avg', 'in' or 'out', got '${this.factorType}'`);
      const scale = Math.sqrt(this.magnitude / factor);
      if (this.rndType === 'uniform') fillRandom('_random_uniform', arr, { low: -scale, high: scale });
      else if (this.rndType === 'gaussian') fillRandom('_random_normal', arr, { loc: 0, scale });
      else throw invalid(`Xavier: rndType must be 'uniform' or 'gaussian', got '${this.rndType}'`);
    }
  }

  const init = {
    Initializer, Uniform, Normal, Xavier, Constant,
    Zero: class Zero extends Constant { constructor() { super(0); } },
    One: class One extends Constant { constructor() { super(1); } },
  };

  // -------------------------------------------------------------- metrics
  /** Accuracy: argmax of each row of pred against the integer label. */
  class Accuracy {
    constructor() { this.name = 'accuracy'; this.reset(); }
    reset() { this.correct = 0; this.total = 0; }
    update(labels, pred, classes, count = labels.length) {
      for (let i = 0; i < count; i++) {
        let best = 0;
        for (let j = 1; j < classes; j++) if (pred[i * classes + j] > pred[i * classes + best]) best = j;
        if (best === Math.round(Number(labels[i]))) this.correct++;
        this.total++;
      }
    }
    get() { return [this.name, this.total ? this.correct / this.total : NaN]; }
  }

  const metric = {
    Accuracy,
    create(m) {
      if (m && typeof m.update === 'function') return m;
      if (m === 'acc' || m === 'accuracy') return new Accuracy();
      throw invalid(`unknown metric ${JSON.stringify(m)}; supported: 'acc'`);
    },
  };

  // The optimizers (SGD, ...) are mx.optimizer's; mx.model.SGD stays for MXNet's spelling.
  const { SGD, Optimizer } = mx.optimizer;

  // ------------------------------------------------------------------ data
  /** A deterministic PRNG (mulberry32) for shuffling: runs are reproducible. */
  function prng(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6D2B79F5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** X as [Float32Array, shape] on the host (from an NDArray, nested array or {data, shape}). */
  function hostData(X, what) {
    if (X instanceof nd.NDArray) return [X.astype('float32', { copy: false }).toArray(), X.shape];
    if (X && ArrayBuffer.isView(X.data) && X.shape) return [Float32Array.from(X.data), Array.from(X.shape)];
    if (Array.isArray(X)) {
      const a = nd.array(X);
      return [a.toArray(), a.shape];
    }
    throw new TypeError(`${what}: expected an NDArray, a nested array or {data: TypedArray, shape}`);
  }

  function hostLabels(y, n) {
    if (y === undefined || y === null) return null;
    const flat = y instanceof nd.NDArray ? y.astype('float32', { copy: false }).toArray()
      : ArrayBuffer.isView(y) ? Float32Array.from(y, Number) : Float32Array.from(y.flat(Infinity));
    if (flat.length !== n) throw invalid(`labels: ${flat.length} labels for ${n} samples`);
    return flat;
  }

  // ---------------------------------------------------------- checkpoints
  // MXNet's layout: prefix-symbol.json and prefix-%04d.params, an NDArray dict whose
  // keys are `arg:<name>` and `aux:<name>` (readable by MXNet 1.x and mxlite's Python).
  const paramsFile = (prefix, epoch) => `${prefix}-${String(epoch).padStart(4, '0')}.params`;

  /** Writes prefix-symbol.json (when symbol is given) and prefix-%04d.params. */
  function saveCheckpoint(prefix, epoch, symbol, argParams, auxParams) {
    if (symbol) symbol.save(`${prefix}-symbol.json`);
    const dict = {};
    for (const [k, v] of Object.entries(argParams || {})) dict[`arg:${k}`] = v.asInContext(mx.cpu());
    for (const [k, v] of Object.entries(auxParams || {})) dict[`aux:${k}`] = v.asInContext(mx.cpu());
    nd.save(paramsFile(prefix, epoch), dict);
  }

  /** {argParams, auxParams} from prefix-%04d.params. */
  function loadParams(prefix, epoch) {
    const fname = paramsFile(prefix, epoch);
    const loaded = nd.load(fname);
    if (Array.isArray(loaded)) throw invalid(`load: '${fname}' holds an unnamed array list, not a checkpoint's arg:/aux: dict`);
    const argParams = {};
    const auxParams = {};
    for (const [key, value] of Object.entries(loaded)) {
      const at = key.indexOf(':');
      const kind = key.slice(0, at);
      if (at < 0 || (kind !== 'arg' && kind !== 'aux')) {
        throw invalid(`load: '${fname}' has a key '${key}'; checkpoint keys start with 'arg:' or 'aux:'`);
      }
      (kind === 'arg' ? argParams : auxParams)[key.slice(at + 1)] = value;
    }
    return { argParams, auxParams };
  }

  /** {symbol, argParams, auxParams} from a checkpoint (this package's, Python's or MXNet 1.x's). */
  function loadCheckpoint(prefix, epoch) {
    return { symbol: mx.sym.load(`${prefix}-symbol.json`), ...loadParams(prefix, epoch) };
  }

  // ---------------------------------------------------------- FeedForward
  /**
   * MXNet's mx.model.FeedForward:
   *   new mx.model.FeedForward({symbol, ctx, numEpoch, learningRate, momentum, wd,
   *     initializer: new mx.init.Uniform(0.01), batchSize: 128, seed: 0})
   *   model.fit({X, y, evalData: [Xtest, ytest], evalMetric: 'acc', logger: console})
   *   model.predict(X) -> NDArray of outputs; model.score(X, y) -> accuracy
   * The data argument is 'data', the label argument the one ending in 'label'
   * (softmax_label). SGD's gradient is rescaled by 1 / batch size, as in MXNet.
   */
  class FeedForward {
    constructor({ symbol, ctx, numEpoch = 10, optimizer = 'sgd', initializer = new Uniform(0.01),
      batchSize = 128, numpyBatchSize, argParams = null, auxParams = null, beginEpoch = 0, seed = 0,
      ...optimizerParams } = {}) {
      if (!(symbol instanceof mx.sym.Symbol)) throw new TypeError('FeedForward: symbol must be an mx.sym.Symbol');
      if (!(optimizer instanceof Optimizer)) mx.optimizer.create(optimizer, optimizerParams); // fails early on bad names
      Object.assign(this, { symbol, ctx: ctx || mx.cpu(), numEpoch, optimizer, initializer,
        batchSize: numpyBatchSize || batchSize, argParams, auxParams, beginEpoch, seed, optimizerParams });
      const args = symbol.listArguments();
      this.dataName = 'data';
      this.labelName = args.find((n) => n.endsWith('label')) || null;
      if (!args.includes('data')) throw invalid(`FeedForward: the symbol needs an argument named 'data' (arguments: ${args.join(', ')})`);
      this._exec = null;
    }

    _bind(featureShape, withGrad) {
      const shapes = { data: [this.batchSize, ...featureShape] };
      if (this.labelName) shapes[this.labelName] = [this.batchSize];
      const inputs = new Set(['data', this.labelName]);
      const gradReq = Object.fromEntries(this.symbol.listArguments().map((n) => [n, inputs.has(n) || !withGrad ? 'null' : 'write']));
      return this.symbol.simpleBind({ ctx: this.ctx, gradReq, shapes });
    }

    _initParams(ex) {
      const argDict = ex.argDict;
      const auxDict = ex.auxDict;
      for (const [name, arr] of Object.entries(argDict)) {
        if (name === 'data' || name === this.labelName) continue;
        if (this.argParams && this.argParams[name]) this.argParams[name].copyTo(arr);
        else this.initializer.call(name, arr);
      }
      for (const [name, arr] of Object.entries(auxDict)) {
        if (this.auxParams && this.auxParams[name]) this.auxParams[name].copyTo(arr);
        else this.initializer.call(name, arr);
      }
      this.argParams = Object.fromEntries(Object.entries(argDict).filter(([n]) => n !== 'data' && n !== this.labelName));
      this.auxParams = auxDict;
    }

    /** Trains. Returns {epochs: [{epoch, train: [name, value], eval: [name, value] | null}]}. */
    fit({ X, y, evalData = null, evalMetric = 'acc', logger = null, batchEndCallback = null, epochEndCallback = null } = {}) {
      const [xs, shape] = hostData(X, 'fit X');
      const n = shape[0];
      const labels = hostLabels(y, n);
      if (!labels) throw invalid('fit: labels y are required');
      const feat = shape.slice(1);
      const featSize = feat.reduce((a, b) => a * b, 1);
      const ex = this._bind(feat, true);
      this._initParams(ex);
      this._exec = ex;
      const opt = this.optimizer instanceof Optimizer ? this.optimizer
        : mx.optimizer.create(this.optimizer, { rescaleGrad: 1 / this.batchSize, ...this.optimizerParams });
      const argNames = this.symbol.listArguments();
      const dataArr = ex.argDict.data;
      const labelArr = this.labelName ? ex.argDict[this.labelName] : null;
      const bs = this.batchSize;
      const bx = new Float32Array(bs * featSize);
      const by = new Float32Array(bs);
      const order = Array.from({ length: n }, (_, i) => i);
      const rand = prng(this.seed);
      const history = [];
      const m = metric.create(evalMetric);
      for (let epoch = this.beginEpoch; epoch < this.numEpoch; epoch++) {
        const t0 = Date.now();
        for (let i = n - 1; i > 0; i--) { // Fisher-Yates shuffle, as NDArrayIter(shuffle=True)
          const j = Math.floor(rand() * (i + 1));
          [order[i], order[j]] = [order[j], order[i]];
        }
        m.reset();
        for (let start = 0; start < n; start += bs) {
          // The last batch is filled up from the start of the epoch (MXNet's pad).
          for (let k = 0; k < bs; k++) {
            const idx = order[(start + k) % n];
            bx.set(xs.subarray(idx * featSize, (idx + 1) * featSize), k * featSize);
            by[k] = labels[idx];
          }
          dataArr.set(bx);
          if (labelArr) labelArr.set(by);
          ex.forward(true);
          ex.backward();
          mx.tidy(() => argNames.forEach((name, i) => { // frees the update's temporaries at once
            const g = ex.gradArrays[i];
            if (g) opt.update(i, ex.argArrays[i], g);
          }));
          const out = ex.outputs[0];
          const classes = out.shape[1];
          m.update(by, out.toArray(), classes, Math.min(bs, n - start));
          if (batchEndCallback) batchEndCallback({ epoch, nbatch: start / bs, evalMetric: m });
        }
        const train = m.get();
        let evalResult = null;
        if (logger) logger.info(`Epoch[${epoch}] Train-${train[0]}=${train[1].toFixed(6)}`);
        if (logger) logger.info(`Epoch[${epoch}] Time cost=${((Date.now() - t0) / 1000).toFixed(3)}`);
        if (evalData) {
          const ev = Array.isArray(evalData) ? { X: evalData[0], y: evalData[1] } : evalData;
          evalResult = ['accuracy', this.score(ev.X, ev.y)];
          if (logger) logger.info(`Epoch[${epoch}] Validation-${evalResult[0]}=${evalResult[1].toFixed(6)}`);
        }
        history.push({ epoch, train, eval: evalResult });
        if (epochEndCallback) epochEndCallback({ epoch, symbol: this.symbol, argParams: this.argParams, auxParams: this.auxParams });
      }
      return { epochs: history };
    }

    /** Outputs for X as one NDArray (n, ...) on the CPU, in order. */
    predict(X) {
      if (!this.argParams) throw invalid('predict: the model has no parameters (fit it or pass argParams)');
      const [xs, shape] = hostData(X, 'predict X');
      const n = shape[0];
      const feat = shape.slice(1);
      const featSize = feat.reduce((a, b) => a * b, 1);
      const ex = this._bind(feat, false);
      ex.copyParamsFrom(this.argParams, this.auxParams, true);
      const bs = this.batchSize;
      const bx = new Float32Array(bs * featSize);
      let result = null;
      let outShape = null;
      for (let start = 0; start < n; start += bs) {
        const count = Math.min(bs, n - start);
        bx.fill(0);
        bx.set(xs.subarray(start * featSize, (start + count) * featSize));
        ex.argDict.data.set(bx);
        ex.forward(false);
        const out = ex.outputs[0];
        if (!result) {
          outShape = [n, ...out.shape.slice(1)];
          result = new Float32Array(out.size / bs * n);
        }
        const per = out.size / bs;
        result.set(out.astype('float32', { copy: false }).toArray().subarray(0, count * per), start * per);
      }
      ex.dispose();
      return nd.array(result, { shape: outShape });
    }

    /** Checkpoint: prefix-symbol.json and prefix-%04d.params (epoch: numEpoch by default). */
    save(prefix, epoch = this.numEpoch) {
      if (!this.argParams) throw invalid('FeedForward.save: the model has no parameters; call fit first');
      saveCheckpoint(prefix, epoch, this.symbol, this.argParams, this.auxParams || {});
    }

    /** A FeedForward from a checkpoint; training goes on from beginEpoch = epoch. */
    static load(prefix, epoch, options = {}) {
      const { symbol, argParams, auxParams } = loadCheckpoint(prefix, epoch);
      return new FeedForward({ ...options, symbol, argParams, auxParams, beginEpoch: epoch });
    }

    /** Accuracy of predict(X) against y. */
    score(X, y, evalMetric = 'acc') {
      const pred = this.predict(X);
      const labels = hostLabels(y, pred.shape[0]);
      const m = metric.create(evalMetric);
      m.reset();
      m.update(labels, pred.toArray(), pred.shape[1]);
      return m.get()[1];
    }
  }

  return { FeedForward, SGD, init, metric, prng, saveCheckpoint, loadCheckpoint, loadParams };
};
