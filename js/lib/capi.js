'use strict';
// Loads libmxlite through koffi (a maintained FFI with prebuilt binaries: no compiler
// and no download at install time beyond the npm package itself).
//
// The declarations come from the text of mxlite/c_api.h, parsed at load time, so no
// prototype is written twice: the header is the one place that states the ABI (the
// Python binding does the same with cffi).
//
// Calling convention used everywhere in this package: outputs are TypedArrays passed
// as transient pointers (koffi hands the C function the array's memory), handles are
// BigInt pointers (koffi 3), arrays of handles are BigUint64Arrays.

const fs = require('fs');
const path = require('path');
const childProcess = require('child_process');
const koffi = require('koffi');

// The ABI major this binding was written for; the library must report the same.
const ABI_MAJOR = 1;

const PKG_DIR = path.resolve(__dirname, '..');
const REPO_DIR = path.resolve(PKG_DIR, '..');
const LIB_NAMES = process.platform === 'darwin' ? ['libmxlite.dylib']
  : process.platform === 'win32' ? ['mxlite.dll'] : ['libmxlite.so'];

if (koffi.sizeof('void *') !== 8) {
  throw new Error('mxlite: the Node.js binding needs a 64-bit platform (handle arrays are BigUint64Arrays)');
}

let probed;

/**
 * Asks python3 (once) where `pip install .` put the mxlite package (its lib/ holds
 * libmxlite) and where scipy_openblas32's BLAS is. Located, not imported: importing
 * would load the libraries into a throwaway process.
 */
function pythonProbe() {
  if (probed !== undefined) return probed;
  probed = { pkgDir: null, blas: null };
  const python = process.env.PYTHON || 'python3';
  const script = [
    'import importlib.util as u, os',
    's = u.find_spec("mxlite")',
    'print(s.submodule_search_locations[0] if s and s.submodule_search_locations else "")',
    'b = u.find_spec("scipy_openblas32")',
    'libs = []',
    'for d in (b.submodule_search_locations or []) if b else []:',
    '    ld = os.path.join(d, "lib")',
    '    if os.path.isdir(ld):',
    '        libs += [os.path.join(ld, n) for n in sorted(os.listdir(ld)) if n.startswith("libscipy_openblas") and n.endswith((".so", ".dylib", ".dll"))]',
    'print(libs[0] if libs else "")',
  ].join('\n');
  try {
    const out = childProcess.execFileSync(python, ['-c', script],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20000 }).split('\n');
    probed = { pkgDir: out[0].trim() || null, blas: (out[1] || '').trim() || null };
  } catch (e) { /* no python3: only MXLITE_LIBRARY and the build folders remain */ }
  return probed;
}

/** Points the core at scipy_openblas32's BLAS when the user has not chosen one (as Python does). */
function blasHint() {
  if (process.env.MXLITE_BLAS_LIBRARY) return;
  const { blas } = pythonProbe();
  if (blas) process.env.MXLITE_BLAS_LIBRARY = blas;
}

function buildDirCandidates() {
  // ../build/libmxlite.so and ../build/*/libmxlite.so next to this package (a CMake
  // build in the repository), newest first.
  const buildRoot = path.join(REPO_DIR, 'build');
  const found = [];
  for (const name of LIB_NAMES) found.push(path.join(buildRoot, name));
  let subdirs = [];
  try { subdirs = fs.readdirSync(buildRoot, { withFileTypes: true }); } catch (e) { /* no build dir */ }
  const sub = [];
  for (const d of subdirs) {
    if (!d.isDirectory()) continue;
    for (const name of LIB_NAMES) {
      const p = path.join(buildRoot, d.name, name);
      try { sub.push([fs.statSync(p).mtimeMs, p]); } catch (e) { /* absent */ }
    }
  }
  sub.sort((a, b) => b[0] - a[0]);
  return found.concat(sub.map((x) => x[1]));
}

/** The library path: MXLITE_LIBRARY, the installed Python package's lib/, a CMake build. */
function findLibrary() {
  const env = process.env.MXLITE_LIBRARY;
  if (env) {
    if (!fs.existsSync(env)) throw new Error(`mxlite: MXLITE_LIBRARY=${env}: no such file`);
    return env;
  }
  const tried = [];
  const pyDir = pythonProbe().pkgDir;
  if (pyDir) for (const name of LIB_NAMES) tried.push(path.join(pyDir, 'lib', name));
  else tried.push('(python3 -c "import mxlite": no installed Python package found)');
  for (const p of buildDirCandidates()) tried.push(p);
  for (const p of tried) if (fs.existsSync(p)) return p;
  throw new Error('mxlite: libmxlite not found; looked in:\n  ' + tried.join('\n  ') +
    '\nBuild it (pip install . or cmake) or set MXLITE_LIBRARY to its path.');
}

