#include "iosctl/sim/show_version.h"

#include <cstdint>
#include <string>

namespace iosctl::sim {
namespace {

// The IOS-XE 16.12.3 CSR1000v the spec's captures come from
// (IOS_BEHAVIOR.md 3.3); the legal paragraphs of the real output are left out.
constexpr std::string_view kXeHead =
    "Cisco IOS XE Software, Version 16.12.03\n"
    "Cisco IOS Software [Gibraltar], Virtual XE Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), "
    "Version 16.12.3, RELEASE SOFTWARE (fc5)\n"
    "Technical Support: http://www.cisco.com/techsupport\n"
    "Copyright (c) 1986-2020 by Cisco Systems, Inc.\n"
    "Compiled Mon 09-Mar-20 21:50 by mcpre\n\n\n"
    "ROM: IOS-XE ROMMON\n\n";

constexpr std::string_view kXeTail =
    "cisco CSR1000V (VXE) processor (revision VXE) with 2160071K/6147K bytes of memory.\n";

constexpr std::string_view kIosHead =
    "Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.7(3)M5, RELEASE "
    "SOFTWARE (fc1)\n"
    "Technical Support: http://www.cisco.com/techsupport\n"
    "Copyright (c) 1986-2019 by Cisco Systems, Inc.\n"
    "Compiled Thu 31-Jan-19 02:51 by prod_rel_team\n\n\n"
    "ROM: System Bootstrap, Version 15.0(1r)M16, RELEASE SOFTWARE (fc1)\n\n";

constexpr std::string_view kIosTail =
    "Cisco CISCO2901/K9 (revision 1.0) with 483328K/40960K bytes of memory.\n";

std::string plural(std::int64_t n, std::string_view unit) {
  return std::to_string(n) + " " + std::string(unit) + (n == 1 ? "" : "s");
}

// A serial number of the device's own: the same name always gets the same one.
std::string board_id(std::string_view name, char first) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  constexpr std::string_view kChars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  std::string id(1, first);
  for (int i = 0; i < 10; ++i, h /= kChars.size()) id += kChars[h % kChars.size()];
  return id;
}

std::string middle(const DeviceCore& device, std::string_view image) {
  const auto up = std::chrono::duration_cast<std::chrono::seconds>(device.now() - device.booted);
  std::string out = device.hostname() + " uptime is " + uptime_words(up) + "\n";
  if (device.setup.platform == Platform::iosxe) {
    out += "Uptime for this control processor is " + uptime_words(up) + "\n";
  }
  out += "System returned to ROM by reload\n";
  out += "System image file is \"" + device.flash.primary() + ":" + std::string(image) + "\"\n";
  out += "Last reload reason: reload\n\n\n\n";
  return out;
}

}  // namespace

std::string uptime_words(std::chrono::seconds uptime) {
  std::int64_t minutes = uptime.count() / 60;
  const std::int64_t years = minutes / (365 * 24 * 60);
  minutes %= 365 * 24 * 60;
  const std::int64_t weeks = minutes / (7 * 24 * 60);
  minutes %= 7 * 24 * 60;
  const std::int64_t days = minutes / (24 * 60);
  minutes %= 24 * 60;
  const std::int64_t hours = minutes / 60;
  minutes %= 60;
  std::string out;
  auto add = [&out](std::int64_t n, std::string_view unit) {
    if (n == 0) return;
    out += (out.empty() ? "" : ", ") + plural(n, unit);
  };
  add(years, "year");
  add(weeks, "week");
  add(days, "day");
  add(hours, "hour");
  if (minutes > 0 || out.empty()) out += (out.empty() ? "" : ", ") + plural(minutes, "minute");
  return out;
}

std::string show_version_text(const DeviceCore& device) {
  const std::string fs = device.flash.primary() + ":";
  if (device.setup.platform == Platform::iosxe) {
    return std::string(kXeHead) + middle(device, "packages.conf") +
           "License Level: ax\nLicense Type: Default. No valid license found.\n"
           "Next reload license Level: ax\n\n" +
           std::string(kXeTail) + "Processor board ID " + board_id(device.setup.name, '9') +
           "\n3 Gigabit Ethernet interfaces\n32768K bytes of non-volatile configuration memory.\n"
           "3988440K bytes of physical memory.\n" +
           std::to_string(device.flash.capacity() / 1024) + "K bytes of virtual hard disk at " +
           fs + ".\n\nConfiguration register is 0x2102\n\n";
  }
  return std::string(kIosHead) + middle(device, "c2900-universalk9-mz.SPA.157-3.M5.bin") +
         std::string(kIosTail) + "Processor board ID " + board_id(device.setup.name, 'F') +
         "\n3 Gigabit Ethernet interfaces\nDRAM configuration is 64 bits wide with parity "
         "disabled.\n255K bytes of non-volatile configuration memory.\n" +
         std::to_string(device.flash.capacity() / 1024) +
         "K bytes of ATA System CompactFlash 0 (Read/Write)\n\nConfiguration register is "
         "0x2102\n\n";
}

}  // namespace iosctl::sim
