#include "iosctl/sim/server.h"

#include "connection.h"
#include "iosctl/error.h"
#include "iosctl/sim/command_tables.h"
#include "iosctl/sim/grammar.h"
#include "iosctl/sim/host_keys.h"
#include "iosctl/sim/state_store.h"
#include "listener.h"

#include <algorithm>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/signalfd.h>
#include <unistd.h>
#include <vector>

namespace iosctl::sim {
namespace {

// The event loop wakes at least this often even when nothing is due, so a
// missed wake-up can only ever cost this much.
constexpr int kMaxPollMs = 1000;
// Devices are ticked this often so that a revert timer fires on an idle
// device (nobody typing) within a tenth of a second of its time.
constexpr auto kTickPeriod = std::chrono::milliseconds(100);

}  // namespace

struct Server::Impl {
  // One device and everything that serves it. The store is declared before
  // the device so that it outlives the device's on_change callback.
  struct Hosted {
    Impl* server = nullptr;
    LabDevice lab;
    std::unique_ptr<StateStore> store;
    std::unique_ptr<Device> device;
    BindPtr bind{nullptr, &ssh_bind_free};
  };

  ServerOptions options;
  std::ostream& log;
  std::vector<std::unique_ptr<Hosted>> hosted;
  ssh_event event = nullptr;
  std::vector<std::unique_ptr<Connection>> connections;
  // Accepted inside a poll callback, started outside it (see accept_ready).
  std::vector<std::pair<Hosted*, ssh_session>> incoming;
  bool stopping = false;
  Clock::time_point next_tick{};

