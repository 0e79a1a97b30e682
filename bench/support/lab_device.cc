#include "lab_device.h"

#include <sstream>
#include <stdexcept>

namespace iosctl::bench {

namespace fs = std::filesystem;

void write_lab(const fs::path& lab, const std::vector<LabDevice>& devices, const fs::path& config,
               const LabLogin& login) {
  std::ostringstream yaml;
  yaml << "devices:\n";
  for (const LabDevice& d : devices) {
    yaml << "  - name: " << d.name << "\n    listen: 127.0.0.1:" << d.port
         << "\n    running_config: " << fs::absolute(config).string()
         << "\n    latency_ms: " << d.latency_ms
         << "\n    users:\n      - {username: " << login.user << ", password: " << login.password
         << ", privilege: 15}\n";
  }
  write_file(lab, yaml.str());
}

std::vector<std::string> iosctl_args(const std::string& iosctl, const LabDevice& device,
                                     const LabLogin& login, const fs::path& dir,
                                     std::initializer_list<std::string> command) {
  std::vector<std::string> args = {iosctl, "-H", "127.0.0.1", "--port"};
  args.push_back(std::to_string(device.port));
  args.insert(args.end(), {"--username", login.user, "--password-env", login.password_variable});
  args.insert(args.end(), {"--known-hosts", (dir / "known_hosts").string()});
  args.insert(args.end(), {"--host-key-policy", "accept-new"});
  args.insert(args.end(), command);
  return args;
}

std::string last_line(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  const std::size_t start = text.rfind('\n');
  return start == std::string::npos ? text : text.substr(start + 1);
}

std::pair<fs::path, fs::path> write_candidates(const std::string& iosctl, const LabDevice& device,
                                               const LabLogin& login, const fs::path& dir,
                                               const std::string& changed_line) {
  const Finished got =
      run_process(iosctl_args(iosctl, device, login, dir, {"get-config", "--show-secrets"}), dir,
                  password_only_environment(dir, login.password_variable, login.password),
                  std::chrono::seconds(300));
  if (got.status != 0) {
    throw std::runtime_error("iosctl get-config on " + device.name + " exited " +
                             std::to_string(got.status) + ": " + last_line(got.err));
  }
  const std::size_t end = got.out.rfind("\nend");
  if (end == std::string::npos) {
    throw std::runtime_error("get-config on " + device.name + " printed no final `end` line");
  }
  if (got.out.find(changed_line) != std::string::npos) {
    throw std::runtime_error("the running config of " + device.name + " already has `" +
                             changed_line + "`: give --config a config without it");
  }
  std::string changed = got.out;
  changed.insert(end + 1, changed_line + "\n");
  const std::pair<fs::path, fs::path> paths = {dir / (device.name + "-without.cfg"),
                                               dir / (device.name + "-with.cfg")};
  write_file(paths.first, got.out);
  write_file(paths.second, changed);
  return paths;
}

}  // namespace iosctl::bench
