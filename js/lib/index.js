'use strict';
// mxlite for Node.js: `const mx = require('mxlite')`.
//
// mx.nd.* and mx.sym.* operator functions are generated from the core's registry
// (mxl_op_list / mxl_op_info) when this module loads: a new operator in the core
// appears here with no change to this package.

const capi = require('./capi');
const ops = require('./ops');
const context = require('./context');
const nd = require('./ndarray');
const symbol = require('./symbol');
const executor = require('./executor');

const { lib, check, MXNetError } = capi;

// Operators whose names carry one of these prefixes also go, without it, into a
// sub-namespace (MXNet's mx.nd.random.uniform, mx.nd.linalg.gemm, ...).
const SUBMODULE_PREFIXES = { _contrib_: 'contrib', _linalg_: 'linalg', _random_: 'random', _sample_: 'random', _image_: 'image' };

const { FLUENT_METHODS, FLUENT_OP } = require('./fluent');

/** proto.sum(...) = funcs.sum(this, ...) for the fluent methods proto lacks. */
function attachFluentMethods(proto, funcs) {
  for (const meth of FLUENT_METHODS) {
    const f = funcs[FLUENT_OP[meth] || meth];
    const jsName = ops.camelCase(meth);
    if (!f || jsName in proto) continue;
    const method = function (...args) { return f(this, ...args); };
    method.fluentOp = f.name; // for scripts/gen-dts.js
    Object.defineProperty(proto, jsName, { value: method, writable: true, configurable: true });
  }
}

/** Fills `ns` (and ns._internal, ns.random, ...) with one function per registry name. */
function registerOps(ns, makeFunction) {
  ns._internal = ns._internal || {};
  ns.op = ns.op || {}; // every public op, even where a hand-written function shadows it (MXNet's mx.nd.op)
  for (const sub of new Set(Object.values(SUBMODULE_PREFIXES))) ns[sub] = ns[sub] || {};
  const funcs = {};
  for (const name of ops.opNames()) {
    const f = makeFunction(ops.getOp(name), name);
    funcs[name] = f;
    if (name.startsWith('_')) {
      ns._internal[name] = f;
      for (const [prefix, sub] of Object.entries(SUBMODULE_PREFIXES)) {
        const short = name.slice(prefix.length);
        if (name.startsWith(prefix) && short && !(short in ns[sub])) ns[sub][short] = f;
      }
    } else {
      ns.op[name] = f;
      if (!(name in ns)) ns[name] = f;
    }
  }
  return funcs;
}

// ------------------------------------------------------------------ mx.nd
const binary = (name) => nd.binaryFunction(nd.TABLES[name]);
const ndNamespace = {
  NDArray: nd.NDArray,
  array: nd.array,
  empty: nd.empty,
  zeros: nd.zeros,
  ones: nd.ones,
  full: nd.full,
  arange: nd.arange,
  waitall: nd.waitall,
  save: nd.save,
  load: nd.load,
  // MXNet's mx.nd.add / subtract / ...: elementwise, broadcast or scalar as the operands say.
  add: binary('add'),
  subtract: binary('sub'),
  multiply: binary('mul'),
  divide: binary('div'),
  modulo: binary('mod'),
  power: binary('pow'),
  maximum: binary('maximum'),
  minimum: binary('minimum'),
  equal: binary('eq'),
  notEqual: binary('ne'),
  greater: binary('gt'),
  greaterEqual: binary('ge'),
  lesser: binary('lt'),
  lesserEqual: binary('le'),
};
ndNamespace.not_equal = ndNamespace.notEqual;
ndNamespace.greater_equal = ndNamespace.greaterEqual;
ndNamespace.lesser_equal = ndNamespace.lesserEqual;
const ndFuncs = registerOps(ndNamespace, nd.makeOpFunction);

attachFluentMethods(nd.NDArray.prototype, ndFuncs);

// ----------------------------------------------------------------- mx.sym
const symNamespace = {
  Symbol: symbol.Symbol,
  Variable: symbol.Variable,
  var: symbol.Variable,
  Group: symbol.Group,
  load: symbol.load,
  loadJSON: symbol.loadJSON,
  load_json: symbol.loadJSON,
  zeros: symbol.zeros,
  ones: symbol.ones,
};
const symFuncs = registerOps(symNamespace, symbol.makeSymFunction);

attachFluentMethods(symbol.Symbol.prototype, symFuncs);

// ------------------------------------------------------------- mx.random
const random = {
  /** Seeds the generators (every device when ctx is omitted). */
  seed(seed, ctx) {
    if (ctx === undefined || ctx === 'all') {
      check(lib.mxl_random_seed(BigInt(seed), -1, 0));
    } else {
      const c = context.toContext(ctx);
      check(lib.mxl_random_seed(BigInt(seed), c.deviceTypeid, c.deviceId));
    }
  },
  ...ndNamespace.random,
};

