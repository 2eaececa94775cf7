'use strict';
// NDArray: an asynchronous n-dimensional array on a device (MXNet's mx.nd.NDArray).
//
// Every computation is pushed to the engine and returns at once; reading values
// (toArray, data, asScalar, toString) blocks until they are ready, dataAsync() waits
// on a worker thread without blocking the event loop. Operators come from the registry.

const { koffi, lib, missing, check, errorFor, MXNetError, C, cArray, cStrings } = require('./capi');
const ops = require('./ops');
const { Context, toContext, TYPE_NAMES } = require('./context');

// ------------------------------------------------------------------- dtypes
// MXNet's dtype names <-> type flags (c_api.h MXL_FLOAT32 ...) <-> TypedArrays.
// float16 has no JS TypedArray: its values travel as raw IEEE half bits in a
// Uint16Array (convert with .astype('float32') first to read numbers). bool is 0/1 bytes.
const DTYPES = {
  float32: { flag: C.MXL_FLOAT32, Typed: Float32Array },
  float64: { flag: C.MXL_FLOAT64, Typed: Float64Array },
  float16: { flag: C.MXL_FLOAT16, Typed: Uint16Array },
  uint8: { flag: C.MXL_UINT8, Typed: Uint8Array },
  int32: { flag: C.MXL_INT32, Typed: Int32Array },
  int8: { flag: C.MXL_INT8, Typed: Int8Array },
  int64: { flag: C.MXL_INT64, Typed: BigInt64Array },
  bool: { flag: C.MXL_BOOL, Typed: Uint8Array },
};
const FLAG_TO_NAME = {};
for (const [name, d] of Object.entries(DTYPES)) FLAG_TO_NAME[d.flag] = name;

/** A dtype name from a name ('float32'), a type flag or a TypedArray class. */
function dtypeName(dtype) {
  if (dtype === undefined || dtype === null) return 'float32';
  if (typeof dtype === 'string' && DTYPES[dtype]) return dtype;
  if (typeof dtype === 'number' && FLAG_TO_NAME[dtype]) return FLAG_TO_NAME[dtype];
  if (typeof dtype === 'function') {
    for (const [name, d] of Object.entries(DTYPES)) {
      if (d.Typed === dtype && name !== 'float16' && name !== 'bool') return name;
    }
  }
  throw new MXNetError(`unsupported dtype ${String(dtype && dtype.name || dtype)}; supported: ` +
    Object.keys(DTYPES).join(', '), 'MXL_ERR_DTYPE');
}

const ND_HANDLES = require('./handles').handleKind('NDArray', (h) => lib.mxl_nd_free(h));

// ------------------------------------------------------------ tidy scopes
// tidy(fn) frees, when fn returns, every NDArray created during fn except those it
// returns and those kept (keep(), and arrays bound into an executor): JavaScript's
// collector frees native memory late (its callbacks wait for the event loop), so long
// synchronous loops use tidy or dispose() to keep memory flat. fn must be synchronous.
const scopes = [];
const kept = new WeakSet();

/** Marks arrays as surviving the enclosing tidy scopes; returns its argument. */
function keep(value) {
  forEachArray(value, (a) => kept.add(a));
  return value;
}

function forEachArray(value, fn, seen = new Set()) {
  if (value instanceof NDArray) fn(value);
  else if (value && typeof value === 'object' && !seen.has(value) && !ArrayBuffer.isView(value)) {
    seen.add(value);
    for (const v of Array.isArray(value) ? value : Object.values(value)) forEachArray(v, fn, seen);
  }
}

function tidy(fn) {
  const scope = [];
  scopes.push(scope);
  let result;
  try {
    result = fn();
  } finally {
    scopes.pop();
    if (result && typeof result.then === 'function') {
      throw new TypeError('tidy: fn must be synchronous (it returned a Promise)');
    }
    const survivors = new Set();
    forEachArray(result, (a) => survivors.add(a));
    const outer = scopes[scopes.length - 1];
    for (const a of scope) {
      if (survivors.has(a) || kept.has(a)) {
        if (outer) outer.push(a); // an enclosing tidy decides about it
      } else {
        a.dispose();
      }
    }
  }
  return result;
}

// Scratch buffers reused by the hot paths (JS runs one call at a time).
const S = {
  h: new BigUint64Array(1),
  ndim: new Int32Array(1),
  dims: new BigInt64Array(C.MXL_MAX_NDIM),
  info: new Int32Array(3),
};
const S_DTYPE = S.info.subarray(0, 1);
const S_DEVTYPE = S.info.subarray(1, 2);
const S_DEVID = S.info.subarray(2, 3);

function shapeArray(shape) {
  if (typeof shape === 'number') return [shape];
  if (shape === undefined || shape === null) return [];
  return Array.from(shape, (d) => {
    const n = Number(d);
    if (!Number.isInteger(n)) throw new TypeError(`shape entries must be integers, got ${String(d)}`);
    return n;
  });
}

