"""mx.nd.linalg: registry ops named _linalg_* (filled at import)."""