// ----------------------------------------------------------- mx.autograd
function flag(fn, on) {
  const prev = new Int32Array(1);
  check(fn(on ? 1 : 0, prev));
  return prev[0] !== 0;
}

/** Runs fn() with the autograd recording and training flags set, restoring them after. */
function withFlags(recording, training, fn) {
  const rec = flag(lib.mxl_autograd_set_recording, recording);
  const train = flag(lib.mxl_autograd_set_training, training);
  try {
    return fn();
  } finally {
    flag(lib.mxl_autograd_set_recording, rec);
    flag(lib.mxl_autograd_set_training, train);
  }
}

const autograd = {
  /** Runs fn() while recording operations for backward (trainMode: is_train for ops). */
  record(fn, { trainMode = true } = {}) { return withFlags(true, trainMode, fn); },
  /** Runs fn() with recording off. */
  pause(fn, { trainMode = false } = {}) { return withFlags(false, trainMode, fn); },
  isRecording() {
    const on = new Int32Array(1);
    check(lib.mxl_autograd_is_recording(on));
    return on[0] !== 0;
  },
  isTraining() {
    const on = new Int32Array(1);
    check(lib.mxl_autograd_is_training(on));
    return on[0] !== 0;
  },
  /** Marks arrays as variables with the given gradient arrays (grad_req per array or one for all). */
  markVariables(variables, gradients, gradReqs = 'write') {
    nd.keep(gradients);
    variables.forEach((v, i) => {
      const req = Array.isArray(gradReqs) ? gradReqs[i] : gradReqs;
      check(lib.mxl_autograd_mark_variable(v.handle, gradients[i].handle, nd.GRAD_REQ[nd.checkReq(req)]));
      v._grad = gradients[i];
    });
  },
  /** Backward from heads (headGrads entries null: ones) into the attached gradients. */
  backward(heads, headGrads = null, { trainMode = true } = {}) {
    const hs = Array.isArray(heads) ? heads : [heads];
    const hg = headGrads ? (Array.isArray(headGrads) ? headGrads : [headGrads]) : null;
    check(lib.mxl_autograd_backward(hs.length, BigUint64Array.from(hs, (h) => h.handle),
      hg ? BigUint64Array.from(hg, (g) => (g ? g.handle : 0n)) : null, 0, null, trainMode ? 1 : 0, null));
  },
};

// ------------------------------------------------------------------- base
function blasName() {
  const p = new BigUint64Array(1);
  check(lib.mxl_blas_info(p));
  return capi.cString(p[0]);
}

function engineInfo() {
  const p = new BigUint64Array(1);
  const n = new Int32Array(1);
  check(lib.mxl_engine_info(p, n));
  return { kind: capi.cString(p[0]), cpuWorkers: n[0] };
}

function storageStats(ctx) {
  const c = context.toContext(ctx);
  const v = new BigUint64Array(3);
  check(lib.mxl_storage_stats(c.deviceTypeid, c.deviceId, v.subarray(0, 1), v.subarray(1, 2), v.subarray(2, 3)));
  return { inUse: Number(v[0]), peak: Number(v[1]), pooled: Number(v[2]) };
}

const mx = {
  __version__: require('../package.json').version,
  abiVersion: capi.VERSION,
  libraryPath: capi.LIBRARY_PATH,
  MXNetError,
  Context: context.Context,
  cpu: context.cpu,
  gpu: context.gpu,
  cpuPinned: context.cpuPinned,
  currentContext: context.currentContext,
  numGpus: context.numGpus,
  gpuInfo: context.gpuInfo,
  withContext: context.withContext,
  nd: ndNamespace,
  ndarray: ndNamespace,
  sym: symNamespace,
  symbol: symNamespace,
  Executor: executor.Executor,
  name: { NameManager: symbol.NameManager, Prefix: symbol.Prefix, withScope: symbol.withNameScope },
  random,
  autograd,
  waitall: nd.waitall,
  tidy: nd.tidy,
  keep: nd.keep,
  base: { blasName, engineInfo, storageStats },
  /** The registry: every operator name (aliases included) and its description. */
  ops: { names: ops.opNames, info: ops.getOp, exists: ops.opExists },
};
mx.optimizer = require('./optimizer')(mx);
mx.model = require('./model')(mx);
mx.kv = require('./kvstore')(mx);
mx.kvstore = mx.kv;
mx.init = mx.model.init;
mx.metric = mx.model.metric;
// Top-level class names (for `const { NDArray } = require('mxlite')` and TypeScript),
// and `default` so that `import mx from 'mxlite'` works without esModuleInterop.
mx.NDArray = nd.NDArray;
mx.Symbol = symbol.Symbol;
mx.FeedForward = mx.model.FeedForward;
mx.KVStore = mx.kv.KVStore;
mx.default = mx;

// Let pending work finish before the process exits; errors have nowhere to go now.
process.on('exit', () => { lib.mxl_waitall(); });

module.exports = mx;
