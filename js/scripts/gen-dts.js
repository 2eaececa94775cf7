#!/usr/bin/env node
'use strict';
// Writes js/index.d.ts: the hand-written declarations of the package's classes
// (scripts/index.d.ts.in) followed by one declaration per registry operator, generated
// from mxl_op_list / mxl_op_info, for mx.nd.* and mx.sym.*.
//
//   node scripts/gen-dts.js           rewrite index.d.ts
//   node scripts/gen-dts.js --check   exit 1 if index.d.ts differs from the registry

const fs = require('fs');
const path = require('path');
const ops = require('../lib/ops');

const ROOT = path.resolve(__dirname, '..');
const TEMPLATE = path.join(__dirname, 'index.d.ts.in');
const OUT = path.join(ROOT, 'index.d.ts');
const MARKER = '// @generated-ops';

/** A TypeScript type for a registry parameter type string. */
function tsType(t) {
  const noneable = /\bor None\b/.test(t) || t.includes("'None'");
  let base;
  const choices = t.match(/^\{(.*)\}/);
  if (choices) {
    const lits = choices[1].split(',').map((s) => s.trim().replace(/^'|'$/g, '')).filter((s) => s !== 'None');
    base = lits.map((s) => JSON.stringify(s)).join(' | ') || 'string';
  } else if (/^Shape|tuple/i.test(t)) {
    base = 'number[] | number';
  } else if (/^(int|long|float|double|real|int \(non-negative\)|.*int.*)$/i.test(t.replace(/ or None$/, '').trim()) &&
    !/Shape/.test(t)) {
    base = 'number';
  } else if (/^boolean/.test(t)) {
    base = 'boolean';
  } else if (/^string/.test(t)) {
    base = 'string';
  } else {
    base = 'ParamValue';
  }
  return noneable ? `${base} | null` : base;
}

