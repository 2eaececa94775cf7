'use strict';
// GPU arrays and executors from JS (runs where mx.numGpus() > 0; reported as skipped,
// not passed, elsewhere): values must equal the CPU's.

const test = require('node:test');
const assert = require('node:assert/strict');
const mx = require('..');

function gpuUsable() {
  try {
    return mx.numGpus() > 0;
  } catch (e) { // a library without mxl_num_gpus: try the device itself
    try {
      mx.nd.zeros([1], { ctx: mx.gpu(0) }).waitToRead();
      return true;
    } catch (e2) {
      return false;
    }
  }
}
test('numGpus and gpuInfo answer without a GPU too', () => {
  const n = mx.numGpus();
  assert.ok(Number.isInteger(n) && n >= 0);
  assert.equal(typeof mx.gpuInfo(), 'string');
  assert.ok(mx.gpuInfo().length > 0);
});

const skip = gpuUsable() ? false : 'no usable GPU here (mx.numGpus() is 0, or gpu(0) cannot be used)';

const near = (got, exp, tol) => {
  assert.equal(got.length, exp.length);
  for (let i = 0; i < exp.length; i++) {
    assert.ok(Math.abs(got[i] - exp[i]) <= tol * (1 + Math.abs(exp[i])), `index ${i}: ${got[i]} != ${exp[i]}`);
  }
};

test('arrays on gpu(0): create, compute, read (sync and async), copy across devices', { skip }, async () => {
  const g = mx.gpu(0);
  const a = mx.nd.array([[1, 2, 3], [4, 5, 6]], { ctx: g });
  assert.equal(String(a.context), 'gpu(0)');
  const b = a.add(1).mul(a).sum({ axis: 1 });
  near(b.toArray(), [2 + 6 + 12, 20 + 30 + 42], 1e-6);
  near(await b.dataAsync(), [20, 92], 1e-6);
  const c = a.copyTo(mx.cpu());
  assert.equal(String(c.context), 'cpu(0)');
  near(c.toArray(), [1, 2, 3, 4, 5, 6], 0);
  const x = mx.nd.random.uniform({ shape: [64, 32], ctx: mx.cpu() });
  const w = mx.nd.random.uniform({ shape: [16, 32], ctx: mx.cpu() });
  const cpu = mx.nd.dot(x, w.T).toArray();
  const gpu = mx.nd.dot(x.copyTo(g), w.copyTo(g).T).toArray();
  near(gpu, cpu, 1e-4);
  assert.throws(() => a.add(mx.nd.ones([2, 3])).toArray(), (e) => e instanceof mx.MXNetError);
});

test('an executor on gpu(0) gives the CPU executor\'s outputs and gradients', { skip }, () => {
  const data = mx.sym.Variable('data');
  const fc = mx.sym.FullyConnected({ data, num_hidden: 8, name: 'fc' });
  const net = mx.sym.SoftmaxOutput({ data: mx.sym.Activation({ data: fc, act_type: 'relu' }), name: 'softmax' });
  const run = (ctx) => {
    const ex = net.simpleBind({ ctx, data: [16, 10] });
    mx.random.seed(3);
    const init = { data: mx.nd.random.normal({ shape: [16, 10] }), fc_weight: mx.nd.random.normal({ shape: [8, 10] }),
      fc_bias: mx.nd.zeros([8]), softmax_label: mx.nd.array(Array.from({ length: 16 }, (_, i) => i % 8)) };
    for (const [k, v] of Object.entries(init)) ex.argDict[k].set(v);
    ex.forward(true);
    ex.backward();
    return [ex.outputs[0].toArray(), ex.gradDict.fc_weight.toArray()];
  };
  const [outC, gradC] = run(mx.cpu());
  const [outG, gradG] = run(mx.gpu(0));
  near(outG, outC, 1e-5);
  near(gradG, gradC, 1e-4);
});

test('an elementwise chain on gpu(0) is fused into one kernel and gives the CPU\'s values', { skip }, () => {
  const x = mx.sym.Variable('x');
  const net = mx.sym.sqrt(mx.sym.exp(x.mul(0.5)).add(1)).div(3);
  const xs = Float32Array.from({ length: 24 }, (_, i) => -2 + (4 * i) / 23);
  const run = (ctx) => {
    const ex = net.simpleBind({ ctx, gradReq: 'null', x: [4, 6] });
    ex.argDict.x.set(mx.nd.array(xs, { shape: [4, 6] }));
    ex.forward(false);
    return [ex.outputs[0].toArray(), ex.fusionStats()];
  };
  const [outC, fusC] = run(mx.cpu());
  const [outG, fusG] = run(mx.gpu(0));
  near(outG, outC, 1e-6);
  near(outG, Array.from(xs, (v) => Math.sqrt(Math.exp(v * 0.5) + 1) / 3), 1e-6);
  assert.deepEqual(fusC, [0, 0]);
  // where NVRTC is found (always on the emulator's run) the five nodes are one kernel
  if (process.env.MXLITE_NVRTC_LIBRARY) assert.deepEqual(fusG, [1, 5]);
});
