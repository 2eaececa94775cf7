// Compiled (not run) by test/types.test.js: the declarations in index.d.ts accept the
// package's documented uses under --strict.
import mx from 'mxlite';
import { NDArray, Symbol, MXNetError } from 'mxlite';

const a: NDArray = mx.nd.array([[1, 2], [3, 4]], { dtype: 'float32', ctx: mx.cpu() });
const b = mx.nd.FullyConnected(a, mx.nd.ones([3, 2]), mx.nd.zeros([3]), { num_hidden: 3 });
const b2 = mx.nd.FullyConnected({ data: a, weight: mx.nd.ones([3, 2]), num_hidden: 3, no_bias: true });
const c = mx.nd.Concat(a, a, { dim: 0 });
const d = a.add(b).sub(1).mul(mx.nd.ones([2, 3])).div(2);
const sum = d.sum({ axis: 1 });
const flat: Float32Array | Float64Array | Uint16Array | Uint8Array | Int32Array | Int8Array | BigInt64Array = d.toArray();
const later: Promise<unknown> = a.dataAsync();
const r = mx.nd.random.uniform({ low: 0, high: 1, shape: [2] });
const relu = mx.nd.op.relu(a);
mx.random.seed(1);

const data: Symbol = mx.sym.Variable('data');
const fc = mx.sym.FullyConnected({ data, num_hidden: 10, name: 'fc' });
const act = mx.sym.Activation(fc, { act_type: 'relu' });
const net = mx.sym.SoftmaxOutput({ data: act, name: 'softmax' });
const shapes = net.inferShape({ data: [4, 5] });
const ex = net.simpleBind({ ctx: mx.cpu(), gradReq: 'write', data: [4, 5] });
ex.forward(true);
ex.backward();
const w: NDArray = ex.argDict['fc_weight'];
const g: NDArray = ex.gradDict['fc_weight'];
const model = new mx.model.FeedForward({ symbol: net, numEpoch: 1, learningRate: 0.1, initializer: new mx.init.Xavier() });
const gpus: number = mx.numGpus();
try {
  mx.nd.ones([2]).toArray();
} catch (e) {
  if (e instanceof MXNetError) console.log(e.kind, e.code);
}
export { b, b2, c, sum, flat, later, r, relu, shapes, w, g, model, gpus };

const kv = mx.kv.create('local');
kv.init([0, 1], [mx.nd.zeros([2]), mx.nd.zeros([3])]);
kv.push(0, [mx.nd.ones([2]), mx.nd.ones([2])]);
kv.setOptimizer('sgd', { learningRate: 0.1, momentum: 0.9 });
kv.setOptimizer(new mx.optimizer.Adam({ learningRate: 0.001 }));
kv.pull([0, 1], [[mx.nd.zeros([2]), mx.nd.zeros([2])], mx.nd.zeros([3])]);
const workers: number = kv.numWorkers + kv.rank;
kv.dispose();
export { workers };

// No catch-all index signature: a misspelt method or a wrong parameter type is an error.
// @ts-expect-error
a.summ();
// @ts-expect-error
mx.nd.FullyConnected({ data: a, num_hidden: 'ten' });
// @ts-expect-error
mx.kv.create('local').pushpull(0, a);
const soft: NDArray = a.softmax({ axis: -1 }).logSoftmax();
export { soft };