function shapeSize(shape) {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

function newHandle(shape, flag, ctx) {
  const s = shapeArray(shape);
  check(lib.mxl_nd_create(s.length ? BigInt64Array.from(s, BigInt) : null, s.length, flag,
    ctx.deviceTypeid, ctx.deviceId, S.h));
  return S.h[0];
}

// ----------------------------------------------------------------- NDArray
class NDArray {
  /** Wraps a handle the caller owns (made by ops and creation functions, not by users). */
  constructor(handle, meta = null) {
    this._cell = ND_HANDLES.track(this, handle);
    // [shape, dtype flag, device type, device id]: fixed for a handle.
    this._meta = meta;
    this._grad = null;
    if (scopes.length) scopes[scopes.length - 1].push(this);
  }

  /** The C handle (a BigInt pointer); throws MXNetError once disposed. */
  get handle() {
    const h = this._cell.h;
    return h !== null ? h : ND_HANDLES.get(this._cell);
  }

  /** Frees the handle now (safe while work on the array is pending). Idempotent. */
  dispose() { ND_HANDLES.release(this._cell); }

  get isDisposed() { return this._cell.h === null; }

  // ---------------------------------------------------------- metadata
  _loadMeta() {
    check(lib.mxl_nd_info(this.handle, S.ndim, S.dims, S_DTYPE, S_DEVTYPE, S_DEVID));
    const n = S.ndim[0];
    const shape = new Array(n);
    for (let i = 0; i < n; i++) shape[i] = Number(S.dims[i]);
    this._meta = [shape, S_DTYPE[0], S_DEVTYPE[0], S_DEVID[0]];
    return this._meta;
  }

  /** The dims, row-major (an array of numbers; [] for a scalar). */
  get shape() { return (this._meta || this._loadMeta())[0].slice(); }

  /** The dtype name: 'float32', 'int32', ... */
  get dtype() { return FLAG_TO_NAME[(this._meta || this._loadMeta())[1]]; }

  get context() {
    const m = this._meta || this._loadMeta();
    return new Context(TYPE_NAMES[m[2]], m[3]);
  }

  get ctx() { return this.context; }

  get size() { return shapeSize((this._meta || this._loadMeta())[0]); }

  get ndim() { return (this._meta || this._loadMeta())[0].length; }

  // ---------------------------------------------------------- sync
  /** Blocks until pending writes are done (throws their error). */
  waitToRead() { check(lib.mxl_nd_wait_to_read(this.handle)); return this; }

  /** Blocks until pending reads and writes are done. */
  waitToWrite() { check(lib.mxl_nd_wait_to_write(this.handle)); return this; }

  /**
   * The values as a new TypedArray of the dtype's type (flat, row-major). Blocks until
   * pending writes are done. float16 gives raw half bits (Uint16Array).
   */
  toArray() {
    const { Typed } = DTYPES[this.dtype];
    const out = new Typed(this.size);
    copyToHost(this, out);
    return out;
  }

  /** Same as toArray(). */
  data() { return this.toArray(); }

  /** MXNet's asnumpy, in JS: same as toArray(). */
  asnumpy() { return this.toArray(); }

  /**
   * The values, waiting on a worker thread so the event loop keeps running.
   * Resolves to the same TypedArray toArray() gives; rejects with MXNetError.
   */
  dataAsync() {
    let h;
    try { h = ND_HANDLES.hold(this._cell); } catch (e) { return Promise.reject(e); }
    return waitOnWorker(h).then((rc) => {
      ND_HANDLES.unhold(this._cell); // a dispose() during the wait frees the handle now
      // mxl_last_error is per thread: after a failure on the worker, wait again here
      // (the error stays on the array) to read the message on this thread.
      if (rc !== 0) this.waitToRead();
      return this.toArray();
    }, (err) => {
      ND_HANDLES.unhold(this._cell);
      throw err;
    });
  }

  /** The single value of a size-1 array as a number (bigint for int64). */
  asScalar() {
    if (this.size !== 1) {
      throw new MXNetError(`asScalar: the array has ${this.size} elements, not 1`, 'MXL_ERR_INVALID_ARGUMENT');
    }
    return this.toArray()[0];
  }

  /** Nested JS arrays of the values (like numpy's tolist). */
  toList() {
    const flat = this.toArray();
    const shape = this.shape;
    if (shape.length === 0) return flat[0];
    let pos = 0;
    const build = (axis) => {
      const n = shape[axis];
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = axis === shape.length - 1 ? flat[pos++] : build(axis + 1);
      return out;
    };
    return build(0);
  }

  /**
   * Overwrites the values (MXNet's `a[:] = value`): a number, an NDArray (broadcast
   * and converted), a TypedArray or a (nested) JS array of this array's size. Returns this.
   */
  set(value) {
    if (value instanceof NDArray) {
      if (value.handle === this.handle) return this;
      let src = value;
      if (src.dtype !== this.dtype || !src.context.equals(this.context)) {
        src = src.asInContext(this.context).astype(this.dtype, { copy: false });
      }
      if (!sameShape(src.shape, this.shape)) {
        const shape = this.shape;
        let s = src.shape;
        if (s.length < shape.length) { // numpy-style: missing leading axes are 1
          s = new Array(shape.length - s.length).fill(1).concat(s);
          src = src.reshape(s);
        }
        src = callOp('broadcast_to', [src], { shape });
      }
      check(lib.mxl_nd_copy_to(src.handle, this.handle));
      return this;
    }
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
      callOp('_full', [], { shape: this.shape, value: Number(value), dtype: this.dtype, ctx: this.context, out: this });
      return this;
    }
    copyFromHost(this, hostBuffer(value, this.dtype, this.size, 'set'));
    return this;
  }

  // ---------------------------------------------------------- copies
  /** Copies into `other` (an NDArray) or to a new array on `other` (a Context). */
  copyTo(other) {
    if (other instanceof NDArray) {
      if (other.handle !== this.handle) check(lib.mxl_nd_copy_to(this.handle, other.handle));
      return other;
    }
    const ctx = toContext(other);
    const dst = new NDArray(newHandle(this.shape, (this._meta || this._loadMeta())[1], ctx));
    check(lib.mxl_nd_copy_to(this.handle, dst.handle));
    return dst;
  }

  copy() { return this.copyTo(this.context); }

  asInContext(ctx) {
    const c = toContext(ctx);
    return this.context.equals(c) ? this : this.copyTo(c);
  }

  /** A copy with another dtype ({copy: false} returns this when it already has it). */
  astype(dtype, { copy = true } = {}) {
    const name = dtypeName(dtype);
    if (!copy && name === this.dtype) return this;
    const dst = new NDArray(newHandle(this.shape, DTYPES[name].flag, this.context));
    check(lib.mxl_nd_copy_to(this.handle, dst.handle));
    return dst;
  }

  // ---------------------------------------------------------- views
  /**
   * A view with a new shape (shared memory). Accepts MXNet's codes 0, -1, -2, -3, -4:
   * a.reshape([2, -1]), a.reshape(2, -1), a.reshape([2, -1], {reverse: true}).
   */
  reshape(...args) {
    let opts = {};
    if (args.length && isOptions(args[args.length - 1])) opts = args.pop();
    const shape = args.length === 1 && typeof args[0] !== 'number' ? shapeArray(args[0]) : shapeArray(args);
    const out = new BigUint64Array(1);
    check(lib.mxl_nd_reshape(this.handle, shape.length ? BigInt64Array.from(shape, BigInt) : null,
      shape.length, opts.reverse ? 1 : 0, out));
    return new NDArray(out[0]);
  }

  /**
   * slice(begin, end): a view of rows [begin, end) along axis 0 (shared memory).
   * slice({begin: [...], end: [...], step}) calls the `slice` operator (a copy).
   */
  slice(begin, end) {
    if (typeof begin === 'number') {
      const out = new BigUint64Array(1);
      const n = this.shape[0];
      check(lib.mxl_nd_slice(this.handle, begin, end === undefined || end === null ? n : end, out));
      return new NDArray(out[0]);
    }
    return callOp('slice', [this], begin || {});
  }

  /** A view of row i along axis 0, that axis dropped (negative i counts from the end). */
  at(i) {
    const out = new BigUint64Array(1);
    check(lib.mxl_nd_at(this.handle, i, out));
    return new NDArray(out[0]);
  }

  get T() { return this.ndim < 2 ? this : callOp('transpose', [this], {}); }

  transpose(axes) { return axes ? callOp('transpose', [this], { axes }) : callOp('transpose', [this], {}); }

  flatten() { return callOp('Flatten', [this], {}); }

  expandDims(axis) { return callOp('expand_dims', [this], { axis }); }

  squeeze(axis) { return callOp('squeeze', [this], axis === undefined ? {} : { axis }); }

  // ---------------------------------------------------------- arithmetic
  // Methods take an NDArray (same shape: elementwise; else broadcast) or a number.
  add(other) { return binary(this, other, TABLES.add); }
  sub(other) { return binary(this, other, TABLES.sub); }
  mul(other) { return binary(this, other, TABLES.mul); }
  div(other) { return binary(this, other, TABLES.div); }
  mod(other) { return binary(this, other, TABLES.mod); }
  pow(other) { return binary(this, other, TABLES.pow); }
  maximum(other) { return binary(this, other, TABLES.maximum); }
  minimum(other) { return binary(this, other, TABLES.minimum); }
  eq(other) { return binary(this, other, TABLES.eq); }
  ne(other) { return binary(this, other, TABLES.ne); }
  gt(other) { return binary(this, other, TABLES.gt); }
  ge(other) { return binary(this, other, TABLES.ge); }
  lt(other) { return binary(this, other, TABLES.lt); }
  le(other) { return binary(this, other, TABLES.le); }
  /** other - this, other / this, ... for a number other (MXNet's __rsub__ and friends). */
  rsub(other) { return rbinary(this, other, TABLES.sub); }
  rdiv(other) { return rbinary(this, other, TABLES.div); }
  rmod(other) { return rbinary(this, other, TABLES.mod); }
  rpow(other) { return rbinary(this, other, TABLES.pow); }
  neg() { return scalarOp(TABLES.mul.scalar, this, -1); }
  // In place (MXNet's +=, -=, *=, /=): the result is written into this array.
  addInPlace(other) { return binary(this, other, TABLES.add, this); }
  subInPlace(other) { return binary(this, other, TABLES.sub, this); }
  mulInPlace(other) { return binary(this, other, TABLES.mul, this); }
  divInPlace(other) { return binary(this, other, TABLES.div, this); }

  // ------------------------------------------------------------ autograd
  /** Allocates a gradient (x.grad) and marks x as a variable for autograd. */
  attachGrad(gradReq = 'write') {
    const grad = keep(zeros(this.shape, { ctx: this.context, dtype: this.dtype }));
    check(lib.mxl_autograd_mark_variable(this.handle, grad.handle, GRAD_REQ[checkReq(gradReq)]));
    this._grad = grad;
    return this;
  }

  get grad() { return this._grad; }

  /** Gradients of this (recorded) array into the attached gradients. */
  backward(outGrad = null, { trainMode = true } = {}) {
    const heads = new BigUint64Array([this.handle]);
    const hg = outGrad ? new BigUint64Array([outGrad.handle]) : null;
    check(lib.mxl_autograd_backward(1, heads, hg, 0, null, trainMode ? 1 : 0, null));
  }

  /** The same values, cut off from the autograd tape. */
  detach() { return this.reshape(this.shape); }

  // ---------------------------------------------------------- printing
  /** JSON.stringify(array): the nested values (int64 as strings: JSON has no 64-bit ints). */
  toJSON() {
    const list = this.toList();
    return this.dtype === 'int64' ? JSON.parse(JSON.stringify(list, (k, v) => (typeof v === 'bigint' ? v.toString() : v))) : list;
  }

  toString() {
    const shape = this.shape;
    return `\n${formatValues(this.toList(), this.dtype, this.size > 1000)}\n<NDArray ${shape.join('x')} @${this.context}>`;
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    try { return this.toString(); } catch (e) { return `<NDArray (${e.message})>`; }
  }
}

