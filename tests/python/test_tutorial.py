"""The imperative part of seeds/getting-started-with-mxnet.txt runs unchanged (with
`import mxlite as mx`) and prints what MXNet 1.9 printed."""
import os
import subprocess
import sys
import textwrap

import numpy as np

import mxlite as mx

# The tutorial's imperative code, verbatim except for the import, with prints of
# what it computed. The GPU line runs only where a GPU exists (MXNet without GPU
# support raises MXNetError there too, checked in test_errors).
TUTORIAL = textwrap.dedent("""
    import mxlite as mx
    cpu_tensor = mx.nd.zeros((10,), ctx=mx.cpu())
    if mx.context.num_gpus() > 0:
        gpu_tensor = mx.nd.zeros((10,), ctx=mx.gpu(0))
    ctx = mx.cpu() # which context to put memory on.
    a = mx.nd.ones((10, ), ctx=ctx)
    b = mx.nd.ones((10, ), ctx=ctx)
    c = (a + b) / 10.
    d = b + 1
    numpy_d = d.asnumpy()
    print(cpu_tensor)
    print(c)
    print(d)
    print(numpy_d)
    print(repr(numpy_d), numpy_d.dtype)
""")

# Printed by MXNet 1.9.1 for the same program.
EXPECTED = """
[0. 0. 0. 0. 0. 0. 0. 0. 0. 0.]
<NDArray 10 @cpu(0)>

[0.2 0.2 0.2 0.2 0.2 0.2 0.2 0.2 0.2 0.2]
<NDArray 10 @cpu(0)>

[2. 2. 2. 2. 2. 2. 2. 2. 2. 2.]
<NDArray 10 @cpu(0)>
[2. 2. 2. 2. 2. 2. 2. 2. 2. 2.]
array([2., 2., 2., 2., 2., 2., 2., 2., 2., 2.], dtype=float32) float32
"""


def test_tutorial_imperative_part_prints_like_mxnet():
    env = dict(os.environ)
    pkg_root = os.path.dirname(os.path.dirname(mx.__file__))
    env["PYTHONPATH"] = os.pathsep.join([pkg_root, env.get("PYTHONPATH", "")])
    env.setdefault("MXLITE_LIBRARY", mx._lib.LIBRARY_PATH)
    out = subprocess.run([sys.executable, "-c", TUTORIAL], capture_output=True, text=True,
                         timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout == EXPECTED


def test_tutorial_values_in_process():
    a = mx.nd.ones((10,), ctx=mx.cpu())
    b = mx.nd.ones((10,), ctx=mx.cpu())
    c = (a + b) / 10.
    d = b + 1
    np.testing.assert_allclose(c.asnumpy(), np.full(10, 0.2, np.float32))
    np.testing.assert_array_equal(d.asnumpy(), np.full(10, 2.0, np.float32))
