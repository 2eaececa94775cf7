"""Forward cases (and gradient notes) for CTCLoss (ctc_loss), merged into cases.py's tables at
import (see cases_linalg.py for the fields a family module may define)."""
import numpy as np  # noqa: F401

from .cases import Case, P, U, I  # noqa: F401

OPS = {}
