"""Forward cases (and gradient notes) for the nn_extra operators, merged into cases.py's
tables at import: OPS like cases.OPS; optional INDEX_INPUTS, ZERO_GRADIENT /
LOSS_GRADIENT / NOT_DIFFERENTIABLE like gradients.py's, and ERROR_CASES, a list of
(tag, op, inputs, params, kind, contains) as in errors.py's family_cases."""
import numpy as np  # noqa: F401

from .cases import Case, P, U, I  # noqa: F401

OPS = {}
