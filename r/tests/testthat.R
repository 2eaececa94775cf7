library(testthat)
library(mxlite)
test_check("mxlite")
