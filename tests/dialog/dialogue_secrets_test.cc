#include "dialog/dialogue_harness.h"
#include "iosctl/dialog/dialogue.h"
#include "iosctl/error.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace iosctl::dialog {
namespace {

TEST(DialogSecrets, TimeoutQuotesTheLastLineMaskedAndTheLogHoldsNoSecret) {
  // The device's last line before the deadline and every logged line are masked.
  std::string log;
  Options options;
  options.timeout = std::chrono::seconds(5);
  options.log = [&log](LogDirection, std::string_view bytes) { log += bytes; };
  {
    ScriptedSession s("ios_timeout_on_secret_line.txt", options);
    try {
      s.dialogue.send_command("show running-config");
      FAIL() << "expected a timeout";
    } catch (const Error& e) {
      EXPECT_EQ(e.failure(), Failure::unreachable);
      EXPECT_STREQ(e.what(),
                   "timed out after 5s waiting for the prompt after 'show running-config' (last "
                   "line \"snmp-server community <redacted> RO\"); if the device asks a question, "
                   "give an answer for it; otherwise raise the timeout");
    }
  }
  EXPECT_NE(log.find("Failed to apply command snmp-server community <redacted> RW"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("show running-config"), std::string::npos) << log;
  for (const char* secret : {"SECRET-91", "SECRET-92", "SECRET-93", "SECRET-94"}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << log;
  }
}

}  // namespace
}  // namespace iosctl::dialog
