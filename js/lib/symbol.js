'use strict';
// Symbol: an immutable graph of operators and variables (MXNet's mx.sym.Symbol).
// Composition, automatic naming, inference and JSON happen in the core, through the C ABI.

const { lib, check, C, MXNetError, cString, cStrings, cArray } = require('./capi');
const ops = require('./ops');
const { toContext } = require('./context');
const nd = require('./ndarray');

const { NDArray, isOptions, describe } = nd;

const HANDLES = require('./handles').handleKind('Symbol', (h) => lib.mxl_symbol_free(h));

function newSymbol(fn, ...args) {
  const out = new BigUint64Array(1);
  check(fn(...args, out));
  return new Symbol_(out[0]);
}

class Symbol_ {
  constructor(handle) {
    this._cell = HANDLES.track(this, handle);
  }

  get handle() { return HANDLES.get(this._cell); }

  /** Frees the handle now. Idempotent. */
  dispose() { HANDLES.release(this._cell); }

  // ------------------------------------------------------------ structure
  _list(which) {
    const n = new Int32Array(1);
    const names = new BigUint64Array(1);
    check(lib.mxl_symbol_list(this.handle, which, n, names));
    return cStrings(names[0], n[0]);
  }

  listArguments() { return this._list(C.MXL_LIST_ARGUMENTS); }

  listOutputs() { return this._list(C.MXL_LIST_OUTPUTS); }

  listAuxiliaryStates() { return this._list(C.MXL_LIST_AUX); }

  listInputs() { return this._list(C.MXL_LIST_INPUTS); }

  /** Name of the head node; null for a group of several outputs. */
  get name() {
    const p = new BigUint64Array(1);
    const found = new Int32Array(1);
    check(lib.mxl_symbol_name(this.handle, p, found));
    return found[0] ? cString(p[0]) : null;
  }

  get numOutputs() {
    const n = new Int32Array(1);
    check(lib.mxl_symbol_num_outputs(this.handle, n));
    return n[0];
  }

  /** Output i (negative counts from the end) or the output called name. */
  get(index) {
    const n = this.numOutputs;
    if (typeof index === 'string') {
      const outs = this.listOutputs();
      const i = outs.indexOf(index);
      if (i < 0) throw new MXNetError(`no output named '${index}' (outputs: ${outs.join(', ')})`, 'MXL_ERR_NOT_FOUND');
      index = i;
    }
    if (!Number.isInteger(index) || index < -n || index >= n) {
      throw new MXNetError(`symbol output index ${index} is out of range for ${n} output(s)`, 'MXL_ERR_INDEX');
    }
    return newSymbol(lib.mxl_symbol_get_output, this.handle, ((index % n) + n) % n);
  }

  getInternals() { return newSymbol(lib.mxl_symbol_get_internals, this.handle); }

  getChildren() {
    const c = newSymbol(lib.mxl_symbol_get_children, this.handle);
    return c.numOutputs ? c : null;
  }

  toString() {
    const name = this.name;
    if (name !== null) return `<Symbol ${name}>`;
    const names = [];
    for (let i = 0; i < this.numOutputs; i++) names.push(this.get(i).name || '?');
    return `<Symbol group [${names.join(', ')}]>`;
  }

  [Symbol.for('nodejs.util.inspect.custom')]() { return this.toString(); }

  /** Compose: replace free variables by other symbols, net.compose({data: other}). */
  compose(args, { name } = {}) {
    return compose(this, name, Array.isArray(args) ? args : [], isOptions(args) ? args : {});
  }

  // ----------------------------------------------------------- attributes
  attr(key) {
    const p = new BigUint64Array(1);
    const found = new Int32Array(1);
    check(lib.mxl_symbol_get_attr(this.handle, key, p, found));
    return found[0] ? cString(p[0]) : null;
  }