// Host copies go through a CPU array for arrays on other devices: the engine's copy
// between devices (mxl_nd_copy_to) moves the data, and the host copy stays on the CPU.
const isCpu = (arr) => (arr._meta || arr._loadMeta())[2] === C.MXL_CPU;

function copyToHost(arr, buf) {
  if (isCpu(arr)) {
    check(lib.mxl_nd_sync_copy_to(arr.handle, buf, buf.byteLength));
    return;
  }
  const staged = arr.copyTo(toContext('cpu'));
  try { copyToHost(staged, buf); } finally { staged.dispose(); }
}

function copyFromHost(arr, buf) {
  if (isCpu(arr)) {
    check(lib.mxl_nd_sync_copy_from(arr.handle, buf, buf.byteLength));
    return;
  }
  const staged = empty(arr.shape, { ctx: 'cpu', dtype: arr.dtype });
  try {
    copyFromHost(staged, buf);
    check(lib.mxl_nd_copy_to(staged.handle, arr.handle));
    arr.waitToRead(); // blocking, like the CPU path; staged may go now
  } finally {
    staged.dispose();
  }
}

// Waits for an array on koffi's worker threads. koffi refuses more than a few hundred
// asynchronous calls at once, so at most ASYNC_MAX run and the rest queue here.
const ASYNC_MAX = 64;
let asyncRunning = 0;
const asyncQueue = [];

