#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

// The one writer of iosctl's JSON text. nlohmann's dump() throws on strings
// that are not UTF-8 (type_error.316), and device text need not be UTF-8 (a
// Latin-1 description or banner), so every --json document goes through here.
namespace iosctl::config {

// Returns `bytes` as a JSON string literal, quotes included. Valid UTF-8
// passes through; each byte that is not part of a valid UTF-8 sequence is
// written as the escape \udcXX (U+DC80 + the byte, Python's
// "surrogateescape"), so the bytes can be recovered exactly. Never throws.
std::string json_string(std::string_view bytes);

// Returns `value` as JSON text in dump(`indent`)'s layout (`indent` < 0:
// compact), strings written by json_string and raw_json values as their
// text. Never throws.
std::string json_text(const nlohmann::json& value, int indent = 2);

// Returns a value that json_text writes as `document` itself (re-indented):
// how a document already written by json_text is embedded in another one.
// `document` must be one JSON document (see is_json_document).
nlohmann::json raw_json(std::string_view document);

// Whether `text` is exactly one JSON document, reading \udcXX escapes (which
// nlohmann's parser refuses as lone surrogates) as json_text writes them.
bool is_json_document(std::string_view text);

}  // namespace iosctl::config