  _attrPairs(recursive) {
    const n = new Int32Array(1);
    const pairs = new BigUint64Array(1);
    check(lib.mxl_symbol_list_attr(this.handle, recursive ? 1 : 0, n, pairs));
    const flat = cStrings(pairs[0], 2 * n[0]);
    const out = [];
    for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
    return out;
  }

  listAttr() { return Object.fromEntries(this._attrPairs(false)); }

  attrDict() {
    const out = {};
    for (const [k, v] of this._attrPairs(true)) {
      const at = k.indexOf('$');
      const node = k.slice(0, at);
      (out[node] = out[node] || {})[k.slice(at + 1)] = v;
    }
    return out;
  }

  setAttr(attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (typeof v !== 'string') throw new TypeError(`attribute '${k}' must be a string, got ${describe(v)}`);
      check(lib.mxl_symbol_set_attr(this.handle, k, v));
    }
    return this;
  }

  // ------------------------------------------------------------ inference
  _inferShape(shapes) {
    const names = [];
    const dims = [];
    const ndims = [];
    if (Array.isArray(shapes)) {
      const argn = this.listArguments();
      if (shapes.length > argn.length) {
        throw new MXNetError(`inferShape: ${shapes.length} shapes for ${argn.length} arguments`, 'MXL_ERR_INVALID_ARGUMENT');
      }
      shapes = Object.fromEntries(shapes.map((s, i) => [argn[i], s]).filter((e) => e[1] != null));
    }
    const inputs = new Set(this.listInputs());
    for (const [n, s] of Object.entries(shapes || {})) {
      if (s === null || s === undefined) continue;
      if (!inputs.has(n)) {
        throw new MXNetError(`inferShape: the symbol has no input named '${n}' (inputs: ${[...inputs].sort().join(', ')})`,
          'MXL_ERR_INVALID_ARGUMENT');
      }
      const d = nd.shapeArray(s);
      names.push(n);
      ndims.push(d.length);
      for (const x of d) dims.push(BigInt(x));
    }
    const complete = new Int32Array(1);
    const nums = new Int32Array(3);
    const nd_ = [new BigUint64Array(1), new BigUint64Array(1), new BigUint64Array(1)];
    const dd = [new BigUint64Array(1), new BigUint64Array(1), new BigUint64Array(1)];
    check(lib.mxl_symbol_infer_shape(this.handle, names.length, names.length ? names : null,
      new Int32Array(ndims.length ? ndims : [0]), new BigInt64Array(dims.length ? dims : [0n]), complete,
      nums.subarray(0, 1), nd_[0], dd[0], nums.subarray(1, 2), nd_[1], dd[1], nums.subarray(2, 3), nd_[2], dd[2]));
    const result = [];
    for (let k = 0; k < 3; k++) {
      const count = nums[k];
      const nds = cArray(nd_[k][0], 'int', count);
      let total = 0;
      for (const x of nds) if (x > 0) total += x;
      const flat = cArray(dd[k][0], 'int64_t', total).map(Number);
      const list = [];
      let off = 0;
      for (const x of nds) {
        if (x < 0) list.push(null);
        else { list.push(flat.slice(off, off + x)); off += x; }
      }
      result.push(list);
    }
    return [result, complete[0] !== 0];
  }

  /**
   * [argShapes, outShapes, auxShapes] in list order from known input shapes
   * ({data: [128, 784]} or a list in listArguments order); [null, null, null] when
   * some shape cannot be decided (MXNet's None, None, None).
   */
  inferShape(shapes) {
    const [res, complete] = this._inferShape(shapes);
    return complete ? res : [null, null, null];
  }

  /** Like inferShape, with [] for shapes that cannot be decided. */
  inferShapePartial(shapes) {
    const [res] = this._inferShape(shapes);
    return res.map((part) => part.map((s) => s || []));
  }

  /** [argTypes, outTypes, auxTypes] as dtype names, or [null, null, null]. */
  inferType(types) {
    const names = Object.keys(types || {});
    const flags = names.map((n) => nd.DTYPES[nd.dtypeName(types[n])].flag);
    const complete = new Int32Array(1);
    const nums = new Int32Array(3);
    const tt = [new BigUint64Array(1), new BigUint64Array(1), new BigUint64Array(1)];
    check(lib.mxl_symbol_infer_type(this.handle, names.length, names.length ? names : null,
      new Int32Array(flags.length ? flags : [0]), complete, nums.subarray(0, 1), tt[0],
      nums.subarray(1, 2), tt[1], nums.subarray(2, 3), tt[2]));
    if (!complete[0]) return [null, null, null];
    return [0, 1, 2].map((k) => cArray(tt[k][0], 'int', nums[k]).map((f) => nd.dtypeName(f)));
  }

  // ------------------------------------------------------------- save/load
  toJSON() {
    const p = new BigUint64Array(1);
    check(lib.mxl_symbol_to_json(this.handle, p));
    return cString(p[0]);
  }

  /** MXNet's name for toJSON (a string of MXNet's graph JSON). */
  tojson() { return this.toJSON(); }

  save(fname) { check(lib.mxl_symbol_save(this.handle, String(fname))); }

  // --------------------------------------------------------------- binding
  /**
   * Allocates arguments, gradients and aux states from input shapes and binds:
   * sym.simpleBind({ctx: mx.cpu(), gradReq: 'write', data: [128, 784]}). Shapes may also
   * be given as `shapes: {...}`; typeDict: {name: dtype}; sharedExec shares arrays.
   */
  simpleBind(options = {}) {
    return require('./executor').simpleBind(this, options);
  }

  /**
   * Binds to existing arrays: sym.bind(ctx, args, {argsGrad, gradReq, auxStates}) or
   * sym.bind({ctx, args, argsGrad, gradReq, auxStates}). args / argsGrad / auxStates
   * are lists (list order) or objects (by name).
   */
  bind(ctx, args, options = {}) {
    const { Executor } = require('./executor');
    if (isOptions(ctx) && args === undefined) {
      options = ctx;
      ctx = options.ctx;
      args = options.args;
    }
    return new Executor(this, toContext(ctx), args, options.argsGrad ?? options.args_grad ?? null,
      options.gradReq ?? options.grad_req ?? 'write', options.auxStates ?? options.aux_states ?? null);
  }

  /** Binds to the given arrays ({name: NDArray}), runs forward, returns the outputs. */
  eval(ctx, args) {
    const ex = this.bind(ctx, args, { gradReq: 'null' });
    return ex.forward();
  }

  // ------------------------------------------------------------ operators
  _op(other, op, scalarOp, reversed = false) {
    if (other instanceof Symbol_) return callSym(op, reversed ? [other, this] : [this, other], {});
    if (typeof other === 'number' || typeof other === 'boolean') return callSym(scalarOp, [this], { scalar: other });
    throw new TypeError(`operand must be a Symbol or a number, got ${describe(other)}`);
  }

  add(o) { return this._op(o, '_Plus', '_PlusScalar'); }
  sub(o) { return this._op(o, '_Minus', '_MinusScalar'); }
  rsub(o) { return this._op(o, '_Minus', '_RMinusScalar', true); }
  mul(o) { return this._op(o, '_Mul', '_MulScalar'); }
  div(o) { return this._op(o, '_Div', '_DivScalar'); }
  rdiv(o) { return this._op(o, '_Div', '_RDivScalar', true); }
  mod(o) { return this._op(o, '_Mod', '_ModScalar'); }
  pow(o) { return this._op(o, '_Power', '_PowerScalar'); }
  neg() { return this.mul(-1); }
  eq(o) { return this._op(o, '_equal', '_equal_scalar'); }
  ne(o) { return this._op(o, '_not_equal', '_not_equal_scalar'); }
  gt(o) { return this._op(o, '_greater', '_greater_scalar'); }
  ge(o) { return this._op(o, '_greater_equal', '_greater_equal_scalar'); }
  lt(o) { return this._op(o, '_lesser', '_lesser_scalar'); }
  le(o) { return this._op(o, '_lesser_equal', '_lesser_equal_scalar'); }

  reshape(shape, opts = {}) { return callSym('Reshape', [this], { ...opts, shape }); }
}

