#pragma once

#include "iosctl/dialog/dialogue.h"
#include "iosctl/driver/platform_profile.h"
#include "support/scripted_stream.h"

#include <string_view>
#include <utility>

namespace iosctl::dialog {

// The platform's profile without session preparation, for short transcripts.
inline PlatformProfile bare(std::string_view platform) {
  PlatformProfile profile = driver::platform_profile(platform);
  profile.prepare.clear();
  return profile;
}

// A stream of `fixture` and an opened IOS dialogue over it.
struct ScriptedSession {
  explicit ScriptedSession(std::string_view fixture, Options options = {})
      : stream(test::ScriptedStream::from_fixture(fixture)),
        dialogue(stream, bare("cisco_ios"), std::move(options)) {
    dialogue.open();
  }
  test::ScriptedStream stream;
  Dialogue dialogue;
};

}  // namespace iosctl::dialog
