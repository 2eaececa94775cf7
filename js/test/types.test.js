'use strict';
// index.d.ts compiles under TypeScript --strict, together with a file using the API.

const test = require('node:test');
const assert = require('node:assert/strict');
const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const PKG = path.join(__dirname, '..');

test('index.d.ts and a usage file type-check with tsc --strict', () => {
  const tsc = path.join(PKG, 'node_modules', 'typescript', 'bin', 'tsc');
  assert.ok(fs.existsSync(tsc), 'the typescript devDependency is not installed: run `npm install` in js/');
  // A scratch project where `mxlite` resolves to this package's declarations.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mxlite-ts-'));
  try {
    const mod = path.join(dir, 'node_modules', 'mxlite');
    fs.mkdirSync(mod, { recursive: true });
    fs.copyFileSync(path.join(PKG, 'index.d.ts'), path.join(mod, 'index.d.ts'));
    fs.writeFileSync(path.join(mod, 'package.json'), JSON.stringify({ name: 'mxlite', types: 'index.d.ts' }));
    fs.copyFileSync(path.join(__dirname, 'types', 'usage.ts'), path.join(dir, 'usage.ts'));
    const r = childProcess.spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2020',
      '--module', 'nodenext', '--moduleResolution', 'nodenext', 'usage.ts'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