// ------------------------------------------------------------------ creation
/**
 * A free variable: an input, a weight, anything bound later.
 * options: shape, dtype, lrMult, wdMult, init (a string), attr ({key: string}).
 */
function Variable(name, { attr, shape, lrMult, wdMult, dtype, init, stype } = {}) {
  if (typeof name !== 'string') throw new TypeError(`Variable: name must be a string, got ${describe(name)}`);
  const s = newSymbol(lib.mxl_symbol_variable, name);
  const a = { ...(attr || {}) };
  if (shape !== undefined) a.__shape__ = ops.paramStr(nd.shapeArray(shape));
  if (lrMult !== undefined) a.__lr_mult__ = String(lrMult);
  if (wdMult !== undefined) a.__wd_mult__ = String(wdMult);
  if (dtype !== undefined) a.__dtype__ = String(nd.DTYPES[nd.dtypeName(dtype)].flag);
  if (init !== undefined) a.__init__ = String(init);
  if (stype !== undefined) a.__storage_type__ = String(stype);
  if (Object.keys(a).length) s.setAttr(a);
  return s;
}

/** One symbol whose outputs are the outputs of all of `symbols`. */
function Group(symbols) {
  if (!Array.isArray(symbols) || !symbols.length || symbols.some((s) => !(s instanceof Symbol_))) {
    throw new TypeError('Group expects a non-empty array of Symbols');
  }
  return newSymbol(lib.mxl_symbol_group, symbols.length, BigUint64Array.from(symbols, (s) => s.handle));
}

