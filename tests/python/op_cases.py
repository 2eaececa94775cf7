"""The forward cases of the registry operators, for test_ops.py and test_gradients.py.

They live in tests/conformance/reference/cases.py, the one table that the conformance
generator also turns into language-neutral cases; this module only makes it importable
from tests/python.
"""
import os
import sys

_CONFORMANCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "conformance")
if _CONFORMANCE not in sys.path:
    sys.path.insert(0, _CONFORMANCE)

from reference.cases import (Case, EXCLUDED, I, INDEX_INPUTS, NOT_YET_REGISTERED, OPS, P,  # noqa: E402,F401
                             U)
