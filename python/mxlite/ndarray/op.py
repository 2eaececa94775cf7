"""Public operators (filled from the registry at import; re-exported as mx.nd.*)."""
