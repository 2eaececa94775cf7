'use strict';
// C ABI errors come back as MXNetError with the core's message; bad input never
// crashes the process; handles are freed by dispose() and by the garbage collector.

const test = require('node:test');
const assert = require('node:assert/strict');
const childProcess = require('child_process');
const path = require('path');
const mx = require('..');

const isMx = (kind, ...fragments) => (e) => {
  assert.ok(e instanceof mx.MXNetError, `expected MXNetError, got ${e && e.constructor.name}: ${e && e.message}`);
  assert.equal(e.kind, kind, e.message);
  for (const f of fragments) assert.ok(e.message.includes(f), `message lacks '${f}': ${e.message}`);
  return true;
};

test('shape mismatch: MXNetError MXL_ERR_SHAPE naming the op and the shapes', () => {
  assert.throws(() => mx.nd.broadcast_add(mx.nd.ones([2, 3]), mx.nd.ones([4, 3])).waitToRead(),
    isMx('MXL_ERR_SHAPE', 'broadcast_add', '(2, 3)', '(4, 3)'));
  assert.throws(() => mx.nd.ones([2, 3]).add(mx.nd.ones([4, 3])).toArray(), isMx('MXL_ERR_SHAPE'));
});

test('bad and unknown parameters name the op and the parameter', () => {
  assert.throws(() => mx.nd.Activation(mx.nd.ones([2]), { act_type: 'nope' }), isMx('MXL_ERR_INVALID_ARGUMENT', 'act_type'));
  assert.throws(() => mx.nd.FullyConnected(mx.nd.ones([2, 2]), mx.nd.ones([2, 2]), mx.nd.ones([2]), { bogus: 1, num_hidden: 2 }),
    (e) => e instanceof mx.MXNetError && e.message.includes('bogus'));
  assert.throws(() => mx.ops.info('no_such_op'), isMx('MXL_ERR_NOT_FOUND', 'no_such_op'));
  assert.equal(mx.MXNetError.name, 'MXNetError');
});

test('binding-side mistakes are clear TypeErrors or MXNetErrors, never crashes', () => {
  assert.throws(() => mx.nd.relu(5), /relu: argument 'data' must be an NDArray/);
  assert.throws(() => mx.nd.relu(mx.nd.ones([1]), { data: mx.nd.ones([1]) }), /relu: got multiple values for input 'data'/);
  assert.throws(() => mx.nd.sum(mx.nd.ones([1]), 0, { axis: 0 }), /sum: got multiple values for parameter 'axis'/);
  assert.throws(() => mx.nd.array([[1, 2], [3]]), isMx('MXL_ERR_SHAPE', 'ragged'));
  assert.throws(() => mx.nd.array([1, 2, 3], { shape: [2, 2] }), isMx('MXL_ERR_SHAPE', '3 values'));
  assert.throws(() => mx.nd.zeros([2], { dtype: 'complex64' }), isMx('MXL_ERR_DTYPE', 'complex64'));
  assert.throws(() => mx.nd.ones([2]).set(new Float32Array(3)), isMx('MXL_ERR_SHAPE'));
  assert.throws(() => mx.nd.ones([2, 2]).at(5), (e) => e instanceof mx.MXNetError);
  assert.throws(() => mx.nd.ones([2]).reshape([3]), (e) => e instanceof mx.MXNetError);
  assert.throws(() => mx.nd.load('/nonexistent/file.params'), isMx('MXL_ERR_IO', '/nonexistent/file.params'));
  assert.throws(() => mx.sym.loadJSON('{not json'), (e) => e instanceof mx.MXNetError);
  const d = mx.sym.Variable('A').add(mx.sym.Variable('B'));
  assert.throws(() => d.inferShape({ A: [2], B: [3] }), isMx('MXL_ERR_SHAPE'));
  assert.throws(() => d.inferShape({ C: [2] }), isMx('MXL_ERR_INVALID_ARGUMENT', "'C'"));
  assert.throws(() => d.bind(mx.cpu(), { A: mx.nd.ones([2]) }), isMx('MXL_ERR_INVALID_ARGUMENT', "'B'"));
  assert.throws(() => d.simpleBind({ A: [2], gradReq: 'sometimes' }), isMx('MXL_ERR_INVALID_ARGUMENT', 'sometimes'));
  assert.throws(() => mx.nd.ones([2], { ctx: mx.gpu(7) }).toArray(), (e) => e instanceof mx.MXNetError);
});

