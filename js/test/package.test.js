'use strict';
// The package installs as documented: `npm install <path to js>` in another project,
// then `node -e "require('mxlite')"`.

const test = require('node:test');
const assert = require('node:assert/strict');
const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

test('npm install ./js, then require("mxlite") works from another folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mxlite-npm-'));
  try {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const inst = childProcess.spawnSync(npm, ['install', '--no-audit', '--no-fund', '--offline', path.resolve(__dirname, '..')],
      { cwd: dir, encoding: 'utf8', env: process.env });
    assert.equal(inst.status, 0, inst.stderr + inst.stdout);
    const r = childProcess.spawnSync(process.execPath, ['-e',
      "const mx = require('mxlite'); console.log(mx.nd.ones([2]).add(1).toArray().join(','))"],
    { cwd: dir, encoding: 'utf8', env: process.env });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), '2,2');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
