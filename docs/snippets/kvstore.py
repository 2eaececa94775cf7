# The KVStore in four languages, Python: sum pushes, pull to several outs, SGD in the store.
# Run by docs/run_checks.sh; exits non-zero if a value is wrong.
import os
import tempfile

import numpy as np
import mxlite as mx

kv = mx.kv.create("local")
print(kv.type, kv.rank, kv.num_workers)                 # local 0 1

# Push one gradient per device: the store sums them. Pull copies the value to every out.
kv.init("w", mx.nd.ones((2, 3)))
kv.push("w", [mx.nd.ones((2, 3)), mx.nd.ones((2, 3)) * 2])
outs = [mx.nd.zeros((2, 3)), mx.nd.zeros((2, 3))]
kv.pull("w", out=outs)
assert (outs[1].asnumpy() == 3).all()                   # without an optimizer a push replaces

# The optimizer runs in the store: a push of gradients updates the weight.
kv.init("v", mx.nd.ones((2, 3)))
kv.set_optimizer(mx.optimizer.SGD(learning_rate=0.1, momentum=0.9))
for step in range(2):
    kv.push("v", [mx.nd.ones((2, 3)), mx.nd.ones((2, 3))])   # gradient 2
kv.pull("v", out=outs[0])
# mom = -0.1 * 2 = -0.2, w = 0.8; mom = 0.9 * -0.2 - 0.2 = -0.38, w = 0.42
assert np.allclose(outs[0].asnumpy(), 0.42), outs[0].asnumpy()

# Optimizer states (momentum, update counts) go to a file and come back.
fname = os.path.join(tempfile.mkdtemp(), "kv.states")
kv.save_optimizer_states(fname)
kv.load_optimizer_states(fname)
assert kv.num_update("v") == 2

try:
    kv.push("nope", mx.nd.ones((2, 3)))
except mx.MXNetError as e:
    print(e)                  # ... key 'nope' has not been initialized (call init first)
print("kvstore ok")
