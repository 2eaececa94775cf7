'use strict';
// Symbols and executors: the tutorial's symbolic part, naming, inference, JSON, save/load.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const mx = require('..');

const near = (got, exp, tol = 1e-6) => {
  assert.equal(got.length, exp.length);
  for (let i = 0; i < exp.length; i++) assert.ok(Math.abs(got[i] - exp[i]) <= tol, `index ${i}: ${got[i]} != ${exp[i]}`);
};

function tutorialGraph() {
  const a = mx.sym.Variable('A');
  const b = mx.sym.Variable('B');
  const c = a.add(b).div(10);
  return c.add(1);
}

test('tutorial: listArguments, listOutputs and inferShape print what MXNet printed', () => {
  const d = mx.name.withScope(new mx.name.NameManager(), tutorialGraph);
  assert.deepEqual(d.listArguments(), ['A', 'B']);
  assert.deepEqual(d.listOutputs(), ['_plusscalar0_output']);
  const [argShapes, outShapes, auxShapes] = d.inferShape({ A: [10], B: [10] });
  assert.deepEqual(argShapes, [[10], [10]]);
  assert.deepEqual(outShapes, [[10]]);
  assert.deepEqual(auxShapes, []);
  assert.deepEqual(d.inferShape({ A: [10] }), [[[10], [10]], [[10]], []]); // B follows from A
  const p = mx.sym.FullyConnected({ data: mx.sym.Variable('x'), num_hidden: 3 });
  assert.deepEqual(p.inferShape({}), [null, null, null]);
  assert.deepEqual(p.inferShapePartial({})[0], [[], [], [3]]); // the bias follows from num_hidden
});

test('tutorial: bind with args, forward, backward with head gradients, simpleBind', () => {
  const d = tutorialGraph();
  const ex = d.bind(mx.cpu(), { A: mx.nd.ones([10]), B: mx.nd.ones([10]) }, { gradReq: 'null' });
  ex.argDict.A.set(new Float32Array(10).fill(0.5));
  ex.argDict.B.set(new Float32Array(10).fill(1.5));
  ex.forward();
  near(ex.outputs[0].toArray(), new Array(10).fill(1.2));

  const grads = { A: mx.nd.ones([10]), B: mx.nd.ones([10]) };
  const ex2 = d.bind({ ctx: mx.cpu(), args: { A: mx.nd.ones([10]), B: mx.nd.ones([10]) }, argsGrad: grads, gradReq: 'write' });
  ex2.forward(true);
  ex2.backward([mx.nd.ones([10])]);
  near(grads.A.toArray(), new Array(10).fill(0.1));
  near(ex2.gradArrays[1].toArray(), new Array(10).fill(0.1));

  const ex3 = d.simpleBind({ ctx: mx.cpu(), gradReq: 'write', A: [10], B: [10] });
  assert.deepEqual(Object.keys(ex3.argDict), ['A', 'B']);
  assert.deepEqual(Object.keys(ex3.gradDict), ['A', 'B']);
  ex3.forward({ isTrain: true, A: new Float32Array(10).fill(2), B: new Float32Array(10).fill(3) });
  near(ex3.outputs[0].toArray(), new Array(10).fill(1.5));
  ex3.backward(mx.nd.ones([10]).mul(2));
  near(ex3.gradDict.B.toArray(), new Array(10).fill(0.2));
  assert.deepEqual(Object.keys(ex3.outputDict), d.listOutputs());
});

test('grad_req add accumulates across backward calls', () => {
  const x = mx.sym.Variable('x');
  const y = x.mul(3);
  const ex = y.simpleBind({ ctx: mx.cpu(), gradReq: 'add', x: [2] });
  ex.forward(true);
  ex.backward(mx.nd.ones([2]));
  ex.backward(mx.nd.ones([2]));
  near(ex.gradDict.x.toArray(), [6, 6]);
});

test('operators on symbols: automatic names, named weights, Group, internals', () => {
  mx.name.withScope(new mx.name.NameManager(), () => {
    const data = mx.sym.Variable('data');
    const fc = mx.sym.FullyConnected({ data, num_hidden: 4 });
    assert.equal(fc.name, 'fullyconnected0');
    assert.deepEqual(fc.listArguments(), ['data', 'fullyconnected0_weight', 'fullyconnected0_bias']);
    const act = mx.sym.Activation(fc, { act_type: 'relu' });
    assert.equal(act.name, 'activation0');
    const w = mx.sym.Variable('w1');
    const fc2 = mx.sym.FullyConnected({ data: act, weight: w, num_hidden: 2, name: 'out' });
    assert.deepEqual(fc2.listArguments(), ['data', 'fullyconnected0_weight', 'fullyconnected0_bias', 'w1', 'out_bias']);
    const g = mx.sym.Group([fc, fc2]);
    assert.equal(g.numOutputs, 2);
    assert.deepEqual(g.listOutputs(), ['fullyconnected0_output', 'out_output']);
    assert.equal(g.get(1).name, 'out');
    assert.ok(fc2.getInternals().listOutputs().includes('activation0_output'));
    const sm = mx.sym.SoftmaxOutput({ data: fc2, name: 'softmax' });
    assert.deepEqual(sm.listArguments().slice(-1), ['softmax_label']);
  });
  mx.name.withScope(new mx.name.Prefix('net_'), () => {
    assert.equal(mx.sym.FullyConnected({ data: mx.sym.Variable('d'), num_hidden: 1 }).name, 'net_fullyconnected0');
  });
});

test('variables carry attributes; inferType', () => {
  const v = mx.sym.Variable('v', { shape: [2, 3], lrMult: 0.5 });
  assert.equal(v.attr('__shape__'), '(2, 3)');
  assert.equal(v.attr('__lr_mult__'), '0.5');
  assert.equal(v.attr('nope'), null);
  const y = v.mul(2);
  assert.deepEqual(y.inferType({ v: 'float64' }), [['float64'], ['float64'], []]);
});

test('JSON round trip and symbol save/load', () => {
  const d = tutorialGraph();
  const json = d.toJSON();
  assert.ok(JSON.parse(json).nodes.length >= 5);
  const back = mx.sym.loadJSON(json);
  assert.deepEqual(back.listArguments(), d.listArguments());
  assert.deepEqual(back.listOutputs(), d.listOutputs());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mxlite-js-'));
  try {
    const f = path.join(dir, 'net-symbol.json');
    d.save(f);
    assert.deepEqual(mx.sym.load(f).listOutputs(), d.listOutputs());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('executor memory plan figures and debug string are available', () => {
  const data = mx.sym.Variable('data');
  const net = mx.sym.SoftmaxOutput({ data: mx.sym.FullyConnected({ data, num_hidden: 10, name: 'fc' }), name: 'softmax' });
  const ex = net.simpleBind({ ctx: mx.cpu(), data: [8, 20] });
  const [planned, naive] = ex.memoryStats();
  assert.ok(planned <= naive);
  assert.deepEqual(ex.fusionStats(), [0, 0]); // fusion is for GPU executors
  assert.equal(typeof ex.debugStr(), 'string');
  ex.dispose();
  ex.dispose(); // idempotent
});
