#pragma once

#include "iosctl/sim/device_core.h"

#include <chrono>
#include <string>

namespace iosctl::sim {

// Returns `show version` for the device's platform: an IOS-XE 16.12.3
// CSR1000v or a classic IOS 15.7 ISR, with the lines clients parse (the
// `Cisco IOS Software` line, `<host> uptime is ...`, `Processor board ID`).
std::string show_version_text(const DeviceCore& device);

// Returns an uptime as IOS words it: `2 hours, 17 minutes`, `1 minute`.
std::string uptime_words(std::chrono::seconds uptime);

}  // namespace iosctl::sim
