"""Makes the in-tree package importable when PYTHONPATH does not name it (the
library itself is found through MXLITE_LIBRARY or the repo's build/)."""
import os
import sys

try:
    import mxlite  # noqa: F401
except ImportError:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "python"))


def pytest_configure(config):
    # `pytest -m gpu` runs the CUDA checks; without a GPU they skip (test_gpu.py).
    config.addinivalue_line("markers", "gpu: needs a CUDA GPU (mx.gpu(0)); skipped when num_gpus() == 0")