function waitOnWorker(handle) {
  return new Promise((resolve, reject) => {
    const start = () => {
      asyncRunning++;
      const done = () => {
        asyncRunning--;
        if (asyncQueue.length) asyncQueue.shift()();
      };
      try {
        lib.mxl_nd_wait_to_read.async(handle, (err, rc) => {
          done();
          if (err) reject(err); else resolve(rc);
        });
      } catch (e) {
        done();
        reject(e);
      }
    };
    if (asyncRunning < ASYNC_MAX) start(); else asyncQueue.push(start);
  });
}

function sameShape(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isOptions(x) {
  if (x === null || typeof x !== 'object') return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** A TypedArray of dtype holding value (a TypedArray or nested JS array) of `size` elements. */
function hostBuffer(value, dtype, size, what) {
  const { Typed } = DTYPES[dtype];
  let flat;
  if (ArrayBuffer.isView(value)) flat = value;
  else if (Array.isArray(value)) flat = value.flat(Infinity);
  else throw new TypeError(`${what}: expected a number, an NDArray, a TypedArray or an array, got ${typeof value}`);
  if (flat.length !== size) {
    throw new MXNetError(`${what}: got ${flat.length} values for an array of ${size} elements`, 'MXL_ERR_SHAPE');
  }
  if (dtype === 'bool') return Uint8Array.from(flat, (v) => (Number(v) ? 1 : 0)); // nonzero is true, as in numpy
  if (flat instanceof Typed) return flat;
  return convertTo(Typed, flat);
}

/** Typed.from(flat), with numbers <-> BigInt where int64 needs it (wraps like a C cast). */
function convertTo(Typed, flat) {
  if (Typed === BigInt64Array) {
    return BigInt64Array.from(flat, (v) => (typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)))));
  }
  if (flat instanceof BigInt64Array || flat instanceof BigUint64Array) return Typed.from(flat, Number);
  if (Typed === Uint8Array || Typed === Int8Array || Typed === Int32Array || Typed === Uint16Array) {
    // NaN and out-of-range values wrap the way TypedArray stores them (ToInt32 etc.).
    return Typed.from(flat, (v) => Math.trunc(Number(v)) || 0);
  }
  return Typed.from(flat, Number);
}

// ------------------------------------------------------------ the invoke paths
const GRAD_REQ = { null: C.MXL_GRAD_NULL, write: C.MXL_GRAD_WRITE, add: C.MXL_GRAD_ADD, inplace: C.MXL_GRAD_WRITE };

function checkReq(r) {
  if (!(r in GRAD_REQ)) {
    throw new MXNetError(`grad_req ${JSON.stringify(r)} is not one of 'write', 'add', 'null'`, 'MXL_ERR_INVALID_ARGUMENT');
  }
  return r;
}

// ------------------------------------------------------------ call buffers
// One block of native memory, allocated once, holds an mxl_invoke_args struct and the
// arrays it points to (inputs, output slots, parameter keys and values); G's views let
// JS fill them. With mxl_imperative_invoke_args an op call passes one pointer, which
// koffi converts far faster than the eight arguments of mxl_imperative_invoke (used
// when the library predates the struct call, or an array outgrows the block).
const CAP = 16;     // inputs and parameters that fit the block
const CAP_OUT = 64; // output slots: the block's, and the room given to ops whose count depends on params
// The struct call needs both the function in the library and the struct in the header
// (an older installed library comes with its older header).
const invokeArgsC = typeof lib.mxl_imperative_invoke_args === 'function' &&
  !missing.includes('mxl_imperative_invoke_args') ? lib.mxl_imperative_invoke_args : null;
