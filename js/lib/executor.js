'use strict';
// Executor: a Symbol bound to arrays (MXNet's mx.executor.Executor). Binding, the
// gradient graph and the memory plan are built by the core; forward and backward push
// prepared work to the engine and return at once.

const { lib, check, MXNetError, cString, cArray } = require('./capi');
const { toContext } = require('./context');
const nd = require('./ndarray');

const { NDArray, GRAD_REQ, checkReq, isOptions, describe } = nd;

const HANDLES = require('./handles').handleKind('Executor', (h) => lib.mxl_executor_free(h));

function invalid(msg) { return new MXNetError(msg, 'MXL_ERR_INVALID_ARGUMENT'); }

/** args given as a list (list order) or an object (by name) -> list in `names` order. */
function asList(what, values, names, allowMissing = false) {
  if (values === null || values === undefined) return names.map(() => null);
  if (Array.isArray(values)) {
    if (values.length !== names.length) {
      throw invalid(`'${what}' has ${values.length} arrays but the symbol has ${names.length} (${names.join(', ')})`);
    }
    return values.slice();
  }
  const get = values instanceof Map ? (k) => values.get(k) : (k) => values[k];
  return names.map((n) => {
    const v = get(n);
    if (v === undefined || v === null) {
      if (allowMissing) return null;
      throw invalid(`key '${n}' is missing in '${what}'`);
    }
    return v;
  });
}

function reqList(gradReq, names) {
  let reqs;
  if (typeof gradReq === 'string') reqs = names.map(() => gradReq);
  else if (Array.isArray(gradReq)) {
    if (gradReq.length !== names.length) throw invalid(`gradReq has ${gradReq.length} entries for ${names.length} arguments`);
    reqs = gradReq.slice();
  } else if (gradReq && typeof gradReq === 'object') reqs = names.map((n) => gradReq[n] || 'null');
  else throw invalid(`gradReq must be a string, a list or an object, got ${describe(gradReq)}`);
  reqs.forEach(checkReq);
  return reqs;
}

class Executor {
  constructor(symbol, ctx, args, argsGrad = null, gradReq = 'write', auxStates = null) {
    this._symbol = symbol;
    this._ctx = ctx = toContext(ctx);
    const argNames = symbol.listArguments();
    const auxNames = symbol.listAuxiliaryStates();
    this.argArrays = asList('args', args, argNames);
    this.argArrays.forEach((a, i) => {
      if (!(a instanceof NDArray)) throw new TypeError(`bind: argument '${argNames[i]}' must be an NDArray, got ${describe(a)}`);
    });
    let grads;
    let reqs;
    if (argsGrad === null || argsGrad === undefined) {
      grads = argNames.map(() => null);
      reqs = argNames.map(() => 'null');
    } else {
      grads = asList('argsGrad', argsGrad, argNames, true);
      reqs = reqList(gradReq, argNames).map((r, i) => (grads[i] ? r : 'null'));
    }
    this.gradArrays = grads.map((g, i) => (reqs[i] !== 'null' ? g : null));
    this._gradReq = Object.fromEntries(argNames.map((n, i) => [n, reqs[i]]));
    this.auxArrays = asList('auxStates', auxStates, auxNames);
    this.auxArrays.forEach((a, i) => {
      if (!(a instanceof NDArray)) throw new TypeError(`bind: auxiliary state '${auxNames[i]}' must be an NDArray, got ${describe(a)}`);
    });
    const na = argNames.length;
    const nx = auxNames.length;
    const out = new BigUint64Array(1);
    check(lib.mxl_executor_bind(symbol.handle, ctx.deviceTypeid, ctx.deviceId, na,
      na ? BigUint64Array.from(this.argArrays, (a) => a.handle) : null,
      na ? BigUint64Array.from(this.gradArrays, (g) => (g ? g.handle : 0n)) : null,
      na ? Int32Array.from(reqs, (r) => GRAD_REQ[r]) : null,
      nx, nx ? BigUint64Array.from(this.auxArrays, (a) => a.handle) : null, out));
    this._cell = HANDLES.track(this, out[0]);
    const n = new Int32Array(1);
    const outs = new BigUint64Array(1);
    check(lib.mxl_executor_outputs(out[0], n, outs));
    this.outputs = cArray(outs[0], 'uint64_t', n[0]).map((h) => new NDArray(BigInt(h)));
    // Arrays bound here live as long as the executor, whatever tidy scope made them.
    nd.keep([this.argArrays, this.gradArrays, this.auxArrays, this.outputs]);
    this._argNames = argNames;
    this._auxNames = auxNames;
    this._outputNames = symbol.listOutputs();
  }

  get handle() { return HANDLES.get(this._cell); }

  /** Frees the executor (and its output handles) now. Bound arrays stay usable. */
  dispose() {
    if (this._cell.h !== null) {
      HANDLES.release(this._cell);
      for (const o of this.outputs) o.dispose();
    }
  }

  get symbol() { return this._symbol; }

  // ---------------------------------------------------------------- views
  get argDict() { return Object.fromEntries(this._argNames.map((n, i) => [n, this.argArrays[i]])); }

  get gradDict() {
    const out = {};
    this._argNames.forEach((n, i) => { if (this.gradArrays[i]) out[n] = this.gradArrays[i]; });
    return out;
  }

  get auxDict() { return Object.fromEntries(this._auxNames.map((n, i) => [n, this.auxArrays[i]])); }

  get outputDict() { return Object.fromEntries(this._outputNames.map((n, i) => [n, this.outputs[i]])); }

