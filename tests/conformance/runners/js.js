#!/usr/bin/env node
'use strict';
// Runs every conformance case (tests/conformance/cases/*.json) through the Node.js
// binding's public API (js/) and prints `conformance: N passed, N failed`.
//
//   node tests/conformance/runners/js.js [CASES_DIR] [-k SUBSTRING] [-v]
//
// Operators are called through the functions the binding generates from the registry
// (mx.nd.op.* / mx.nd._internal.*), with every parameter as the string the case gives.
// The format is described in tests/conformance/README.md. Needs `npm install` in js/
// (for koffi) and finds the library as the binding does (MXLITE_LIBRARY, ...).

const fs = require('fs');
const os = require('os');
const path = require('path');

const HERE = __dirname;
let mx;
try {
  mx = require(path.resolve(HERE, '..', '..', '..', 'js'));
} catch (e) {
  // The binding cannot load here (no `npm install` in js/, no library): no case runs.
  console.log(`conformance: not run (${e.message.split('\n')[0]})`);
  process.exit(77);
}

const { MXNetError } = mx;

class CaseFailure extends Error {}

// ------------------------------------------------------------------ arrays
const TYPED = {
  float32: Float32Array, float64: Float64Array, float16: Uint16Array, uint8: Uint8Array,
  int8: Int8Array, int32: Int32Array, int64: BigInt64Array, bool: Uint8Array,
};

