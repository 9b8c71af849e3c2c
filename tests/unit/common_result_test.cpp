// The propagation macros: a failure returns its error at once (nothing after
// it runs), a success hands its value on.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/result.h"

namespace ws {
namespace {

Status fail_if(bool failing) {
  if (failing) return make_error(ErrorKind::not_found, "missing", "not there");
  return Status::Ok();
}

Result<std::unique_ptr<int>> number_or_error(bool failing) {
  if (failing) return make_error(ErrorKind::unavailable, "busy", "try later");
  return std::make_unique<int>(7);
}

Status steps(bool first_fails, int& reached) {
  WS_RETURN_IF_ERROR(fail_if(first_fails));
  reached = 1;
  return Status::Ok();
}

Result<int> doubled(bool failing, int& reached) {
  WS_ASSIGN_OR_RETURN(auto number, number_or_error(failing));
  reached = 1;
  return *number * 2;
}

TEST(ResultMacros, ReturnIfErrorStopsAtTheFirstFailure) {
  int reached = 0;
  Status failed = steps(true, reached);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, "missing");
  EXPECT_EQ(reached, 0);
  EXPECT_TRUE(steps(false, reached));
  EXPECT_EQ(reached, 1);
}

TEST(ResultMacros, AssignOrReturnMovesTheValueOrReturnsTheError) {
  int reached = 0;
  Result<int> failed = doubled(true, reached);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(reached, 0);
  Result<int> ok = doubled(false, reached);
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, 14);
  EXPECT_EQ(reached, 1);
}

}  // namespace
}  // namespace ws
