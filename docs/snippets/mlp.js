'use strict';
// The four-language example, JavaScript: arrays, the MLP symbol, bind, forward/backward, train.
// Run by docs/run_checks.sh; exits non-zero if training does not reach 90% accuracy.
const mx = require('mxlite');

// Create arrays: 256 samples of 20 features; class 1 where the first two features sum > 0.
const n = 256, features = 20, batch = 64;
const X = new Float32Array(n * features);   // row-major, as the core: sample i, feature j
const y = new Float32Array(n);
for (let i = 0; i < n; i++) {
  for (let j = 0; j < features; j++) X[i * features + j] = Math.sin(i * 7 + j * 3);
  y[i] = X[i * features] + X[i * features + 1] > 0 ? 1 : 0;
}
const a = mx.nd.array(X.subarray(0, 12), { shape: [3, 4] });   // NDArray from a TypedArray
console.log(a.mul(2).add(1).shape);                            // lazy arithmetic: [3, 4]

// Build the MLP symbol: 20 -> 32 relu -> 2, softmax loss.
const data = mx.sym.Variable('data');
const fc1 = mx.sym.FullyConnected({ data, num_hidden: 32, name: 'fc1' });
const act1 = mx.sym.Activation({ data: fc1, act_type: 'relu', name: 'relu1' });
const fc2 = mx.sym.FullyConnected({ data: act1, num_hidden: 2, name: 'fc2' });
const net = mx.sym.SoftmaxOutput({ data: fc2, name: 'softmax' });
console.log(net.listArguments());

// Bind: allocate arguments and gradients for batches of 64; initialize the weights.
const ex = net.simpleBind({ ctx: mx.cpu(), gradReq: 'write', data: [batch, features] });
mx.random.seed(0);
for (const name of ['fc1_weight', 'fc2_weight']) {
  const w = ex.argDict[name];
  mx.nd.random.normal({ loc: 0, scale: 0.3, shape: w.shape, out: w });
}
for (const name of ['fc1_bias', 'fc2_bias']) ex.argDict[name].set(0);

// Forward / backward, and train: plain SGD on the batch-summed gradients.
const params = net.listArguments().filter((p) => p !== 'data' && p !== 'softmax_label');
for (let epoch = 0; epoch < 30; epoch++) {
  for (let start = 0; start < n; start += batch) {
    ex.argDict.data.set(X.subarray(start * features, (start + batch) * features));
    ex.argDict.softmax_label.set(y.subarray(start, start + batch));
    ex.forward(true);
    ex.backward();
    for (const p of params) {
      const W = ex.argDict[p];
      W.set(W.sub(ex.gradDict[p].mul(0.5 / batch)));
    }
  }
}

let correct = 0;
for (let start = 0; start < n; start += batch) {
  ex.argDict.data.set(X.subarray(start * features, (start + batch) * features));
  ex.forward(false);
  const pred = ex.outputs[0].argmax({ axis: 1 }).toArray();
  for (let k = 0; k < batch; k++) if (pred[k] === y[start + k]) correct++;
}
const accuracy = correct / n;
console.log(`accuracy ${accuracy.toFixed(3)}`);
if (accuracy < 0.9) {
  console.error(`training failed: accuracy ${accuracy.toFixed(3)}`);
  process.exit(1);
}
