/* The check macros of the C ABI tests: each CHECK counts a pass or prints the failed
 * condition with the library's last error message; the test ends by printing
 * "<name>: N passed, N failed". */
#ifndef MXLITE_TESTS_C_CHECK_H_
#define MXLITE_TESTS_C_CHECK_H_

#include <stdio.h>

#include "mxlite/c_api.h"

static int passed = 0, failed = 0;
#define CHECK(cond)                                                      \
  do {                                                                   \
    if (cond) { ++passed; }                                              \
    else { ++failed; printf("FAIL %s:%d: %s (last error: %s)\n", __FILE__, __LINE__, #cond, mxl_last_error()); } \
  } while (0)
#define OK(call) CHECK((call) == MXL_OK)

#endif  /* MXLITE_TESTS_C_CHECK_H_ */
