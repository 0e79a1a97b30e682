#pragma once

#include "iosctl/config/text.h"

#include <chrono>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

// Small string helpers of the device model (config/text.h has the trims).
namespace iosctl::sim {

// Returns the pieces of `text` between `sep` characters (empty pieces kept).
std::vector<std::string_view> split(std::string_view text, char sep);
// Words and numbers are read as config/ reads them.
using config::is_number;
using config::split_words;
// Returns `text` without leading and trailing spaces, TABs and CRs.
std::string_view trim_view(std::string_view text);
// Returns `text` in lower case (ASCII).
std::string lower(std::string_view text);
// True when `prefix` is a case-insensitive prefix of `word`.
bool iprefix(std::string_view prefix, std::string_view word);
// Returns how many leading characters `a` and `b` share, case-insensitively.
std::size_t common_prefix(std::string_view a, std::string_view b);
// Returns `t` broken down in UTC, the simulated devices' clock zone.
std::tm utc_time(std::chrono::system_clock::time_point t);
// Returns IOS's three-letter name of month `tm_mon` (0 = "Jan").
const char* month_abbreviation(int tm_mon);
// Returns `text` with every LF not preceded by CR turned into CRLF.
std::string to_crlf(std::string_view text);

}  // namespace iosctl::sim
