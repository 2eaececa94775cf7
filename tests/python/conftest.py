"""Makes the in-tree package importable when PYTHONPATH does not name it (the
library itself is found through MXLITE_LIBRARY or the repo's build/)."""
import os
import sys

try:
    import mxlite  # noqa: F401
except ImportError:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "python"))
