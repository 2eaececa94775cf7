"""mx.nd.contrib: registry ops named _contrib_* (filled at import)."""