/** A symbol from MXNet's graph JSON (as written by toJSON or MXNet 1.x). */
function loadJSON(json) {
  if (typeof json !== 'string') throw new TypeError('loadJSON expects a string');
  return newSymbol(lib.mxl_symbol_from_json, json);
}

/** A symbol from a JSON file (Symbol.save or MXNet's *-symbol.json). */
function load(fname) { return newSymbol(lib.mxl_symbol_load, String(fname)); }

// ---------------------------------------------------- operator functions
function compose(sym, name, args, kwargs) {
  const keys = Object.keys(kwargs);
  if (args.length && keys.length) throw new TypeError('compose accepts positional or named inputs, not both');
  const syms = args.length ? args : keys.map((k) => kwargs[k]);
  syms.forEach((s) => {
    if (!(s instanceof Symbol_)) throw new TypeError(`compose: inputs must be Symbols, got ${describe(s)}`);
  });
  return newSymbol(lib.mxl_symbol_compose, sym.handle, name || null, syms.length,
    keys.length ? keys : null, syms.length ? BigUint64Array.from(syms, (s) => s.handle) : null);
}

// ------------------------------------------------------------ naming
/**
 * Gives unnamed symbols a name from a hint (the op's name as called, lower case) and a
 * per-hint counter: FullyConnected -> fullyconnected0, fullyconnected1, ... (MXNet's
 * mx.name.NameManager). withScope(new NameManager(), fn) starts fresh counters for fn.
 */
class NameManager {
  constructor() { this.counter = new Map(); }

  get(name, hint) {
    if (name) return name;
    const n = this.counter.get(hint) || 0;
    this.counter.set(hint, n + 1);
    return `${hint}${n}`;
  }
}

/** Prefixes every name made in its scope: net_fullyconnected0. */
class Prefix extends NameManager {
  constructor(prefix) { super(); this.prefix = prefix; }
  get(name, hint) { return this.prefix + super.get(name, hint); }
}

