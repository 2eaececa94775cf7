"""Library facts exposed by mx.base: BLAS, engine and storage statistics."""
import mxlite as mx


def test_blas_and_engine_info():
    assert mx.base.blas_name() in ("scipy_openblas", "openblas", "blas", "builtin")
    kind, workers = mx.base.engine_info()
    assert kind in ("threaded", "naive")
    assert workers >= (1 if kind == "threaded" else 0)


def test_storage_stats_track_allocation():
    mx.nd.waitall()
    before, _, _ = mx.base.storage_stats()
    a = mx.nd.zeros((1024, 1024))
    a.wait_to_read()
    in_use, peak, _ = mx.base.storage_stats()
    assert in_use >= before + 4 * 1024 * 1024 and peak >= in_use
    del a
    after, _, pooled = mx.base.storage_stats()
    assert after <= in_use - 4 * 1024 * 1024 and pooled >= 4 * 1024 * 1024
