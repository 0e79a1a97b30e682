#include "iosctl/util/parse_bool.h"

#include <gtest/gtest.h>

namespace iosctl::util {
namespace {

TEST(ParseBool, YamlWordsInAnyCase) {
  // true/yes/on and false/no/off, however they are capitalised.
  for (const char* word : {"true", "True", "TRUE", "yes", "Yes", "on", "ON", "tRuE"}) {
    EXPECT_EQ(parse_bool(word), true) << word;
  }
  for (const char* word : {"false", "False", "FALSE", "no", "No", "off", "OFF"}) {
    EXPECT_EQ(parse_bool(word), false) << word;
  }
}

TEST(ParseBool, OtherTextIsNotABoolean) {
  // Numbers, one-letter words, padding and the empty text are refused.
  for (const char* word : {"1", "0", "y", "n", "", " true", "true ", "yess", "of", "t"}) {
    EXPECT_EQ(parse_bool(word), std::nullopt) << word;
  }
}

}  // namespace
}  // namespace iosctl::util