function docComment(info, indent) {
  const first = (info.doc || '').trim().split('\n').filter((l) => l.trim())
    .slice(0, 3).join(' ').replace(/\*\//g, '* /');
  const lines = [`${indent}/**`];
  if (first) lines.push(`${indent} * ${first}`);
  if (info.name && info.name !== info.opName) lines.push(`${indent} * (registry name: ${info.name})`);
  lines.push(`${indent} */`);
  return lines.join('\n');
}

// Words TypeScript refuses as parameter names (an input called `var`, ...).
const RESERVED = new Set(['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default',
  'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if',
  'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true',
  'try', 'typeof', 'var', 'void', 'while', 'with', 'implements', 'interface', 'let', 'package',
  'private', 'protected', 'public', 'static', 'yield', 'arguments', 'eval']);

function paramName(name) {
  const id = name.replace(/\W/g, '_');
  return RESERVED.has(id) || /^\d/.test(id) ? `${id}_` : id;
}

function ident(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** The params interface body for an op: its parameters, inputs by name, plus extras. */
function paramsType(info, arrayType, extras) {
  const fields = [];
  if (!info.variadic) for (const n of info.inputs) fields.push(`${ident(n)}?: ${arrayType}`);
  info.params.forEach((p, i) => {
    if (info.variadic && p === info.keyVarNumArgs) {
      fields.push(`${ident(p)}?: number`);
      return;
    }
    const required = info.required.includes(p);
    const type = p === 'ctx' ? 'Context | string' : tsType(info.paramTypes[i]);
    fields.push(`${ident(p)}${required ? '' : '?'}: ${type}`);
  });
  return `{ ${fields.concat(extras).join('; ')} }`;
}

function returnType(info, arrayType) {
  if (info.numOutputs === 1) return arrayType;
  if (info.numOutputs > 1) return `${arrayType}[]`;
  return `${arrayType} | ${arrayType}[]`;
}

function declareOp(name, info, arrayType, extras, indent) {
  const P = paramsType(info, arrayType, extras);
  const R = returnType(info, arrayType);
  const out = [docComment({ ...info, opName: name }, indent)];
  if (info.variadic) {
    out.push(`${indent}${ident(name)}(...args: Array<${arrayType} | ${arrayType}[] | ${P}>): ${R};`);
    return out.join('\n');
  }
  const ins = info.inputs.map((n) => `${paramName(n)}?: ${arrayType} | null`);
  out.push(`${indent}${ident(name)}(${ins.concat([`params?: ${P}`]).join(', ')}): ${R};`);
  if (info.inputs.length) out.push(`${indent}${ident(name)}(params: ${P}): ${R};`);
  return out.join('\n');
}

/** Fluent methods (x.sum(...) = op(x, ...)) of a class, generated into a merged interface. */
function declareFluent(className, proto, arrayType, extras) {
  const decls = [];
  for (const name of Object.getOwnPropertyNames(proto).sort()) {
    const m = Object.getOwnPropertyDescriptor(proto, name).value; // not getters
    if (typeof m !== 'function' || !m.fluentOp) continue;
    const info = ops.getOp(m.fluentOp);
    const P = paramsType({ ...info, inputs: info.inputs.slice(1) }, arrayType, extras);
    const rest = info.variadic ? [] : info.inputs.slice(1).map((n) => `${paramName(n)}?: ${arrayType} | null`);
    decls.push(docComment({ ...info, opName: m.fluentOp }, '  '));
    decls.push(`  ${name}(${rest.concat([`params?: ${P}`]).join(', ')}): ${returnType(info, arrayType)};`);
  }
  return `/** ${className} methods that call the registry op of the same name (generated). */\n` +
    `export interface ${className} {\n${decls.join('\n')}\n}`;
}

const SUBMODULE_PREFIXES = { _contrib_: 'contrib', _linalg_: 'linalg', _random_: 'random', _sample_: 'random', _image_: 'image' };

function generate() {
  const names = ops.opNames();
  const sections = [];
  for (const [kind, arrayType, extras] of [['Nd', 'NDArray', ['out?: NDArray | NDArray[]', 'name?: string']],
    ['Sym', 'Symbol', ['name?: string', 'attr?: { [key: string]: string }']]]) {
    const pub = [];
    const internal = [];
    const subs = {};
    for (const name of names) {
      const info = ops.getOp(name);
      const decl = declareOp(name, info, arrayType, extras, '  ');
      if (name.startsWith('_')) {
        internal.push(decl);
        for (const [prefix, sub] of Object.entries(SUBMODULE_PREFIXES)) {
          const short = name.slice(prefix.length);
          if (name.startsWith(prefix) && short) {
            subs[sub] = subs[sub] || new Map();
            if (!subs[sub].has(short)) subs[sub].set(short, declareOp(short, info, arrayType, extras, '  '));
          }
        }
      } else {
        pub.push(decl);
      }
    }
    sections.push(`/** mx.${kind === 'Nd' ? 'nd' : 'sym'} operators (generated from the registry). */`);
    sections.push(`export interface ${kind}Ops {\n${pub.join('\n')}\n}`);
    sections.push(`/** mx.${kind === 'Nd' ? 'nd' : 'sym'}._internal operators (generated from the registry). */`);
    sections.push(`export interface ${kind}InternalOps {\n${internal.join('\n')}\n}`);
    for (const sub of ['contrib', 'linalg', 'random', 'image']) {
      const decls = subs[sub] ? [...subs[sub].values()] : [];
      const iface = `${kind}${sub[0].toUpperCase()}${sub.slice(1)}Ops`;
      sections.push(`export interface ${iface} {\n${decls.join('\n')}\n}`);
    }
  }
  const mx = require('..');
  sections.push(declareFluent('NDArray', mx.nd.NDArray.prototype, 'NDArray', ['out?: NDArray | NDArray[]']));
  sections.push(declareFluent('Symbol', mx.sym.Symbol.prototype, 'Symbol', ['name?: string', 'attr?: { [key: string]: string }']));
  const template = fs.readFileSync(TEMPLATE, 'utf8');
  if (!template.includes(MARKER)) throw new Error(`${TEMPLATE}: missing the ${MARKER} line`);
  return template.replace(MARKER, `${MARKER} below: do not edit by hand (node scripts/gen-dts.js)\n\n${sections.join('\n\n')}`);
}

function main() {
  const text = generate();
  if (process.argv.includes('--check')) {
    const old = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (old !== text) {
      console.error('index.d.ts is out of date with the registry: run `node scripts/gen-dts.js` (npm run gen-dts)');
      process.exit(1);
    }
    console.log('index.d.ts is up to date');
    return;
  }
  if (fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === text) return;
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}

module.exports = { generate, tsType };

if (require.main === module) main();