/** c_api.h: next to the library (an installed package's include/), or in the repository. */
function findHeader(libPath) {
  const tried = [
    process.env.MXLITE_HEADER,
    path.join(path.dirname(libPath), '..', 'include', 'mxlite', 'c_api.h'),
    // a CMake build in a repository: <repo>/build/libmxlite.so or <repo>/build/<dir>/libmxlite.so
    path.join(path.dirname(libPath), '..', 'capi', 'include', 'mxlite', 'c_api.h'),
    path.join(path.dirname(libPath), '..', '..', 'capi', 'include', 'mxlite', 'c_api.h'),
    path.join(PKG_DIR, 'include', 'mxlite', 'c_api.h'),
    path.join(REPO_DIR, 'capi', 'include', 'mxlite', 'c_api.h'),
  ].filter(Boolean);
  for (const p of tried) if (fs.existsSync(p)) return p;
  throw new Error('mxlite: mxlite/c_api.h not found; looked in:\n  ' + tried.join('\n  '));
}

/**
 * Parses c_api.h: integer #defines, typedefs (handle pointers and structs) and every
 * `MXL_API` prototype. Returns {constants: {NAME: int}, types: [{kind, name, ...}],
 * prototypes: [{name, text}]}.
 */
function parseHeader(text) {
  const constants = {};
  for (const m of text.matchAll(/^#\s*define\s+(MXL_\w+|DLPACK_\w+)\s+(-?\d+)\s*(?:\/\*.*)?$/gm)) {
    constants[m[1]] = parseInt(m[2], 10);
  }
  const code = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');
  const types = [];
  // typedef [const] struct tag* name;  and  typedef struct [tag] { fields } name;
  for (const m of code.matchAll(/\btypedef\s+(?:const\s+)?struct\s+(\w+)\s*\*\s*(\w+)\s*;|\btypedef\s+struct\s*(\w*)\s*\{([^}]*)\}\s*(\w+)\s*;/g)) {
    if (m[2]) {
      types.push({ kind: 'handle', name: m[2], tag: m[1] });
      continue;
    }
    const fields = [];
    let simple = true;
    for (const decl of m[4].split(';').map((d) => d.replace(/\s+/g, ' ').trim()).filter(Boolean)) {
      const f = decl.match(/^(.*?[\s*])(\w+)$/); // "const char** keys" -> type, name
      if (!f || decl.includes('(')) { simple = false; break; } // e.g. a function pointer
      fields.push([f[2], f[1].trim()]);
    }
    types.push(simple ? { kind: 'struct', name: m[5], fields } : { kind: 'opaque', name: m[5] });
  }
  const prototypes = [];
  for (const m of code.matchAll(/\bMXL_API\s+([^;(]+?)\s*\(([^)]*)\)\s*;/g)) {
    const head = m[1].replace(/\s+/g, ' ').trim();
    const name = head.match(/(\w+)$/)[1];
    const params = m[2].replace(/\s+/g, ' ').trim();
    prototypes.push({ name, text: `${head}(${params === 'void' ? '' : params})` });
  }
  return { constants, types, prototypes };
}

/**
 * Declares the header's types to koffi: handles as opaque pointers (BigInt values in
 * koffi 3), structs with their fields, structs koffi cannot describe (a function
 * pointer member, as in DLPack's managed tensor) as opaque. Returns the names skipped.
 */
function declareTypes(types) {
  const skipped = [];
  for (const t of types) {
    try {
      if (t.kind === 'handle') koffi.pointer(t.name, koffi.opaque(t.tag));
      else if (t.kind === 'struct') koffi.struct(t.name, Object.fromEntries(t.fields));
      else koffi.opaque(t.name);
    } catch (e) {
      skipped.push(`${t.name} (${e.message})`);
    }
  }
  return skipped;
}

blasHint();
const LIBRARY_PATH = findLibrary();
const HEADER_PATH = findHeader(LIBRARY_PATH);
const { constants: C, types, prototypes } = parseHeader(fs.readFileSync(HEADER_PATH, 'utf8'));
const skippedTypes = declareTypes(types);

