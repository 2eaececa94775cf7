// What the C ABI glue files share with c_api.cc (error state, array handles). Not
// part of the public ABI: only capi/src/*.cc include it.
#pragma once
#include <new>
#include <string>

#include "core/ndarray/ndarray.h"
#include "mxlite/c_api.h"

// The body of every exported function: API_BEGIN(); ... API_END(); turns a thrown
// mxl::Error into its code (and anything else into MXL_ERR_INTERNAL / out of memory),
// recorded for mxl_last_error; success returns MXL_OK.
#define API_BEGIN() try {
#define API_END()                                                                                 \
  }                                                                                               \
  catch (const mxl::Error& e) { return mxl::capi::set_error(int(e.code), e.what()); }             \
  catch (const std::bad_alloc&) { return mxl::capi::set_error(MXL_ERR_OUT_OF_MEMORY, "out of memory"); } \
  catch (const std::exception& e) {                                                               \
    return mxl::capi::set_error(MXL_ERR_INTERNAL, (std::string("internal error: ") + e.what()).c_str()); \
  }                                                                                               \
  catch (...) { return mxl::capi::set_error(MXL_ERR_INTERNAL, "internal error: unknown exception"); } \
  return MXL_OK;

#define CHECK_ARG(cond, ...) MXL_CHECK(cond, mxl::Err::kInvalidArgument, __VA_ARGS__)

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
