#include "integration/support_iosctl.h"

#include <cstdlib>

namespace iosctl::test {

std::vector<std::string> login_args(std::uint16_t port, const std::filesystem::path& known_hosts,
                                    const std::string& policy) {
  setenv(kPasswordVar, "secret", 1);
  return {"-H",
          "127.0.0.1",
          "--port",
          std::to_string(port),
          "--username",
          "admin",
          "--password-env",
          kPasswordVar,
          "--known-hosts",
          known_hosts.string(),
          "--host-key-policy",
          policy};
}

RunResult run_iosctl_on(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {IOSCTL_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv, deadline_in(60));
}

std::string without_key_warning(const std::string& err) {
  if (!err.starts_with("iosctl: warning: added the host key of ")) return err;
  return err.substr(err.find('\n') + 1);
}

std::vector<std::string> joined(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace iosctl::test