  // ------------------------------------------------------------------- run
  /**
   * Runs the graph (asynchronously): forward(), forward(true), or
   * forward({isTrain: true, data: values, ...}) where other keys copy values into arguments.
   * Returns the outputs.
   */
  forward(isTrain = false) {
    let train = isTrain;
    if (isOptions(isTrain)) {
      const { isTrain: t = false, is_train: t2, ...rest } = isTrain;
      train = t2 !== undefined ? t2 : t;
      const argDict = this.argDict;
      for (const [k, v] of Object.entries(rest)) {
        if (!(k in argDict)) throw invalid(`forward: unknown argument '${k}' (arguments: ${this._argNames.join(', ')})`);
        argDict[k].set(v);
      }
    }
    check(lib.mxl_executor_forward(this.handle, train ? 1 : 0));
    return this.outputs;
  }

  /**
   * Gradients into gradArrays. outGrads: one NDArray per output (a list, one NDArray,
   * or an object by output name); omit it for loss outputs such as SoftmaxOutput.
   */
  backward(outGrads = null) {
    let grads;
    if (outGrads === null || outGrads === undefined) grads = [];
    else if (outGrads instanceof NDArray) grads = [outGrads];
    else if (Array.isArray(outGrads)) grads = outGrads;
    else grads = this._outputNames.map((n) => outGrads[n] || null);
    grads.forEach((g) => {
      if (g !== null && !(g instanceof NDArray)) throw new TypeError(`backward: outGrads must be NDArrays, got ${describe(g)}`);
    });
    check(lib.mxl_executor_backward(this.handle, grads.length,
      grads.length ? BigUint64Array.from(grads, (g) => (g ? g.handle : 0n)) : null));
  }

  /** Copies arrays into the bound arguments / aux states by name. */
  copyParamsFrom(argParams, auxParams = null, allowExtraParams = false) {
    const argDict = this.argDict;
    const auxDict = this.auxDict;
    for (const [name, a] of Object.entries(argParams)) {
      if (name in argDict) a.copyTo(argDict[name]);
      else if (!allowExtraParams) throw invalid(`copyParamsFrom: '${name}' is not an argument of this executor`);
    }
    for (const [name, a] of Object.entries(auxParams || {})) {
      if (name in auxDict) a.copyTo(auxDict[name]);
      else if (!allowExtraParams) throw invalid(`copyParamsFrom: '${name}' is not an auxiliary state of this executor`);
    }
  }

  /** [plannedBytes, naiveBytes] of the memory plan. */
  memoryStats() {
    const p = new BigUint64Array(2);
    check(lib.mxl_executor_memory(this.handle, p.subarray(0, 1), p.subarray(1, 2)));
    return [Number(p[0]), Number(p[1])];
  }

  /** [fusedKernels, fusedNodes]: the elementwise chains of a GPU executor compiled into
   *  one kernel each at bind time, and the nodes they replace (0, 0 on the CPU, with
   *  MXLITE_FUSION=0, or when fusion is unavailable: debugStr() says why). */
  fusionStats() {
    const p = new Int32Array(2);
    check(lib.mxl_executor_fusion(this.handle, p.subarray(0, 1), p.subarray(1, 2)));
    return [p[0], p[1]];
  }

  debugStr() {
    const p = new BigUint64Array(1);
    check(lib.mxl_executor_debug_str(this.handle, p));
    return cString(p[0]);
  }
}

const BIND_OPTIONS = new Set(['ctx', 'gradReq', 'grad_req', 'typeDict', 'type_dict', 'sharedExec', 'shared_exec', 'shapes']);

function simpleBind(symbol, options) {
  const ctx = toContext(options.ctx);
  const gradReq = options.gradReq ?? options.grad_req ?? 'write';
  const typeDict = options.typeDict ?? options.type_dict ?? null;
  const sharedExec = options.sharedExec ?? options.shared_exec ?? null;
  const shapes = { ...(options.shapes || {}) };
  for (const [k, v] of Object.entries(options)) if (!BIND_OPTIONS.has(k)) shapes[k] = v;
  const [argShapes, , auxShapes] = symbol.inferShape(shapes);
  if (argShapes === null) {
    const partial = symbol.inferShapePartial(shapes)[0];
    const missing = symbol.listArguments().filter((n, i) => !partial[i].length);
    throw invalid(`simpleBind: cannot infer the shapes of ${missing.join(', ')} from ${JSON.stringify(shapes)}`);
  }
  let [argTypes, , auxTypes] = symbol.inferType(typeDict || {});
  if (argTypes === null) {
    argTypes = argShapes.map(() => 'float32');
    auxTypes = auxShapes.map(() => 'float32');
  }
  const names = symbol.listArguments();
  const reqs = reqList(gradReq, names);
  const shared = sharedExec ? sharedExec.argDict : {};
  const args = names.map((n, i) => {
    const a = shared[n];
    if (a && a.shape.join() === argShapes[i].join()) return a;
    return nd.zeros(argShapes[i], { ctx, dtype: argTypes[i] });
  });
  const grads = names.map((n, i) => (reqs[i] !== 'null' ? nd.zeros(argShapes[i], { ctx, dtype: argTypes[i] }) : null));
  const aux = auxShapes.map((s, i) => nd.zeros(s, { ctx, dtype: auxTypes[i] }));
  return new Executor(symbol, ctx, args, grads, reqs, aux);
}

module.exports = { Executor, simpleBind };
