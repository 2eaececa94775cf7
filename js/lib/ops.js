'use strict';
// The operator registry as seen through the C ABI (mxl_op_list / mxl_op_info).
// Bindings never list operators by hand: mx.nd.* and mx.sym.* are generated from
// these descriptions when the package loads.

const { lib, check, cString, cStrings, C } = require('./capi');

/** One registered operator: its handle and everything mxl_op_info tells. */
class OpInfo {
  constructor(handle) {
    const name = new BigUint64Array(1);
    const doc = new BigUint64Array(1);
    const nin = new Int32Array(1);
    const inNames = new BigUint64Array(1);
    const nout = new Int32Array(1);
    const kv = new BigUint64Array(1);
    const npar = new Int32Array(1);
    const pn = new BigUint64Array(1);
    const pt = new BigUint64Array(1);
    const pd = new BigUint64Array(1);
    const pdoc = new BigUint64Array(1);
    check(lib.mxl_op_info(handle, name, doc, nin, inNames, nout, kv, npar, pn, pt, pd, pdoc));
    const flags = new Int32Array(1);
    check(lib.mxl_op_flags(handle, flags));
    this.handle = handle;
    this.name = cString(name[0]);
    this.doc = cString(doc[0]);
    this.variadic = nin[0] < 0;
    this.inputs = this.variadic ? [] : cStrings(inNames[0], nin[0]);
    this.numOutputs = nout[0];
    this.keyVarNumArgs = cString(kv[0]);
    const n = npar[0];
    this.params = cStrings(pn[0], n);
    this.paramTypes = cStrings(pt[0], n);
    this.paramDefaults = cStrings(pd[0], n);
    this.paramDocs = cStrings(pdoc[0], n);
    this.flags = flags[0];
    // A required parameter is reported with default "". A string parameter may also
    // default to "" (e.g. ctx), so strings and None-able ones count as optional.
    this.required = this.params.filter((p, i) => this.paramDefaults[i] === '' &&
      !this.paramTypes[i].includes('None') && this.paramTypes[i] !== 'string');
    // MXNet's positional order after the inputs: required params, then the rest.
    const rest = this.params.filter((p) => !this.required.includes(p));
    this.positional = this.required.concat(rest).filter((p) => p !== this.keyVarNumArgs);
    this.paramSet = new Set(this.params);
    // camelCase spellings accepted for snake_case parameters (numHidden -> num_hidden).
    this.camel = new Map();
    for (const p of this.params) {
      const c = camelCase(p);
      if (c !== p) this.camel.set(c, p);
    }
    this.hasCtx = this.paramSet.has('ctx');
  }

  get hidden() { return (this.flags & C.MXL_OP_HIDDEN) !== 0; }

  /** A parameter key as the core knows it (camelCase spellings mapped back). */
  paramKey(key) {
    return this.paramSet.has(key) ? key : (this.camel.get(key) || key);
  }
}

function camelCase(s) {
  return s.replace(/_([a-z0-9])/g, (m, c) => c.toUpperCase());
}

/** Every operator name and alias, sorted (mxl_op_list). */
function opNames() {
  const n = new Int32Array(1);
  const names = new BigUint64Array(1);
  check(lib.mxl_op_list(n, names));
  return cStrings(names[0], n[0]);
}

const byCanonical = new Map(); // canonical name -> OpInfo, shared by its aliases
const byName = new Map();

/** OpInfo for an operator name or alias (throws MXNetError MXL_ERR_NOT_FOUND). */
function getOp(name) {
  let info = byName.get(name);
  if (info === undefined) {
    const h = new BigUint64Array(1);
    check(lib.mxl_op_find(name, h));
    info = new OpInfo(h[0]);
    if (byCanonical.has(info.name)) info = byCanonical.get(info.name);
    else byCanonical.set(info.name, info);
    byName.set(name, info);
  }
  return info;
}

function opExists(name) {
  if (byName.has(name)) return true;
  return lib.mxl_op_find(name, new BigUint64Array(1)) === 0;
}

/**
 * A JS value as MXNet's parameter string: [2, 3] -> "(2, 3)", [2] -> "(2,)",
 * true -> "True", null -> "None", cpu(0) -> "cpu(0)", numbers as written.
 */
function paramStr(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return String(v);
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'True' : 'False';
    case 'undefined': return 'None';
    default: break;
  }
  if (v === null) return 'None';
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const items = Array.from(v, paramStr);
    return '(' + items.join(', ') + (items.length === 1 ? ',' : '') + ')';
  }
  return String(v);
}

module.exports = { OpInfo, opNames, getOp, opExists, paramStr, camelCase };