test('errors of asynchronous work surface at the next wait, with their message', async () => {
  const idiv = () => mx.nd.array([1], { dtype: 'int32' }).div(mx.nd.array([0], { dtype: 'int32' }));
  const bad = idiv(); // returns at once: the kernel fails later, on the engine
  assert.throws(() => bad.toArray(), isMx('MXL_ERR_ARITHMETIC', 'elemwise_div', 'division by zero'));
  await assert.rejects(idiv().dataAsync(), isMx('MXL_ERR_ARITHMETIC', 'elemwise_div'));
  const take = mx.nd.take(mx.nd.ones([3]), mx.nd.array([5]), { mode: 'raise' });
  assert.throws(() => take.waitToRead(), isMx('MXL_ERR_INDEX', 'take', '5'));
  try { mx.waitall(); } catch (e) { /* the errors above may be reported once more */ }
});

test('dispose frees at once; a disposed array is an MXNetError, not a crash', () => {
  const before = mx.base.storageStats().inUse;
  const a = mx.nd.zeros([1024, 1024]);
  a.waitToRead();
  assert.ok(mx.base.storageStats().inUse >= before + 4 * 1024 * 1024);
  a.dispose();
  a.dispose(); // idempotent
  mx.waitall();
  assert.ok(mx.base.storageStats().inUse < before + 4 * 1024 * 1024);
  assert.equal(a.isDisposed, true);
  assert.throws(() => a.toArray(), isMx('MXL_ERR_INVALID_HANDLE', 'disposed'));
  assert.throws(() => mx.nd.ones([2]).add(a), isMx('MXL_ERR_INVALID_HANDLE'));
  const s = mx.sym.Variable('x');
  s.dispose();
  assert.throws(() => s.listArguments(), isMx('MXL_ERR_INVALID_HANDLE'));
});

// 16 objects holding 4 MiB each, dropped without dispose().
const GC_CASES = [
  ['arrays', 'for (let i = 0; i < 16; i++) mx.nd.zeros([1024, 1024]).waitToRead();'],
  ['KVStores (and their values)', `for (let i = 0; i < 16; i++) {
      const v = mx.nd.zeros([1024, 1024]);
      mx.kv.create('local').init(0, v);
      v.dispose();
    }`],
];
for (const [what, allocate] of GC_CASES) {
  test(`${what} never disposed are freed by the garbage collector (FinalizationRegistry)`, () => {
    // In a child with --expose-gc: allocate 64 MiB, drop it, collect, and check the
    // engine's live bytes went back down.
    const script = `
      const mx = require(${JSON.stringify(path.resolve(__dirname, '..'))});
      const inUse = () => { mx.waitall(); return mx.base.storageStats().inUse; };
      const base = inUse();
      (() => { ${allocate} })();
      const held = inUse();
      const settle = async () => {
        for (let i = 0; i < 20 && inUse() > base + (1 << 20); i++) {
          global.gc();
          await new Promise((r) => setTimeout(r, 20));
        }
        console.log(JSON.stringify({ base, held, after: inUse() }));
      };
      settle();`;
    const out = childProcess.execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8', env: process.env });
    const { base, held, after } = JSON.parse(out.trim().split('\n').pop());
    assert.ok(held >= base + 16 * 4 * 1024 * 1024 * 0.9, `held ${held} base ${base}`);
    assert.ok(after <= base + (1 << 20), `after GC ${after} bytes still in use (base ${base})`);
  });
}

test('bad input in a child process exits cleanly (no signal)', () => {
  const script = `
    const mx = require(${JSON.stringify(path.resolve(__dirname, '..'))});
    const tries = [
      () => mx.nd.Reshape(mx.nd.ones([4]), { shape: [3] }).toArray(),
      () => mx.nd.take(mx.nd.ones([3]), mx.nd.array([5])).toArray(),
      () => mx.nd.ones([-1]),
      () => mx.nd.array([1], { shape: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }),
      () => mx.sym.Group([]),
      () => new mx.Executor(mx.sym.Variable('x'), mx.cpu(), []),
    ];
    let n = 0;
    for (const t of tries) { try { t(); } catch (e) { n++; } }
    try { mx.waitall(); } catch (e) {}
    console.log('caught', n);`;
  const r = childProcess.spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: process.env });
  assert.equal(r.signal, null, r.stderr);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /caught \d+/);
});

test('dispose() during a pending dataAsync rejects the promise and frees the handle after the wait', async () => {
  const a = mx.nd.random.uniform({ shape: [400, 400] });
  let y = a;
  for (let i = 0; i < 10; i++) y = mx.nd.dot(y, a).div(400);
  const p = y.dataAsync();
  y.dispose(); // while a worker thread waits on it
  await assert.rejects(p, isMx('MXL_ERR_INVALID_HANDLE', 'disposed'));
  assert.equal(y.isDisposed, true);
});
