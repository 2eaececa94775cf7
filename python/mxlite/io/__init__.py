"""Data iterators (MXNet's mx.io): batches of NDArrays for Module / FeedForward."""
from .io import (DataDesc, DataBatch, DataIter, NDArrayIter, ResizeIter,  # noqa: F401
                 PrefetchingIter, MNISTIter, CSVIter)
