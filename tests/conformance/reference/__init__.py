"""NumPy reference for the conformance cases (never imports mxlite).

ops        NumPy implementations of the operators
cases      the forward case table (inputs, params, reference) shared with tests/python
gradients  which inputs are differentiated and the analytic gradients of loss layers
errors     the error cases: bad parameters and bad shapes, per operator family
programs   symbol programs, engine sequences and save/load files
"""
