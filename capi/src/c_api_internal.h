// What the C ABI glue files share with c_api.cc (error state, array handles). Not
// part of the public ABI: only capi/src/*.cc include it.
#pragma once
#include "core/ndarray/ndarray.h"
#include "mxlite/c_api.h"

namespace mxl {
namespace capi {

// Records an error for mxl_last_error / mxl_last_error_code on this thread; returns code.
int set_error(int code, const char* msg);
// The array behind a live handle; throws Err::kInvalidHandle naming `what` otherwise.
NDArray& ndarray(mxl_ndarray h, const char* what);
// A new handle (owned by whoever receives it) to an array.
mxl_ndarray new_ndarray(NDArray a);

}  // namespace capi
}  // namespace mxl