let handle;
try {
  handle = koffi.load(LIBRARY_PATH);
} catch (e) {
  throw new Error(`mxlite: cannot load ${LIBRARY_PATH}: ${e.message}`);
}
pinLibrary(LIBRARY_PATH);

/**
 * Keeps libmxlite mapped until the process ends. koffi unloads a library when its
 * last reference goes, which happens while Node tears down; the engine's worker
 * threads still live in the library's code then, and would crash on unmapped pages.
 * A second dlopen with RTLD_NODELETE makes dlclose leave it mapped (Python's cffi
 * never unloads, so it does not need this).
 */
function pinLibrary(libPath) {
  const candidates = process.platform === 'linux' ? [['libc.so.6', 0x1002], ['libdl.so.2', 0x1002]]
    : process.platform === 'darwin' ? [['/usr/lib/libSystem.B.dylib', 0x82]] : [];
  for (const [libc, flags] of candidates) { // RTLD_NOW | RTLD_NODELETE
    try {
      const dlopen = koffi.load(libc).func('void *dlopen(const char *filename, int flags)');
      if (dlopen(libPath, flags)) return;
    } catch (e) { /* try the next one */ }
  }
}

/** Every C ABI function by name: lib.mxl_nd_create(...) etc. */
// A function the header declares but the library lacks (a library older than the
// header, within the same ABI major: changes are additive), or one koffi cannot
// declare, throws when called, so the rest of the package still loads. The tests
// check that every function this package uses is declared.
const lib = {};
const missing = [];
for (const p of prototypes) {
  try {
    lib[p.name] = handle.func(p.text);
  } catch (e) {
    const why = /Cannot find function/i.test(e.message)
      ? `${LIBRARY_PATH} has no ${p.name} (the library is older than ${HEADER_PATH}; rebuild it)`
      : `${p.name} cannot be declared from ${HEADER_PATH}: ${e.message}`;
    missing.push(p.name);
    lib[p.name] = () => { throw new MXNetError(why, 'MXL_ERR_NOT_FOUND'); };
  }
}

const VERSION = lib.mxl_version();
if (Math.floor(VERSION / 10000) !== ABI_MAJOR || C.MXL_ABI_VERSION_MAJOR !== ABI_MAJOR) {
  throw new Error(`mxlite: library ${LIBRARY_PATH} has ABI version ` +
    `${Math.floor(VERSION / 10000)}.${Math.floor(VERSION / 100) % 100}.${VERSION % 100}, ` +
    `but this binding needs ABI major ${ABI_MAJOR}`);
}

// Error code -> MXL_ERR_* name, from the header's constants.
const ERR_NAMES = {};
for (const [k, v] of Object.entries(C)) if (k.startsWith('MXL_ERR_')) ERR_NAMES[v] = k;

/** An error reported by the C ABI: `kind` is the MXL_ERR_* name, `code` its number. */
class MXNetError extends Error {
  constructor(message, kind = 'MXL_ERR_INTERNAL', code = null) {
    super(message);
    this.name = 'MXNetError';
    this.kind = kind;
    this.code = code === null ? (C[kind] ?? null) : code;
  }
}

function lastError() {
  return lib.mxl_last_error();
}

/** The MXNetError for a non-zero return code, with the library's message. */
function errorFor(rc) {
  return new MXNetError(lastError(), ERR_NAMES[rc] || 'MXL_ERR_INTERNAL', rc);
}

/** Throws MXNetError when rc is not MXL_OK. */
function check(rc) {
  if (rc !== 0) throw errorFor(rc);
}

// ------------------------------------------------------------ reading C outputs
/** A JS string from a `const char*` address (BigInt); '' for NULL. */
function cString(ptr) {
  return ptr ? koffi.decode(ptr, 'char', -1) : '';
}

/** n strings from a `const char**` address. */
function cStrings(ptr, n) {
  if (!n) return [];
  const addrs = koffi.decode(ptr, 'uint64_t', n);
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = cString(BigInt(addrs[i]));
  return out;
}

/** n values of a C type ('int', 'int64_t', 'uint64_t', ...) from an address, as a plain Array. */
function cArray(ptr, type, n) {
  if (!n) return [];
  return Array.from(koffi.decode(ptr, type, n));
}

module.exports = {
  koffi, lib, missing, skippedTypes, C, ABI_MAJOR, VERSION, LIBRARY_PATH, HEADER_PATH, ERR_NAMES,
  MXNetError, check, errorFor, lastError, cString, cStrings, cArray, parseHeader, findLibrary,
};