const ARGS_BYTES = invokeArgsC === null ? 8 : koffi.sizeof('mxl_invoke_args'); // else: room for nout alone
const BLOCK_BYTES = ARGS_BYTES + 8 * (CAP + CAP_OUT + 2 * CAP);
const BLOCK = koffi.alloc('uint8_t', BLOCK_BYTES); // a BigInt address, valid for the process
const BLOCK_VIEW = koffi.view(BLOCK, BLOCK_BYTES);
const at = (offset, n) => new BigUint64Array(BLOCK_VIEW, offset, n);
const G = {
  ins: at(ARGS_BYTES, CAP),
  slots: at(ARGS_BYTES + 8 * CAP, CAP_OUT),
  keys: at(ARGS_BYTES + 8 * (CAP + CAP_OUT), CAP),
  vals: at(ARGS_BYTES + 8 * (2 * CAP + CAP_OUT), CAP),
  nout: new Int32Array(BLOCK_VIEW, 0, 1), // in/out in both calls: moved into the struct below
};
if (invokeArgsC !== null) {
  const field = (name) => koffi.offsetof('mxl_invoke_args', name);
  G.op = at(field('op'), 1);
  G.nIn = new Int32Array(BLOCK_VIEW, field('num_inputs'), 1);
  G.nPar = new Int32Array(BLOCK_VIEW, field('num_params'), 1);
  G.nout = new Int32Array(BLOCK_VIEW, field('num_outputs'), 1);
  at(field('inputs'), 1)[0] = BLOCK + BigInt(G.ins.byteOffset);
  at(field('outputs'), 1)[0] = BLOCK + BigInt(G.slots.byteOffset);
  at(field('keys'), 1)[0] = BLOCK + BigInt(G.keys.byteOffset);
  at(field('vals'), 1)[0] = BLOCK + BigInt(G.vals.byteOffset);
}

const invokeC = lib.mxl_imperative_invoke;

/**
 * Calls the op. ins / slots / keys / vals are G's views (then the struct call is used)
 * or larger arrays; G.nout holds the slot count before and the output count after.
 */
function invokeRaw(opHandle, nIn, ins, nPar, keys, vals, slots) {
  if (invokeArgsC !== null && ins === G.ins && slots === G.slots && (nPar === 0 || keys === G.keys)) {
    G.op[0] = opHandle;
    G.nIn[0] = nIn;
    G.nPar[0] = nPar;
    return invokeArgsC(BLOCK);
  }
  return invokeC(opHandle, nIn, ins, nPar, nPar ? keys : null, nPar ? vals : null, G.nout, slots);
}