let currentNames = new NameManager();

/** Runs fn() with `manager` naming the symbols it makes; returns fn's result. */
function withNameScope(manager, fn) {
  const old = currentNames;
  currentNames = manager;
  try { return fn(); } finally { currentNames = old; }
}

const OP_CACHE = new Map();

/**
 * The JS function for a registry op on symbols:
 *   mx.sym.FullyConnected({data, num_hidden: 128, name: 'fc1'}) or
 *   mx.sym.FullyConnected(data, {numHidden: 128}).
 * Symbols go to the inputs (positionally or by input name), everything else is a
 * parameter; `name` names the node (else an automatic name such as fullyconnected0),
 * `attr` sets attributes.
 */
function makeSymFunction(info, publicName) {
  const opName = publicName || info.name;
  const hint = opName.toLowerCase();
  const fn = function (...args) {
    let opts = {};
    if (args.length && isOptions(args[args.length - 1])) opts = args.pop();
    if (info.variadic && args.length === 1 && Array.isArray(args[0])) args = args[0];
    const pos = [];
    args.forEach((a, i) => {
      if (!(a instanceof Symbol_)) {
        throw new TypeError(`${opName}: positional argument ${i} must be a Symbol, got ${describe(a)} (pass parameters by name)`);
      }
      pos.push(a);
    });
    const named = {};
    const keys = [];
    const vals = [];
    let name = null;
    let attr = null;
    for (const [k, v] of Object.entries(opts)) {
      if (k === 'name') { name = v; continue; }
      if (k === 'attr') { attr = v; continue; }
      if (v instanceof Symbol_) { named[k] = v; continue; }
      if (v === undefined || v === null) {
        if (info.inputs.includes(k)) continue; // an absent optional input
        if (v === undefined) continue;
      }
      keys.push(info.paramKey(k));
      vals.push(ops.paramStr(v));
    }
    if (info.variadic && info.keyVarNumArgs && !keys.includes(info.keyVarNumArgs)) {
      keys.push(info.keyVarNumArgs);
      vals.push(String(pos.length + Object.keys(named).length));
    }
    const atomic = newSymbol(lib.mxl_symbol_create_atomic, info.handle, keys.length,
      keys.length ? keys : null, keys.length ? vals : null);
    name = currentNames.get(name, hint);
    let out;
    try {
      if (pos.length && Object.keys(named).length) {
        // positional first, then by input name: everything by name
        const merged = {};
        pos.forEach((s, i) => { merged[info.inputs[i]] = s; });
        for (const [k, v] of Object.entries(named)) {
          if (k in merged) throw new TypeError(`${opName}: input '${k}' given twice`);
          merged[k] = v;
        }
        out = compose(atomic, name, [], merged);
      } else {
        out = compose(atomic, name, pos, named);
      }
    } finally {
      atomic.dispose();
    }
    if (attr) out.setAttr(attr);
    return out;
  };
  Object.defineProperty(fn, 'name', { value: opName });
  fn.opInfo = info;
  return fn;
}

function callSym(opName, inputs, params) {
  let f = OP_CACHE.get(opName);
  if (f === undefined) {
    f = makeSymFunction(ops.getOp(opName), opName);
    OP_CACHE.set(opName, f);
  }
  return f(...inputs, params);
}

function zeros(shape, { dtype, name } = {}) {
  return callSym('_zeros', [], { shape: nd.shapeArray(shape), dtype: nd.dtypeName(dtype), name });
}

function ones(shape, { dtype, name } = {}) {
  return callSym('_ones', [], { shape: nd.shapeArray(shape), dtype: nd.dtypeName(dtype), name });
}

module.exports = {
  Symbol: Symbol_, Variable, var: Variable, Group, loadJSON, load, compose, makeSymFunction, callSym,
  zeros, ones, NameManager, Prefix, withNameScope,
};