/** IEEE half bits -> number (exact). */
function halfToNumber(h) {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

/** The case array's flat values as a TypedArray of its dtype (exact bits). */
function decodeFlat(spec) {
  const Typed = TYPED[spec.dtype];
  if (!Typed) throw new CaseFailure(`unknown dtype ${spec.dtype}`);
  if ('hex' in spec) {
    const bytes = Buffer.from(spec.hex, 'hex');
    const copy = new Uint8Array(bytes.length); // aligned storage for the TypedArray view
    copy.set(bytes);
    return new Typed(copy.buffer, 0, bytes.length / Typed.BYTES_PER_ELEMENT);
  }
  if (Typed === BigInt64Array) return BigInt64Array.from(spec.values, (v) => BigInt(v));
  return Typed.from(spec.values);
}

function toNd(spec) {
  return mx.nd.array(decodeFlat(spec), { shape: spec.shape, dtype: spec.dtype });
}

/** Values as float64 numbers for comparing (float16 decoded from its bits). */
function asNumbers(flat, dtype) {
  if (dtype === 'float16') return Float64Array.from(flat, halfToNumber);
  return flat;
}

function compare(what, got, spec, rtol, atol) {
  if (got.dtype !== spec.dtype) throw new CaseFailure(`${what}: dtype ${got.dtype}, expected ${spec.dtype}`);
  if (JSON.stringify(got.shape) !== JSON.stringify(spec.shape)) {
    throw new CaseFailure(`${what}: shape ${JSON.stringify(got.shape)}, expected ${JSON.stringify(spec.shape)}`);
  }
  const g = asNumbers(got.toArray(), spec.dtype);
  if (!('hex' in spec) && !('values' in spec)) {
    checkProperties(what, g, spec);
    return;
  }
  const e = asNumbers(decodeFlat(spec), spec.dtype);
  const isFloat = spec.dtype.startsWith('float');
  let bad = 0;
  let first = -1;
  for (let i = 0; i < e.length; i++) {
    let ok;
    if (!isFloat) ok = g[i] === e[i];
    else {
      const gv = Number(g[i]);
      const ev = Number(e[i]);
      if (Number.isNaN(ev)) ok = Number.isNaN(gv);
      else if (!Number.isFinite(ev)) ok = gv === ev;
      else ok = Math.abs(gv - ev) <= atol + rtol * Math.abs(ev);
    }
    if (!ok) {
      bad++;
      if (first < 0) first = i;
    }
  }
  if (bad) {
    throw new CaseFailure(`${what}: ${bad} of ${e.length} values differ; first at flat index ${first}: ` +
      `got ${g[first]}, expected ${e[first]} (rtol ${rtol}, atol ${atol})`);
  }
}

function checkProperties(what, g, spec) {
  for (const v of g) {
    const x = Number(v);
    if ('min' in spec && x < spec.min) throw new CaseFailure(`${what}: value ${x} below the minimum ${spec.min}`);
    if ('max' in spec && x > spec.max) throw new CaseFailure(`${what}: value ${x} above the maximum ${spec.max}`);
    if (spec.integral && Math.floor(x) !== x) throw new CaseFailure(`${what}: values are not whole numbers`);
  }
}

function checkError(err, spec, replacements = {}) {
  if (err === null) throw new CaseFailure(`expected ${spec.kind}, but the call succeeded`);
  const kind = err.kind || err.name;
  const msg = err.message;
  if (kind !== spec.kind) throw new CaseFailure(`error kind ${kind}, expected ${spec.kind} (message: ${msg})`);
  for (let frag of spec.contains || []) {
    for (const [k, v] of Object.entries(replacements)) frag = frag.split(k).join(v);
    if (!msg.includes(frag)) throw new CaseFailure(`${kind} message lacks ${JSON.stringify(frag)}: ${msg}`);
  }
}

function catchMx(fn) {
  try {
    return [fn(), null];
  } catch (e) {
    if (e instanceof MXNetError) return [undefined, e];
    throw e;
  }
}

// ------------------------------------------------------------------ the generic op path
function opFunction(name) {
  const f = name.startsWith('_') ? mx.nd._internal[name] : mx.nd.op[name];
  if (typeof f !== 'function') throw new CaseFailure(`operator '${name}' has no generated function in mx.nd`);
  return f;
}

function invoke(name, inputs, params, out) {
  const res = opFunction(name)(...inputs, out ? { ...params, out } : { ...params });
  return Array.isArray(res) ? res : [res];
}

// ------------------------------------------------------------------ actions
function runInvoke(c) {
  const inputs = c.inputs.map(toNd);
  if ('expect_error' in c) {
    const [, err] = catchMx(() => { for (const o of invoke(c.op, inputs, c.params)) o.waitToRead(); });
    checkError(err, c.expect_error);
    return;
  }
  const outs = invoke(c.op, inputs, c.params);
  const exp = c.expect;
  if (outs.length !== exp.outputs.length) throw new CaseFailure(`${outs.length} outputs, expected ${exp.outputs.length}`);
  outs.forEach((o, i) => compare(`output ${i}`, o, exp.outputs[i], exp.rtol, exp.atol));
  for (const upd of exp.updated_inputs || []) { // states written in place (optimizers)
    compare(`input ${upd.index} after the call`, inputs[upd.index], upd.value, exp.rtol, exp.atol);
  }
}

function runGrad(c) {
  const inputs = c.inputs.map(toNd);
  for (const i of c.grad_inputs) inputs[i].attachGrad();
  const outs = mx.autograd.record(() => invoke(c.op, inputs, c.params), { trainMode: c.is_train });
  const heads = c.head_grads === null ? null : c.head_grads.map(toNd);
  mx.autograd.backward(outs, heads, { trainMode: c.is_train });
  const exp = c.expect;
  c.grad_inputs.forEach((i, k) => compare(`gradient of input ${i}`, inputs[i].grad, exp.grads[k], exp.rtol, exp.atol));
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function runSymbol(c) {
  const sym = mx.sym.loadJSON(c.json);
  let ex = null;
  for (let n = 0; n < c.steps.length; n++) {
    const step = c.steps[n];
    const where = `step ${n} (${step.do})`;
    try {
      switch (step.do) {
        case 'list_arguments':
        case 'list_outputs':
        case 'list_auxiliary_states': {
          const got = { list_arguments: () => sym.listArguments(), list_outputs: () => sym.listOutputs(),
            list_auxiliary_states: () => sym.listAuxiliaryStates() }[step.do]();
          if (!same(got, step.expect)) throw new CaseFailure(`${where}: ${JSON.stringify(got)}, expected ${JSON.stringify(step.expect)}`);
          break;
        }
        case 'infer_shape': {
          const [res, err] = catchMx(() => sym.inferShape(step.shapes));
          if ('expect_error' in step) { checkError(err, step.expect_error); break; }
          if (err) throw err;
          const got = { arg_shapes: res[0], out_shapes: res[1], aux_shapes: res[2] };
          if (!same(got, step.expect)) throw new CaseFailure(`${where}: ${JSON.stringify(got)}, expected ${JSON.stringify(step.expect)}`);
          break;
        }
        case 'bind':
          ex = bind(sym, step, where);
          if (ex === null) return; // an expected bind error ends the program
          break;
        case 'forward': {
          const outs = ex.forward(step.is_train);
          const exp = step.expect;
          if (outs.length !== exp.outputs.length) throw new CaseFailure(`${where}: ${outs.length} outputs, expected ${exp.outputs.length}`);
          outs.forEach((o, i) => compare(`${where} output ${i}`, o, exp.outputs[i], exp.rtol, exp.atol));
          for (const [name, spec] of Object.entries(exp.aux || {})) compare(`${where} aux ${name}`, ex.auxDict[name], spec, exp.rtol, exp.atol);
          break;
        }
        case 'backward': {
          ex.backward(step.head_grads === null ? null : step.head_grads.map(toNd));
          const exp = step.expect;
          const grads = ex.gradDict;
          for (const [name, spec] of Object.entries(exp.grads)) {
            if (!grads[name]) throw new CaseFailure(`${where}: no gradient array for ${name}`);
            compare(`${where} gradient of ${name}`, grads[name], spec, exp.rtol, exp.atol);
          }
          break;
        }
        default:
          throw new CaseFailure(`${where}: unknown symbol step`);
      }
    } catch (e) {
      if (e instanceof MXNetError) throw new CaseFailure(`${where}: unexpected ${e.kind}: ${e.message}`);
      throw e;
    }
  }
}

function bind(sym, step, where) {
  const args = Object.fromEntries(Object.entries(step.args).map(([k, v]) => [k, toNd(v)]));
  const aux = Object.fromEntries(Object.entries(step.aux || {}).map(([k, v]) => [k, toNd(v)]));
  const req = step.grad_req;
  const reqs = typeof req === 'string' ? Object.fromEntries(Object.keys(args).map((k) => [k, req])) : req;
  const grads = {};
  for (const [k, a] of Object.entries(args)) {
    if ((reqs[k] || 'null') !== 'null') grads[k] = mx.nd.zeros(a.shape, { dtype: a.dtype });
  }
  const [ex, err] = catchMx(() => sym.bind(mx.cpu(), args, { argsGrad: grads, gradReq: reqs, auxStates: aux }));
  if ('expect_error' in step) {
    checkError(err, step.expect_error);
    return null;
  }
  if (err) throw new CaseFailure(`${where}: unexpected ${err.kind}: ${err.message}`);
  return ex;
}

function runEngine(c) {
  const env = Object.fromEntries(Object.entries(c.arrays).map(([k, v]) => [k, toNd(v)]));
  for (const step of c.steps) { // issued without waiting: the engine orders them
    const inputs = step.inputs.map((n) => env[n]);
    const out = env[step.out];
    const res = invoke(step.op, inputs, step.params, out);
    if (!out) env[step.out] = res[0];
  }
  const exp = c.expect;
  for (const [name, spec] of Object.entries(exp.arrays)) compare(`array ${name}`, env[name], spec, exp.rtol, exp.atol);
}

function withTempDir(fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mxlite-conf-'));
  try { return fn(dir); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

function compareLoaded(loaded, expected) {
  let pairs;
  if (!Array.isArray(expected)) {
    if (Array.isArray(loaded)) throw new CaseFailure('loaded a list, expected named arrays');
    if (!same(Object.keys(loaded), Object.keys(expected))) {
      throw new CaseFailure(`names ${JSON.stringify(Object.keys(loaded))}, expected ${JSON.stringify(Object.keys(expected))}`);
    }
    pairs = Object.keys(expected).map((k) => [k, loaded[k], expected[k]]);
  } else {
    if (!Array.isArray(loaded)) throw new CaseFailure('loaded named arrays, expected a list');
    if (loaded.length !== expected.length) throw new CaseFailure(`${loaded.length} arrays, expected ${expected.length}`);
    pairs = expected.map((e, i) => [String(i), loaded[i], e]);
  }
  for (const [name, got, spec] of pairs) {
    const g = got.toArray();
    const e = decodeFlat(spec);
    const gb = Buffer.from(g.buffer, g.byteOffset, g.byteLength);
    const eb = Buffer.from(e.buffer, e.byteOffset, e.byteLength);
    if (got.dtype !== spec.dtype || !same(got.shape, spec.shape) || !gb.equals(eb)) {
      throw new CaseFailure(`array ${name}: ${got.dtype} ${JSON.stringify(got.shape)} differs from the expected ` +
        `${spec.dtype} ${JSON.stringify(spec.shape)} (bit for bit)`);
    }
  }
}

function runSaveLoad(c) {
  const arrays = c.arrays;
  const loaded = withTempDir((d) => {
    const p = path.join(d, 'arrays.params');
    if (Array.isArray(arrays)) mx.nd.save(p, arrays.map(toNd));
    else mx.nd.save(p, Object.fromEntries(Object.entries(arrays).map(([k, v]) => [k, toNd(v)])));
    return mx.nd.load(p);
  });
  compareLoaded(loaded, arrays);
}

function runLoad(c) {
  withTempDir((d) => {
    const p = path.join(d, 'file.params');
    if (c.file_hex !== null) fs.writeFileSync(p, Buffer.from(c.file_hex, 'hex'));
    const [loaded, err] = catchMx(() => mx.nd.load(p));
    if ('expect_error' in c) {
      checkError(err, c.expect_error, { '<file>': p });
      return;
    }
    if (err) throw new CaseFailure(`unexpected ${err.kind}: ${err.message}`);
    compareLoaded(loaded, c.expect.arrays);
  });
}

const ACTIONS = { invoke: runInvoke, grad: runGrad, symbol: runSymbol, engine: runEngine, save_load: runSaveLoad, load: runLoad };

/** null when the case passes, else the reason it failed. */
function runCase(c) {
  const action = ACTIONS[c.action];
  if (!action) return `unknown action ${JSON.stringify(c.action)}`;
  try {
    action(c);
    return null;
  } catch (e) {
    if (e instanceof CaseFailure) return e.message;
    if (e instanceof MXNetError) return `unexpected ${e.kind}: ${e.message}`;
    return `${e.name}: ${e.message}\n${(e.stack || '').split('\n').slice(1, 4).join('\n')}`;
  }
}

function main(argv) {
  let casesDir = path.join(HERE, '..', 'cases');
  let only = null;
  let verbose = false;
  const args = argv.slice();
  while (args.length) {
    const a = args.shift();
    if (a === '-k') only = args.shift();
    else if (a === '-v') verbose = true;
    else casesDir = a;
  }
  let files = [];
  try { files = fs.readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort(); } catch (e) { /* reported below */ }
  const cases = [];
  for (const f of files) cases.push(...JSON.parse(fs.readFileSync(path.join(casesDir, f), 'utf8')));
  if (!cases.length) {
    console.log(`conformance: no cases in ${casesDir}`);
    return 1;
  }
  let passed = 0;
  let failed = 0;
  for (const c of cases) {
    if (only && !c.id.includes(only)) continue;
    const reason = runCase(c);
    if (reason === null) {
      passed++;
      if (verbose) console.log(`ok   ${c.id}`);
    } else {
      failed++;
      console.log(`FAIL ${c.id}: ${reason}`);
    }
  }
  try { mx.nd.waitall(); } catch (e) { /* errors were reported by their cases */ }
  console.log(`conformance: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
