#include "iosctl/cli/tty_secret.h"

#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace iosctl::cli {

std::optional<std::string> read_secret_from_tty(std::string_view prompt) {
  if (isatty(STDIN_FILENO) != 1) return std::nullopt;
  termios saved{};
  if (tcgetattr(STDIN_FILENO, &saved) != 0) return std::nullopt;
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  quiet.c_lflag |= ECHONL;  // the user still sees the line end
  std::cerr << prompt << std::flush;
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  if (!got) return std::nullopt;
  return line;
}

}  // namespace iosctl::cli
