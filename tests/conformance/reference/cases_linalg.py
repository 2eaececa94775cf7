"""Forward cases (and gradient notes) for the linalg operators, merged into cases.py's
tables at import: OPS like cases.OPS; optional INDEX_INPUTS, and ZERO_GRADIENT /
LOSS_GRADIENT / NOT_DIFFERENTIABLE like gradients.py's."""
import numpy as np  # noqa: F401

from .cases import Case, P, U, I  # noqa: F401

OPS = {}