function scalarText(v) {
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

/** op(a, scalar=v): the hot path behind a.add(1). */
function scalarOp(info, a, v, out) {
  if (!info) throw new TypeError('this operation has no scalar form in the registry');
  G.ins[0] = a.handle;
  G.slots[0] = out ? out.handle : 0n;
  G.nout[0] = 1;
  const [keys, vals] = paramArrays(['scalar'], [scalarText(v)]);
  const rc = invokeRaw(info.handle, 1, G.ins, 1, keys, vals, G.slots);
  if (rc) throw errorFor(rc);
  if (out) return out;
  return new NDArray(G.slots[0], a._meta); // same shape, dtype and device as the input
}

/** lhs <op> rhs: elementwise when shapes are equal, broadcast otherwise, scalar for numbers. */
function binary(lhs, rhs, t, out) {
  if (rhs instanceof NDArray) {
    const ma = lhs._meta || lhs._loadMeta();
    const mb = rhs._meta || rhs._loadMeta();
    const same = sameShape(ma[0], mb[0]);
    const info = same ? t.elem : t.bcast;
    G.ins[0] = lhs.handle;
    G.ins[1] = rhs.handle;
    G.slots[0] = out ? out.handle : 0n;
    G.nout[0] = 1;
    const rc = invokeRaw(info.handle, 2, G.ins, 0, null, null, G.slots);
    if (rc) throw errorFor(rc);
    if (out) return out;
    return new NDArray(G.slots[0], same && ma[1] === mb[1] ? ma : null);
  }
  if (typeof rhs === 'number' || typeof rhs === 'boolean') return scalarOp(t.scalar, lhs, rhs, out);
  if (Array.isArray(rhs) || ArrayBuffer.isView(rhs)) {
    return binary(lhs, array(rhs, { ctx: lhs.context, dtype: lhs.dtype }), t, out);
  }
  throw new TypeError(`operand must be an NDArray, a number or an array, got ${typeof rhs}`);
}

/** number <op> arr (2 - x, 2 / x, ...). */
function rbinary(arr, other, t) {
  if (other instanceof NDArray) return binary(other, arr, t);
  if (typeof other === 'number' || typeof other === 'boolean') return scalarOp(t.rscalar, arr, other);
  return binary(array(other, { ctx: arr.context, dtype: arr.dtype }), arr, t);
}


// Parameter strings repeat (scalar=2, axis=1, shapes, dtypes), so each one is made a C
// string once and kept (as Python's binding does); the cache is bounded so odd values
// cannot grow it forever. Past the bound, or for non-ASCII text, the strings go to
// koffi as JS strings, converted per call.
const CSTRINGS = new Map();
const CSTRINGS_MAX = 8192;

function cstring(text) {
  let p = CSTRINGS.get(text);
  if (p === undefined) {
    if (CSTRINGS.size >= CSTRINGS_MAX || !/^[\x20-\x7e]*$/.test(text)) return 0n;
    p = koffi.alloc('char', text.length + 1);
    koffi.encode(p, 'char', `${text}\0`, text.length + 1);
    CSTRINGS.set(text, p);
  }
  return p;
}

/** keys/vals as C string arrays from the cache, or the JS arrays when one is not cacheable. */
function paramArrays(keys, vals) {
  const n = keys.length;
  const k = n <= CAP ? G.keys : new BigUint64Array(n);
  const v = n <= CAP ? G.vals : new BigUint64Array(n);
  for (let i = 0; i < n; i++) {
    k[i] = cstring(keys[i]);
    v[i] = cstring(vals[i]);
    if (k[i] === 0n || v[i] === 0n) return [keys, vals];
  }
  return [k, v];
}

/**
 * Runs a registry op. inputs: NDArrays; keys/vals: parameter strings; out: undefined,
 * an NDArray or a list. Returns an NDArray, or an array of them for several outputs.
 */
function invoke(info, inputs, keys, vals, out) {
  const nIn = inputs.length;
  const ins = nIn <= CAP ? G.ins : new BigUint64Array(nIn);
  for (let i = 0; i < nIn; i++) ins[i] = inputs[i].handle;
  let slots;
  let nSlots;
  let outList = null;
  if (out !== undefined && out !== null) {
    outList = out instanceof NDArray ? [out] : Array.from(out);
    nSlots = outList.length;
    slots = nSlots <= CAP_OUT ? G.slots : new BigUint64Array(nSlots);
    for (let i = 0; i < nSlots; i++) slots[i] = outList[i].handle;
  } else {
    nSlots = info.numOutputs;
    if (nSlots < 0) {
      nSlots = CAP_OUT;
      const k = keys.indexOf('num_outputs');
      if (k >= 0) nSlots = Math.max(nSlots, Number(vals[k]) + 1);
    }
    slots = nSlots <= CAP_OUT ? G.slots : new BigUint64Array(nSlots);
    slots.fill(0n, 0, nSlots);
  }
  G.nout[0] = nSlots;
  const nPar = keys.length;
  const [k, v] = nPar ? paramArrays(keys, vals) : [null, null];
  const rc = invokeRaw(info.handle, nIn, ins, nPar, k, v, slots);
  if (rc) throw errorFor(rc);
  if (outList) return out;
  const n = G.nout[0];
  if (n === 1) return new NDArray(slots[0]);
  const res = new Array(n);
  for (let i = 0; i < n; i++) res[i] = new NDArray(slots[i]);
  return res;
}

/**
 * The JS function for a registry op:
 *   f(...inputs, ...positionalParams, {param: value, out, <input name>: NDArray})
 * Positional arguments fill the inputs, then the parameters in MXNet's order (required
 * first); a trailing plain object holds parameters by name (snake_case or camelCase),
 * inputs by name and `out`. Variadic ops take any number of arrays (or one list).
 */
function makeOpFunction(info, publicName) {
  const opName = publicName || info.name;
  const inputNames = info.inputs;
  const nInputs = inputNames.length;
  const fillCtx = info.hasCtx && nInputs === 0 && !info.variadic;
  const fn = function (...args) {
    let opts = null;
    if (args.length && isOptions(args[args.length - 1])) opts = args.pop();
    // Fast path: just the input arrays.
    if (opts === null && !info.variadic && args.length === nInputs && !fillCtx) {
      let allArrays = true;
      for (const a of args) if (!(a instanceof NDArray)) { allArrays = false; break; }
      if (allArrays) return invoke(info, args, [], [], undefined);
    }
    return callWith(info, opName, args, opts || {});
  };
  Object.defineProperty(fn, 'name', { value: opName });
  fn.opInfo = info;
  return fn;
}

function callWith(info, opName, args, opts) {
  const inputs = [];
  const keys = [];
  const vals = [];
  const seen = new Set();
  const addParam = (k, v) => {
    const key = info.paramKey(k);
    if (seen.has(key)) throw new TypeError(`${opName}: got multiple values for parameter '${key}'`);
    seen.add(key);
    keys.push(key);
    vals.push(ops.paramStr(v));
  };
  let out;
  if (info.variadic) {
    if (args.length === 1 && Array.isArray(args[0])) args = args[0];
    args.forEach((a, i) => {
      if (!(a instanceof NDArray)) {
        throw new TypeError(`${opName}: positional argument ${i} must be an NDArray, got ${describe(a)}`);
      }
      inputs.push(a);
    });
    if (info.keyVarNumArgs && !(info.keyVarNumArgs in opts)) addParam(info.keyVarNumArgs, inputs.length);
  } else {
    const nIn = info.inputs.length;
    if (args.length > nIn + info.positional.length) {
      throw new TypeError(`${opName}: takes at most ${nIn + info.positional.length} positional arguments (${args.length} given)`);
    }
    for (let i = 0; i < Math.min(args.length, nIn); i++) {
      const a = args[i];
      if (opts[info.inputs[i]] !== undefined) {
        throw new TypeError(`${opName}: got multiple values for input '${info.inputs[i]}'`);
      }
      if (a === null || a === undefined) continue;
      if (!(a instanceof NDArray)) {
        throw new TypeError(`${opName}: argument '${info.inputs[i]}' must be an NDArray, got ${describe(a)}`);
      }
      inputs.push(a);
    }
    for (let i = args.length; i < nIn; i++) {
      const iname = info.inputs[i];
      const a = opts[iname];
      if (a === undefined || a === null) continue;
      if (!(a instanceof NDArray)) {
        throw new TypeError(`${opName}: argument '${iname}' must be an NDArray, got ${describe(a)}`);
      }
      inputs.push(a);
    }
    for (let i = nIn; i < args.length; i++) addParam(info.positional[i - nIn], args[i]);
  }
  for (const [k, v] of Object.entries(opts)) {
    if (k === 'out' && !info.paramSet.has('out')) { out = v; continue; }
    if (k === 'name' && !info.paramSet.has('name')) continue; // MXNet accepts it; arrays have no names
    if (!info.variadic && info.inputs.includes(k)) continue; // handled above
    if (v === undefined) continue;
    addParam(k, v);
  }
  if (info.hasCtx && info.inputs.length === 0 && !info.variadic && !seen.has('ctx')) {
    addParam('ctx', toContext(undefined));
  }
  return invoke(info, inputs, keys, vals, out);
}

function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'Array';
  if (ArrayBuffer.isView(v)) return v.constructor.name;
  return typeof v === 'object' ? (v.constructor && v.constructor.name) || 'object' : typeof v;
}

