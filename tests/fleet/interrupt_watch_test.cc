#include "iosctl/fleet/interrupt_watch.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <future>
#include <mutex>
#include <unistd.h>
#include <vector>

namespace iosctl::fleet {
namespace {

TEST(InterruptWatch, SigintIsReadAsDataInsteadOfKillingTheProcess) {
  // Ctrl-C is read as data: the run learns which signal came and goes on.
  std::promise<std::pair<int, int>> told;
  InterruptWatch watch([&told](int signal, int count) { told.set_value({signal, count}); });
  EXPECT_EQ(watch.signal().load(), 0);
  ASSERT_EQ(kill(getpid(), SIGINT), 0);
  std::future<std::pair<int, int>> seen = told.get_future();
  ASSERT_EQ(seen.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  EXPECT_EQ(seen.get(), std::make_pair(SIGINT, 1));
  EXPECT_EQ(watch.signal().load(), SIGINT);
}

TEST(InterruptWatch, EachSignalIsCountedAndTheFirstIsKept) {
  // SIGTERM then SIGINT: the watch keeps SIGTERM as the stop and counts both.
  std::mutex mutex;
  std::vector<std::pair<int, int>> calls;
  std::promise<void> second;
  InterruptWatch watch([&](int signal, int count) {
    const std::lock_guard lock(mutex);
    calls.emplace_back(signal, count);
    if (count == 1) kill(getpid(), SIGINT);  // sent only once the first was read
    if (count == 2) second.set_value();
  });
  ASSERT_EQ(kill(getpid(), SIGTERM), 0);
  ASSERT_EQ(second.get_future().wait_for(std::chrono::seconds(10)), std::future_status::ready);
  EXPECT_EQ(watch.signal().load(), SIGTERM);
  const std::lock_guard lock(mutex);
  EXPECT_EQ(calls, (std::vector<std::pair<int, int>>{{SIGTERM, 1}, {SIGINT, 2}}));
}

TEST(InterruptWatch, BlockedSignalsStayBlockedAfterTheWatchWhenTheyWereBefore) {
  // main() blocks first; a watch ending must not unblock (a late Ctrl-C would kill the exit).
  sigset_t before;
  sigemptyset(&before);
  sigaddset(&before, SIGINT);
  sigset_t saved;
  pthread_sigmask(SIG_BLOCK, &before, &saved);
  { const InterruptWatch watch; }
  sigset_t now;
  pthread_sigmask(SIG_SETMASK, nullptr, &now);
  EXPECT_EQ(sigismember(&now, SIGINT), 1);
  pthread_sigmask(SIG_SETMASK, &saved, nullptr);
}

}  // namespace
}  // namespace iosctl::fleet
