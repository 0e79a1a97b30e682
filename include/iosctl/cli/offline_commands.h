#pragma once

#include "iosctl/cli/cli.h"

#include <string>

// The commands that need no device: `check` and `diff`.
namespace iosctl::cli {

enum class ColorMode { auto_detect, always, never };
enum class DiffFormat { contextual, unified, json };

struct CheckOptions {
  std::string file;
  bool fix = false;       // write a repaired copy next to the file
  bool in_place = false;  // with fix: repair the file itself
  bool json = false;
};

struct DiffOptions {
  std::string running;
  std::string candidate;
  DiffFormat format = DiffFormat::contextual;
  ColorMode color = ColorMode::auto_detect;
  bool show_secrets = false;
};

// Returns 0 when the candidate has no error, 3 when it has one; throws Error
// when the file cannot be read or written.
int run_check(const CheckOptions& options, Env& env);

// Returns 0 when the configurations are equal, 2 when they differ; throws
// Error for unreadable (exit 1) or unusable (exit 3) input.
int run_diff(const DiffOptions& options, Env& env);

}  // namespace iosctl::cli