const FUNCS = new Map();

/** Calls a registry op by name: callOp('transpose', [x], {axes: [1, 0]}). */
function callOp(name, inputs, params) {
  let f = FUNCS.get(name);
  if (f === undefined) {
    f = makeOpFunction(ops.getOp(name), name);
    FUNCS.set(name, f);
  }
  return f(...inputs, { ...params });
}

// ------------------------------------------------------------ operator tables
const TABLES = {};

function opOrNull(name) { return name && ops.opExists(name) ? ops.getOp(name) : null; }

function table(elem, bcast, scalar, rscalar) {
  const b = opOrNull(bcast);
  return { elem: opOrNull(elem) || b, bcast: b, scalar: opOrNull(scalar), rscalar: opOrNull(rscalar) };
}

function initTables() {
  TABLES.add = table('elemwise_add', 'broadcast_add', '_plus_scalar', '_plus_scalar');
  TABLES.sub = table('elemwise_sub', 'broadcast_sub', '_minus_scalar', '_rminus_scalar');
  TABLES.mul = table('elemwise_mul', 'broadcast_mul', '_mul_scalar', '_mul_scalar');
  TABLES.div = table('elemwise_div', 'broadcast_div', '_div_scalar', '_rdiv_scalar');
  TABLES.mod = table('_mod', 'broadcast_mod', '_mod_scalar', '_rmod_scalar');
  TABLES.pow = table('_power', 'broadcast_power', '_power_scalar', '_rpower_scalar');
  TABLES.maximum = table('_maximum', 'broadcast_maximum', '_maximum_scalar', '_maximum_scalar');
  TABLES.minimum = table('_minimum', 'broadcast_minimum', '_minimum_scalar', '_minimum_scalar');
  TABLES.eq = table('_equal', 'broadcast_equal', '_equal_scalar', '_equal_scalar');
  TABLES.ne = table('_not_equal', 'broadcast_not_equal', '_not_equal_scalar', '_not_equal_scalar');
  TABLES.gt = table('_greater', 'broadcast_greater', '_greater_scalar', '_lesser_scalar');
  TABLES.ge = table('_greater_equal', 'broadcast_greater_equal', '_greater_equal_scalar', '_lesser_equal_scalar');
  TABLES.lt = table('_lesser', 'broadcast_lesser', '_lesser_scalar', '_greater_scalar');
  TABLES.le = table('_lesser_equal', 'broadcast_lesser_equal', '_lesser_equal_scalar', '_greater_equal_scalar');
}
initTables();

/** Binary functions of mx.nd (MXNet's mx.nd.add, subtract, ...), numbers on either side. */
function binaryFunction(t) {
  return function (lhs, rhs, { out } = {}) {
    if (lhs instanceof NDArray) return binary(lhs, rhs, t, out);
    if (rhs instanceof NDArray) {
      if (out) throw new TypeError('out= needs an NDArray left operand');
      return rbinary(rhs, lhs, t);
    }
    throw new TypeError('at least one operand must be an NDArray');
  };
}

// ------------------------------------------------------------ creation
/** A new array with uninitialized values. */
function empty(shape, { ctx, dtype } = {}) {
  return new NDArray(newHandle(shape, DTYPES[dtypeName(dtype)].flag, toContext(ctx)));
}

function zeros(shape, { ctx, dtype } = {}) {
  return callOp('_zeros', [], { shape: shapeArray(shape), ctx: toContext(ctx), dtype: dtypeName(dtype) });
}

function ones(shape, { ctx, dtype } = {}) {
  return callOp('_ones', [], { shape: shapeArray(shape), ctx: toContext(ctx), dtype: dtypeName(dtype) });
}

function full(shape, value, { ctx, dtype, out } = {}) {
  return callOp('_full', [], { shape: shapeArray(shape), value: Number(value), ctx: toContext(ctx), dtype: dtypeName(dtype), out });
}

/** Evenly spaced values in [start, stop) (MXNet's arange; repeat repeats each value). */
function arange(start, stop = null, { step = 1, repeat = 1, ctx, dtype } = {}) {
  return callOp('_arange', [], { start, stop, step, repeat, ctx: toContext(ctx), dtype: dtypeName(dtype) });
}