  Impl(ServerOptions server_options, std::ostream& log_stream)
      : options(std::move(server_options)), log(log_stream) {}
  void add_device(LabDevice lab);
  void start_incoming();
  void tick_devices(Clock::time_point now);
  int poll_timeout(Clock::time_point now) const;
  static int accept_ready(socket_t fd, int revents, void* userdata);
  static int stop_ready(socket_t fd, int revents, void* userdata);
};

void Server::Impl::add_device(LabDevice lab) {
  auto host = std::make_unique<Hosted>();
  host->server = this;
  // The lab's faults the model itself shows (iosim(1) FAULTS); the others
  // (pacing, SCP drops, auth) stay with the server.
  lab.setup.faults.reject_lines = lab.faults.reject_lines;
  lab.setup.faults.flash_full = lab.faults.flash_full;
  lab.setup.faults.drop_during_replace = lab.faults.drop_during_replace;
  host->device = std::make_unique<Device>(lab.setup);
  if (options.state_dir) {
    host->store = std::make_unique<StateStore>(*options.state_dir / "devices" / lab.setup.name);
    // A restart is a reload (iosim(1) RESTART): the device boots its saved
    // startup-config, so a change nobody saved, or one pending confirmation,
    // is gone, as it would be on a router that lost power.
    if (std::optional<DeviceState> saved = host->store->load()) {
      if (host->device->boot(*saved)) {
        log << "iosim: device '" << lab.setup.name
            << "': booted its startup-config; unsaved running-config changes are gone\n";
      }
    }
    if (std::optional<std::string> error = host->store->save(host->device->state())) {
      throw Error(Failure::usage, "device '" + lab.setup.name + "': " + *error);
    }
    Hosted* raw = host.get();
    // Saved on every change so that a kill -9 loses nothing already answered.
    host->device->set_on_change([raw] {
      if (std::optional<std::string> error = raw->store->save(raw->device->state())) {
        raw->server->log << "iosim: warning: device '" << raw->lab.setup.name
                         << "': state not saved: " << *error << "\n";
      }
    });
  }
  host->lab = std::move(lab);
  hosted.push_back(std::move(host));
}

Server::Server(Lab lab, ServerOptions options, std::ostream& log)
    : impl_(std::make_unique<Impl>(std::move(options), log)) {
  // Compiled once for the whole lab: the devices only read it.
  const auto grammar = std::make_shared<const Grammar>(command_grammar_text());
  for (LabDevice& device : lab.devices) {
    device.setup.grammar = grammar;
    impl_->add_device(std::move(device));
  }
}

Server::~Server() {
  impl_->connections.clear();
  for (auto& [host, session] : impl_->incoming) ssh_free(session);
  if (impl_->event != nullptr) ssh_event_free(impl_->event);
}

void Server::listen() {
  const HostKeys keys = load_host_keys(ensure_host_keys(impl_->options.host_key_dir));
  for (auto& host : impl_->hosted) host->bind = open_listener(host->lab, keys);
}

// Only accepts here: the key exchange starts outside the poll callback so
// that nothing libssh does for the new session runs nested in this poll.
int Server::Impl::accept_ready(socket_t, int, void* userdata) {
  Hosted& host = *static_cast<Hosted*>(userdata);
  ssh_session session = ssh_new();
  if (session == nullptr) return 0;
  if (ssh_bind_accept(host.bind.get(), session) != SSH_OK) {
    ssh_free(session);
    return 0;
  }
  // A CLI exchange is many small writes each way; with Nagle's algorithm on,
  // each reply waits for the client's delayed ACK (about 40 ms per command).
  const int on = 1;
  setsockopt(ssh_get_fd(session), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  host.server->incoming.emplace_back(&host, session);
  return 0;
}

int Server::Impl::stop_ready(socket_t fd, int, void* userdata) {
  signalfd_siginfo info{};
  [[maybe_unused]] const ssize_t n = read(fd, &info, sizeof info);
  static_cast<Server::Impl*>(userdata)->stopping = true;
  return 0;
}

void Server::Impl::start_incoming() {
  while (!incoming.empty()) {
    auto [host, session] = incoming.back();
    incoming.pop_back();
    auto connection = std::make_unique<Connection>(*host->device, host->lab, session);
    if (connection->start(event)) connections.push_back(std::move(connection));
  }
}

// Device::tick is cheap when nothing is due (a lock and a clock read) and
// calls on_change unlocked, so the state store saves a reverted config.
void Server::Impl::tick_devices(Clock::time_point now) {
  if (now < next_tick) return;
  next_tick = now + kTickPeriod;
  for (auto& host : hosted) host->device->tick();
}

int Server::Impl::poll_timeout(Clock::time_point now) const {
  Clock::time_point wakeup = std::min(now + std::chrono::milliseconds(kMaxPollMs), next_tick);
  for (const auto& connection : connections) {
    if (std::optional<Clock::time_point> next = connection->next_wakeup()) {
      wakeup = std::min(wakeup, *next);
    }
  }
  if (wakeup <= now) return 0;
  // Rounded up: waking a little early would only spin once more.
  const auto wait = std::chrono::ceil<std::chrono::milliseconds>(wakeup - now);
  return static_cast<int>(wait.count());
}

void Server::run(int stop_fd) {
  Impl& self = *impl_;
  self.event = ssh_event_new();
  if (self.event == nullptr) throw Error(Failure::internal, "libssh could not make an event loop");
  ssh_event_add_fd(self.event, stop_fd, POLLIN, &Impl::stop_ready, &self);
  for (auto& host : self.hosted) {
    ssh_event_add_fd(self.event, ssh_bind_get_fd(host->bind.get()), POLLIN, &Impl::accept_ready,
                     host.get());
  }
  while (!self.stopping) {
    ssh_event_dopoll(self.event, self.poll_timeout(Clock::now()));
    self.start_incoming();
    const Clock::time_point now = Clock::now();
    self.tick_devices(now);
    for (std::size_t i = 0; i < self.connections.size(); ++i) self.connections[i]->service(now);
    self.start_incoming();
    std::erase_if(self.connections, [now](const auto& c) { return c->finished(now); });
  }
  self.connections.clear();
  for (auto& host : self.hosted) ssh_event_remove_fd(self.event, ssh_bind_get_fd(host->bind.get()));
  ssh_event_remove_fd(self.event, stop_fd);
}

}  // namespace iosctl::sim
