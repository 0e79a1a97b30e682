#include "iosctl/sim/iosim_app.h"

#include "iosctl/error.h"
#include "iosctl/exit_status.h"
#include "iosctl/sim/lab.h"
#include "iosctl/sim/server.h"

#include <CLI/CLI.hpp>
#include <libssh/libssh.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iostream>
#include <signal.h>
#include <sstream>
#include <stdlib.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace iosctl::sim {
namespace {

// What the command line asked for.
struct Options {
  std::string lab;
  std::string listen;
  std::string config;
  std::vector<std::string> users;
  std::string enable_secret;
  std::string state_dir;
  std::string ready_file;
  std::string time_scale;  // empty: the lab's `time_scale`, else 1
};

// A folder removed on exit: host keys when there is no --state-dir.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "iosim-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw Error(Failure::usage,
                  "cannot create a temporary folder: set TMPDIR or use --state-dir");
    }
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// `USER:PASSWORD[:PRIVILEGE]`; a last field of 1-2 digits is the privilege.
LabUser parse_user(const std::string& spec) {
  const std::size_t colon = spec.find(':');
  LabUser user;
  user.username = spec.substr(0, colon);
  std::string rest = colon == std::string::npos ? "" : spec.substr(colon + 1);
  const std::size_t last = rest.rfind(':');
  if (last != std::string::npos) {
    const std::string tail = rest.substr(last + 1);
    int privilege = -1;
    const auto [end, ec] = std::from_chars(tail.data(), tail.data() + tail.size(), privilege);
    if (ec == std::errc() && end == tail.data() + tail.size() && tail.size() <= 2 &&
        privilege >= 0 && privilege <= 15) {
      user.privilege = privilege;
      rest.resize(last);
    }
  }
  user.password = rest;
  if (user.username.empty() || user.password.empty()) {
    throw Error(Failure::usage, "--user wants USER:PASSWORD[:PRIVILEGE], e.g. admin:secret:15");
  }
  return user;
}

// The lab `--listen/--config/--user` describe: one device.
Lab single_device_lab(const Options& options) {
  if (options.listen.empty() || options.config.empty() || options.users.empty()) {
    throw Error(Failure::usage,
                "give --lab LAB.yaml, or --listen, --config and --user for a single device");
  }
  LabDevice device;
  const std::optional<ListenAddress> listen = parse_listen(options.listen);
  if (!listen) {
    throw Error(Failure::usage, "--listen '" + options.listen +
                                    "' is not a loopback address:port (use 127.x.y.z:PORT, e.g. "
                                    "127.0.0.1:2222)");
  }
  device.listen = *listen;
  std::ifstream in(options.config, std::ios::binary);
  if (!in) throw Error(Failure::usage, "cannot read --config file '" + options.config + "'");
  std::ostringstream text;
  text << in.rdbuf();
  // The device is named after its config file, which also names its folder
  // under --state-dir.
  std::string name = std::filesystem::path(options.config).stem().string();
  std::replace_if(
      name.begin(), name.end(),
      [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_'; },
      '_');
  device.setup.name = name.empty() ? "device" : name;
  device.setup.running_config = text.str();
  device.setup.startup_config = text.str();
  device.setup.enable_secret = options.enable_secret;
  for (const std::string& spec : options.users) device.users.push_back(parse_user(spec));
  return Lab{{std::move(device)}};
}

void write_ready_file(const std::string& path) {
  const std::string partial = path + ".partial";
  std::ofstream(partial) << "ready\n";
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) throw Error(Failure::usage, "cannot write --ready-file '" + path + "': " + ec.message());
}

// SIGTERM and SIGINT become readable bytes on the returned fd, so the event
// loop stops between two polls rather than inside libssh.
int stop_signal_fd() {
  sigset_t stops;
  sigemptyset(&stops);
  sigaddset(&stops, SIGTERM);
  sigaddset(&stops, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stops, nullptr);
  // A client that vanishes mid-write must not kill the whole lab.
  signal(SIGPIPE, SIG_IGN);
  const int fd = signalfd(-1, &stops, SFD_CLOEXEC);
  if (fd < 0) throw Error(Failure::internal, "cannot watch for SIGTERM/SIGINT");
  return fd;
}

int serve(const Options& options, std::ostream& out, std::ostream& err) {
  const int stop_fd = stop_signal_fd();
  Lab lab = options.lab.empty() ? single_device_lab(options) : load_lab(options.lab);
  if (!options.time_scale.empty()) {
    const std::optional<double> scale = parse_time_scale(options.time_scale);
    if (!scale) {
      throw Error(Failure::usage,
                  "--time-scale '" + options.time_scale + "' " + std::string(kTimeScaleHint));
    }
    for (LabDevice& device : lab.devices) device.setup.time_scale = *scale;
  }
  std::optional<TempDir> temp;
  ServerOptions server_options;
  if (options.state_dir.empty()) {
    temp.emplace();
    server_options.host_key_dir = temp->path() / "host_keys";
  } else {
    server_options.state_dir = options.state_dir;
    server_options.host_key_dir = std::filesystem::path(options.state_dir) / "host_keys";
  }
  Server server(std::move(lab), server_options, err);
  server.listen();
  if (!options.ready_file.empty()) write_ready_file(options.ready_file);
  out << "ready\n" << std::flush;
  server.run(stop_fd);
  close(stop_fd);
  return kExitOk;
}

}  // namespace

int run_iosim(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app("iosim: an IOS / IOS-XE device simulator served over SSH and SCP", "iosim");
  Options options;
  CLI::Option* lab = app.add_option("--lab", options.lab, "Lab file (YAML) of the devices to serve")
                         ->type_name("LAB.yaml");
  CLI::Option* listen =
      app.add_option("--listen", options.listen, "One device: its loopback address and port")
          ->type_name("ADDRESS:PORT");
  CLI::Option* config = app.add_option("--config", options.config,
                                       "One device: its running and startup configuration")
                            ->type_name("FILE");
  CLI::Option* user = app.add_option("--user", options.users, "One device: a login (repeatable)")
                          ->type_name("USER:PASSWORD[:PRIVILEGE]")
                          ->allow_extra_args(false);
  CLI::Option* secret =
      app.add_option("--enable-secret", options.enable_secret, "One device: its enable secret")
          ->type_name("SECRET");
  app.add_option("--state-dir", options.state_dir,
                 "Keep host keys and device state here; a restart reloads each device")
      ->type_name("DIR");
  app.add_option("--ready-file", options.ready_file, "Also write `ready` here once serving")
      ->type_name("FILE");
  app.add_option("--time-scale", options.time_scale,
                 "Run revert timers this many times faster (overrides the lab's time_scale)")
      ->type_name("X");
  lab->excludes(listen)->excludes(config)->excludes(user)->excludes(secret);
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    err << "iosim: error: " << e.what() << " (see iosim --help)\n";
    return kExitError;
  }
  ssh_init();
  try {
    const int status = serve(options, out, err);
    ssh_finalize();
    return status;
  } catch (const Error& e) {
    err << "iosim: error: " << e.what() << "\n";
    ssh_finalize();
    return exit_code_for(e.failure());
  } catch (const std::exception& e) {
    err << "iosim: error: internal error: " << e.what() << "\n";
    ssh_finalize();
    return kExitError;
  }
}

}  // namespace iosctl::sim