/** Infers the shape of a nested JS array (throws on ragged input). */
function nestedShape(data) {
  const shape = [];
  let x = data;
  while (Array.isArray(x)) {
    shape.push(x.length);
    x = x[0];
  }
  const check_ = (v, axis) => {
    if (axis === shape.length) {
      if (Array.isArray(v)) throw new MXNetError('array: ragged nested arrays (deeper than the first row)', 'MXL_ERR_SHAPE');
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[axis]) {
      throw new MXNetError(`array: ragged nested arrays at axis ${axis} (expected length ${shape[axis]})`, 'MXL_ERR_SHAPE');
    }
    for (const e of v) check_(e, axis + 1);
  };
  check_(data, 0);
  return shape;
}

/**
 * An NDArray copied from a (nested) JS array, a TypedArray, a number or an NDArray.
 * options: shape (for flat data; default: the nesting, or [length] for a TypedArray),
 * dtype (default float32 like MXNet, or the source's dtype for an NDArray), ctx.
 */
function array(data, { shape, dtype, ctx } = {}) {
  if (data instanceof NDArray) {
    const dst = empty(data.shape, { ctx, dtype: dtype === undefined ? data.dtype : dtype });
    data.copyTo(dst);
    return dst;
  }
  const name = dtypeName(dtype);
  let dims;
  if (typeof data === 'number' || typeof data === 'boolean' || typeof data === 'bigint') {
    dims = shape === undefined ? [] : shapeArray(shape);
    data = [typeof data === 'bigint' ? data : Number(data)];
  } else if (ArrayBuffer.isView(data)) {
    dims = shape === undefined ? [data.length] : shapeArray(shape);
  } else if (Array.isArray(data)) {
    dims = shape === undefined ? nestedShape(data) : shapeArray(shape);
  } else {
    throw new TypeError(`array: expected an array, a TypedArray, a number or an NDArray, got ${describe(data)}`);
  }
  if (name === 'float16' && !(data instanceof Uint16Array)) {
    // Numbers become half floats through the core's conversion.
    return array(data, { shape: dims, dtype: 'float32', ctx }).astype('float16');
  }
  const arr = empty(dims, { ctx, dtype: name });
  copyFromHost(arr, hostBuffer(data, name, shapeSize(dims), 'array'));
  return arr;
}

/** Waits for all pushed work; throws the first asynchronous error since the last call. */
function waitall() { check(lib.mxl_waitall()); }

// ------------------------------------------------------------ save / load
/** Saves an NDArray, a list of them or a {name: NDArray} object (MXNet .params format). */
function save(fname, data) {
  let arrays;
  let names = null;
  if (data instanceof NDArray) arrays = [data];
  else if (Array.isArray(data)) arrays = data;
  else if (isOptions(data) || data instanceof Map) {
    const entries = data instanceof Map ? [...data.entries()] : Object.entries(data);
    names = entries.map((e) => e[0]);
    arrays = entries.map((e) => e[1]);
  } else {
    throw new TypeError('save: data must be an NDArray, an array or an object of NDArrays');
  }
  arrays.forEach((a, i) => {
    if (!(a instanceof NDArray)) throw new TypeError(`save: entry ${names ? names[i] : i} is not an NDArray`);
  });
  const handles = arrays.length ? BigUint64Array.from(arrays, (a) => a.handle) : null;
  check(lib.mxl_nd_save(String(fname), arrays.length, handles, names));
}

/** Loads a file written by save (or MXNet): an array, or an object for named arrays. */
function load(fname) {
  const n = new Int32Array(1);
  const arrs = new BigUint64Array(1);
  const names = new BigUint64Array(1);
  check(lib.mxl_nd_load(String(fname), n, arrs, names));
  const hs = cArray(arrs[0], 'uint64_t', n[0]);
  const res = hs.map((h) => new NDArray(BigInt(h)));
  if (!names[0]) return res;
  const keys = cStrings(names[0], n[0]);
  const out = {};
  keys.forEach((k, i) => { out[k] = res[i]; });
  return out;
}

// ------------------------------------------------------------ printing
function formatValues(list, dtype, summarize = false) {
  const isFloat = dtype.startsWith('float');
  const fmt = (v) => {
    if (typeof v === 'bigint') return v.toString();
    if (!isFloat) return String(v);
    if (Number.isNaN(v)) return 'nan';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.`;
    return String(Number(v.toPrecision(dtype === 'float64' ? 8 : 7)));
  };
  // numpy-like layout: rows of the last axis on one line, nested brackets indented.
  // Past 1000 elements, numpy shows the first and last 3 of each axis around '...'.
  const rec = (x, indent) => {
    if (!Array.isArray(x)) return fmt(x);
    const parts = summarize && x.length > 6
      ? [...x.slice(0, 3).map((e) => rec(e, indent + 1)), '...', ...x.slice(-3).map((e) => rec(e, indent + 1))]
      : x.map((e) => rec(e, indent + 1));
    const nested = x.length > 0 && Array.isArray(x[0]);
    return '[' + parts.join(nested ? '\n' + ' '.repeat(indent + 1) : ' ') + ']';
  };
  return rec(list, 0);
}

module.exports = {
  NDArray, DTYPES, dtypeName, tidy, keep, array, empty, zeros, ones, full, arange, waitall, save, load,
  invoke, makeOpFunction, callOp, binaryFunction, TABLES, GRAD_REQ, checkReq, shapeArray,
  isOptions, describe,
};
