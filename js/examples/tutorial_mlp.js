'use strict';
// The MLP of "Getting Started with MXNet" (symbolic part) in JavaScript: the same net,
// batch size, initialization and manual SGD loop as examples/tutorial_symbolic.py,
// trained on the digits set (examples/digits.js).
//
// Run: node js/examples/tutorial_mlp.js [--epochs 40] [--min-accuracy 0.95]

const mx = require('..');
const digits = require('./digits');

/** Trains the tutorial MLP; returns the held-out accuracy after the last epoch. */
function train({ epochs = 40, seed = 0, log = () => {} } = {}) {
  mx.random.seed(seed);
  const rand = mx.model.prng(seed);
  const data = mx.sym.Variable('data'); // input features, mxnet commonly calls this 'data'
  const label = mx.sym.Variable('softmax_label');
  // One can either manually specify all the inputs to ops (data, weight and bias)
  const w1 = mx.sym.Variable('weight1');
  const b1 = mx.sym.Variable('bias1');
  const l1 = mx.sym.FullyConnected({ data, num_hidden: 128, name: 'layer1', weight: w1, bias: b1 });
  const a1 = mx.sym.Activation({ data: l1, act_type: 'relu', name: 'act1' });
  // Or let MXNet automatically create the needed arguments to ops
  const l2 = mx.sym.FullyConnected({ data: a1, num_hidden: 10, name: 'layer2' });
  // Create some loss symbol
  const costClassification = mx.sym.SoftmaxOutput({ data: l2, label });
  // Bind an executor of a given batch size to do forward pass and get gradients
  const batchSize = 128;
  const executor = costClassification.simpleBind({ ctx: mx.cpu(), gradReq: 'write',
    data: [batchSize, 28 * 28], softmax_label: [batchSize] });
  // The test executor shares the weights with the training one.
  const executorTest = costClassification.bind(mx.cpu(), executor.argArrays, { gradReq: 'null' });
  // initialize the weights: r[:] = np.random.randn(*r.shape) * 0.02
  for (const r of executor.argArrays) mx.nd.random.normal({ loc: 0, scale: 0.02, shape: r.shape, out: r });

  const d = digits.load();
  const trIdx = Array.from({ length: d.nTrain }, (_, i) => i);
  const batchX = new Float32Array(batchSize * 784);
  const batchY = new Float32Array(batchSize);
  const argNames = costClassification.listArguments();
  let accuracy = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    log(`Starting epoch ${epoch}`);
    for (let i = trIdx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [trIdx[i], trIdx[j]] = [trIdx[j], trIdx[i]];
    }
    for (let x = 0; x + batchSize <= trIdx.length; x += batchSize) { // full batches only
      for (let k = 0; k < batchSize; k++) {
        const idx = trIdx[x + k];
        for (let p = 0; p < 784; p++) batchX[k * 784 + p] = d.trainX[idx * 784 + p] / 255;
        batchY[k] = d.trainY[idx];
      }
      executor.argDict.data.set(batchX);
      executor.argDict.softmax_label.set(batchY);
      executor.forward(true);
      executor.backward();
      // do weight updates in imperative
      argNames.forEach((pname, i) => {
        if (pname === 'data' || pname === 'softmax_label') return; // don't update inputs
        const W = executor.argArrays[i];
        const G = executor.gradArrays[i];
        W.set(W.sub(G.mul(0.001)));
      });
    }
    // Evaluation at each epoch
    let numCorrect = 0;
    let numTotal = 0;
    for (let x = 0; x + batchSize <= d.nTest; x += batchSize) {
      for (let k = 0; k < batchSize; k++) {
        for (let p = 0; p < 784; p++) batchX[k * 784 + p] = d.testX[(x + k) * 784 + p] / 255;
      }
      executorTest.argDict.data.set(batchX);
      executorTest.forward();
      const pred = executorTest.outputs[0].argmax({ axis: 1 }).toArray();
      for (let k = 0; k < batchSize; k++) if (pred[k] === d.testY[x + k]) numCorrect++;
      numTotal += batchSize;
    }
    accuracy = numCorrect / numTotal;
    log(`Accuracy thus far ${accuracy}`);
  }
  return accuracy;
}

module.exports = { train };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : def;
  };
  const acc = train({ epochs: opt('--epochs', 40), seed: opt('--seed', 0), log: console.log });
  const min = opt('--min-accuracy', null);
  if (min !== null && acc < min) {
    console.log(`FAILED: accuracy ${acc.toFixed(4)} is below ${min}`);
    process.exit(1);
  }
}
