// The config scanner, parser, normaliser and renderers over any bytes.

#include "fuzz/targets.h"
#include "iosctl/config/normalize.h"
#include "iosctl/config/parse.h"
#include "iosctl/config/render.h"
#include "iosctl/config/scan.h"
#include "iosctl/config/unified_format.h"

namespace iosctl::fuzz {

void config_parse(std::string_view input) {
  config::ConfigScanner scanner(input);
  for (config::ScannedLine line; scanner.next(line);) {
  }
  const config::Config parsed = config::parse_config(input);
  const config::Config normal = config::normalize(parsed);
  const std::string rendered = config::render(normal);
  // What render() wrote must parse again: iosctl re-reads its own output.
  (void)config::render_canonical(config::parse_config(rendered));
  (void)config::canonical_lines(input);
}

}  // namespace iosctl::fuzz
