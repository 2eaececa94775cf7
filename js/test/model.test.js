'use strict';
// The tutorial's MLP in JS on the digits data (>= 95% held-out accuracy), and the
// FeedForward trainer.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const mx = require('..');
const digits = require('../examples/digits');
const tutorial = require('../examples/tutorial_mlp');

test('the tutorial MLP (manual SGD loop) reaches >= 95% held-out accuracy on digits', () => {
  const acc = tutorial.train({ epochs: 40, seed: 0 });
  assert.ok(acc >= 0.95, `accuracy ${acc}`);
});

test('FeedForward fits the tutorial MLP on digits: >= 95% held out, predict, score, save/load params', () => {
  const d = digits.load();
  const scale = (x) => Float32Array.from(x, (v) => v / 255);
  const X = mx.nd.array(scale(d.trainX), { shape: [d.nTrain, 784] });
  const Xt = mx.nd.array(scale(d.testX), { shape: [d.nTest, 784] });
  mx.random.seed(0);
  const data = mx.sym.Variable('data');
  const label = mx.sym.Variable('softmax_label');
  const l1 = mx.sym.FullyConnected({ data, num_hidden: 128, name: 'layer1' });
  const a1 = mx.sym.Activation({ data: l1, act_type: 'relu', name: 'act1' });
  const l2 = mx.sym.FullyConnected({ data: a1, num_hidden: 10, name: 'layer2' });
  const net = mx.sym.SoftmaxOutput({ data: l2, label, name: 'softmax' });
  const lines = [];
  const model = new mx.model.FeedForward({ symbol: net, ctx: mx.cpu(), numEpoch: 20, learningRate: 0.1,
    momentum: 0.9, initializer: new mx.init.Xavier(), seed: 0 });
  const history = model.fit({ X, y: d.trainY, evalData: [Xt, d.testY], evalMetric: 'acc', logger: { info: (m) => lines.push(m) } });
  assert.equal(history.epochs.length, 20);
  assert.match(lines[0], /^Epoch\[0\] Train-accuracy=/);
  const last = history.epochs[19];
  assert.ok(last.eval[1] >= 0.95, `held-out accuracy ${last.eval[1]}`);
  const pred = model.predict(Xt);
  assert.deepEqual(pred.shape, [d.nTest, 10]);
  const acc = model.score(Xt, d.testY);
  assert.equal(acc, last.eval[1]);
  // A checkpoint in MXNet's layout (prefix-symbol.json, prefix-0020.params with arg:/aux: keys)
  // reloads into a model that predicts the same.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mxlite-js-'));
  try {
    const prefix = path.join(dir, 'mlp');
    model.save(prefix);
    assert.ok(fs.existsSync(`${prefix}-symbol.json`) && fs.existsSync(`${prefix}-0020.params`));
    assert.deepEqual(Object.keys(mx.nd.load(`${prefix}-0020.params`)).sort(),
      ['arg:layer1_bias', 'arg:layer1_weight', 'arg:layer2_bias', 'arg:layer2_weight']);
    const copy = mx.model.FeedForward.load(prefix, 20);
    assert.deepEqual(copy.symbol.listArguments(), net.listArguments());
    assert.equal(copy.score(Xt, d.testY), acc);
    const { argParams } = mx.model.loadCheckpoint(prefix, 20);
    assert.deepEqual(argParams.layer2_bias.toArray(), model.argParams.layer2_bias.toArray());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('SGD: the fused update and the elementwise fallback agree', () => {
  const w1 = mx.nd.array([1, 2, 3]);
  const w2 = mx.nd.array([1, 2, 3]);
  const g = mx.nd.array([0.5, -1, 2]);
  const fused = new mx.model.SGD({ learningRate: 0.1, momentum: 0.9, wd: 0.01, rescaleGrad: 0.5 });
  const plain = new mx.model.SGD({ learningRate: 0.1, momentum: 0.9, wd: 0.01, rescaleGrad: 0.5 });
  plain.fused = false;
  for (let i = 0; i < 3; i++) {
    fused.update(0, w1, g);
    plain.update(0, w2, g);
  }
  const a = w1.toArray();
  const b = w2.toArray();
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(a[i] - b[i]) < 1e-5, `${a[i]} vs ${b[i]}`);
  // By hand: mom = 0.9 mom - lr (rescale g + wd w); w += mom.
  let w = 1;
  let m = 0;
  for (let i = 0; i < 3; i++) { m = 0.9 * m - 0.1 * (0.5 * 0.5 + 0.01 * w); w += m; }
  assert.ok(Math.abs(a[0] - w) < 1e-5, `${a[0]} vs ${w}`);
});

test('examples/train_feedforward.js: the tutorial\'s FeedForward block reaches 95%; its checkpoint reloads', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mxlite-js-'));
  try {
    const r = require('child_process').spawnSync(process.execPath, [path.join(__dirname, '..', 'examples', 'train_feedforward.js'),
      '--min-accuracy', '0.95', '--prefix', path.join(dir, 'digits')], { encoding: 'utf8', env: process.env });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /Epoch\[19\] Validation-accuracy=/);
    assert.match(r.stdout, /reloaded model predicts the same as the trained one: true/);
    assert.ok(fs.existsSync(path.join(dir, 'digits-symbol.json')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
