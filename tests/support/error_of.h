#pragma once

// Test support: the message of the iosctl::Error an action throws.

#include "iosctl/error.h"

#include <gtest/gtest.h>

#include <string>

namespace iosctl::test {

// Returns what() of the Error `action` throws, or "no error"; an Error of
// another kind than `expected` also fails the test.
template <typename Action>
std::string error_of(Action&& action, Failure expected = Failure::usage) {
  try {
    action();
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), expected) << e.what();
    return e.what();
  }
  return "no error";
}

}  // namespace iosctl::test
