// The one YAML reader (util/), with its limits, over any bytes.

#include "iosctl/util/yaml_reader.h"

#include "fuzz/targets.h"

namespace iosctl::fuzz {

void yaml_reader(std::string_view input) {
  try {
    (void)util::parse_yaml(input, "fuzz.yaml");
  } catch (const util::YamlError&) {
    // A refusal is the reader's answer to a bad file.
  }
}

}  // namespace iosctl::fuzz
