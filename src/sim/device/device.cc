#include "iosctl/sim/device.h"

#include "iosctl/sim/archive.h"
#include "iosctl/sim/device_core.h"
#include "iosctl/sim/revert_timer.h"
#include "iosctl/sim/session.h"

#include <mutex>
#include <utility>

namespace iosctl::sim {

namespace {

// Puts `state`'s startup-config and flash back, with `running` as the running
// config; no revert timer survives it (restore and boot).
void put_back(DeviceCore& core, std::string_view running, const DeviceState& state) {
  core.load_running(running);
  core.startup = state.startup_config;
  core.flash.reset(state.files, core.now());
  rebuild_archive_log(core);
  core.revert_timer.reset();
}

}  // namespace

struct Device::Impl {
  std::shared_ptr<DeviceShared> shared;

  // Runs `change` on the locked core, then tells the on-change callback
  // (unlocked, so that it may read the device back).
  template <typename Change>
  auto changing(Change&& change) {
    std::function<void()> notify;
    auto result = [&] {
      const std::lock_guard lock(shared->mutex);
      auto r = change(shared->core);
      if (shared->core.dirty) notify = shared->on_change;
      shared->core.dirty = false;
      return r;
    }();
    if (notify) notify();
    return result;
  }
};

Device::Device(DeviceSetup setup) : impl_(std::make_unique<Impl>()) {
  impl_->shared = std::make_shared<DeviceShared>(std::move(setup));
}

Device::~Device() = default;

std::unique_ptr<CliSession> Device::open_cli(std::string_view username, int privilege) {
  return std::make_unique<Session>(impl_->shared, username, privilege);
}

std::string Device::hostname() const {
  const std::lock_guard lock(impl_->shared->mutex);
  return impl_->shared->core.hostname();
}

std::string Device::running_config() const {
  const std::lock_guard lock(impl_->shared->mutex);
  return impl_->shared->core.running_text();
}

std::string Device::startup_config() const {
  const std::lock_guard lock(impl_->shared->mutex);
  return impl_->shared->core.startup;
}

bool Device::scp_enabled() const {
  const std::lock_guard lock(impl_->shared->mutex);
  RunningConfig& running = *impl_->shared->core.running;
  return running.find(running.root(), "ip scp server enable") != nullptr;
}

std::optional<std::string> Device::read_file(std::string_view path) const {
  const std::lock_guard lock(impl_->shared->mutex);
  const DeviceCore& core = impl_->shared->core;
  const std::optional<FsPath> split = split_path(path);
  if (!split) return std::nullopt;
  // `scp r1:system:running-config .` reads the running config as a file.
  if (split->fs == "system" && split->name == "running-config") return core.config_file_text();
  if (split->fs == "nvram" && split->name == "startup-config") {
    if (core.startup.empty()) return std::nullopt;
    return core.startup;
  }
  if (!core.flash.owns(split->fs)) return std::nullopt;
  const FlashFile* file = core.flash.get(split->name);
  if (!file) return std::nullopt;
  return file->bytes;
}

std::optional<std::string> Device::write_file(std::string_view path, std::string bytes) {
  return impl_->changing([&](DeviceCore& core) -> std::optional<std::string> {
    const std::optional<FsPath> split = split_path(path);
    if (!split || !core.flash.owns(split->fs)) {
      return "%Error opening " + std::string(path) + " (No such device)";
    }
    if (split->name.empty()) return "%Error opening " + std::string(path) + " (Is a directory)";
    if (!core.flash.put(split->name, std::move(bytes), core.now())) {
      return "%Error writing " + std::string(path) + " (No space left on device)";
    }
    core.dirty = true;
    return std::nullopt;
  });
}

void Device::tick() {
  impl_->changing([](DeviceCore& core) {
    fire_due_timers(core);
    return true;
  });
}

DeviceState Device::state() const {
  const std::lock_guard lock(impl_->shared->mutex);
  const DeviceCore& core = impl_->shared->core;
  DeviceState state;
  state.running_config = core.running_text();
  state.startup_config = core.startup;
  for (const auto& [name, file] : core.flash.files()) state.files[name] = file.bytes;
  return state;
}

void Device::restore(const DeviceState& state) {
  impl_->changing([&](DeviceCore& core) {
    put_back(core, state.running_config, state);
    return true;
  });
}

bool Device::boot(const DeviceState& saved) {
  return impl_->changing([&](DeviceCore& core) {
    put_back(core, saved.startup_config, saved);
    core.config_lock.reset();
    core.booted = core.now();
    core.changed.reset();
    core.saved.reset();
    return core.running_text() != saved.running_config;
  });
}

void Device::set_on_change(std::function<void()> on_change) {
  const std::lock_guard lock(impl_->shared->mutex);
  impl_->shared->on_change = std::move(on_change);
}

}  // namespace iosctl::sim
