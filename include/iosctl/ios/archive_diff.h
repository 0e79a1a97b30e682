#pragma once

#include <string>
#include <string_view>

namespace iosctl::ios {

// Returns the changes `show archive config differences` printed, without
// its header and "no changes" lines and without the lines NAPALM also drops
// (`ntp clock-period`, `file prompt quiet`); empty when there is no change.
// Line endings become LF and each kept line ends in one.
std::string normalize_archive_diff(std::string_view output);

}  // namespace iosctl::ios
