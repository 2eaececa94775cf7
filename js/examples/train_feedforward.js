'use strict';
// The last block of "Getting Started with MXNet" in JavaScript: the tutorial's MLP
// trained with mx.model.FeedForward, with the tutorial's learning rate and batch size,
// mx.cpu() in place of mx.gpu(0) and the digits set (examples/digits.js) in place of
// MNIST; then a checkpoint, reloaded, predicts the same. The Python version:
// examples/train_feedforward.py (same data, split, epochs and hyperparameters).
//
// Run: node js/examples/train_feedforward.js [--epochs 20] [--seed 0] [--min-accuracy 0.95] [--prefix P]

const os = require('os');
const path = require('path');
const mx = require('..');
const digits = require('./digits');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const epochs = Number(opt('--epochs', 20));
const seed = Number(opt('--seed', 0));
const minAccuracy = opt('--min-accuracy', null);
const prefix = opt('--prefix', path.join(os.tmpdir(), 'mxlite-js-digits-mlp'));

// ---- the tutorial's FeedForward block
mx.random.seed(seed);
const data = mx.sym.Variable('data'); // input features, when using FeedForward this must be called data
const label = mx.sym.Variable('softmax_label'); // use this name aswell when using FeedForward
const l1 = mx.sym.FullyConnected({ data, num_hidden: 128, name: 'layer1' });
const a1 = mx.sym.Activation({ data: l1, act_type: 'relu', name: 'act1' });
const l2 = mx.sym.FullyConnected({ data: a1, num_hidden: 10, name: 'layer2' });
const costClassification = mx.sym.SoftmaxOutput({ data: l2, label });
const d = digits.load();
const trainX = { data: d.trainX, shape: [d.nTrain, 784] };
const testX = { data: d.testX, shape: [d.nTest, 784] };
const model = new mx.model.FeedForward({ symbol: costClassification, numEpoch: epochs, ctx: mx.cpu(),
  learningRate: 0.001, seed });
model.fit({ X: trainX, y: d.trainY, evalData: [testX, d.testY], evalMetric: 'acc', logger: { info: console.log } });

// ---- beyond the tutorial: score, checkpoint, reload, predict
const accuracy = model.score(testX, d.testY);
console.log(`held-out accuracy: ${accuracy.toFixed(4)} (${d.nTest} images)`);
model.save(prefix); // PREFIX-symbol.json + PREFIX-%04d.params, MXNet 1.x's format
console.log(`checkpoint: ${prefix}-symbol.json, ${prefix}-${String(epochs).padStart(4, '0')}.params`);
const loaded = mx.model.FeedForward.load(prefix, epochs, { ctx: mx.cpu() });
const a = loaded.predict(testX).toArray();
const b = model.predict(testX).toArray();
console.log('reloaded model predicts the same as the trained one:', a.every((v, i) => v === b[i]));

if (minAccuracy !== null && accuracy < Number(minAccuracy)) {
  console.log(`FAILED: accuracy ${accuracy.toFixed(4)} is below ${minAccuracy}`);
  process.exit(1);
}
