#include "iosctl/fleet/interrupt_watch.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <future>
#include <unistd.h>

namespace iosctl::fleet {
namespace {

TEST(InterruptWatch, SigintSetsStopInsteadOfKillingTheProcess) {
  // Ctrl-C during a fleet run is read as data: the run learns of it and goes on.
  std::promise<void> told;
  InterruptWatch watch([&told] { told.set_value(); });
  EXPECT_FALSE(watch.stop().load());
  ASSERT_EQ(kill(getpid(), SIGINT), 0);
  ASSERT_EQ(told.get_future().wait_for(std::chrono::seconds(10)), std::future_status::ready);
  EXPECT_TRUE(watch.stop().load());
}

}  // namespace
}  // namespace iosctl::fleet
