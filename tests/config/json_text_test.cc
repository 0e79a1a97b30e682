#include "iosctl/config/json_text.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace iosctl::config {
namespace {

using nlohmann::json;

// Every byte 0x80..0xff on its own is not UTF-8: json_string must escape
// each of them as \udcXX and never throw.
TEST(JsonText, EveryLoneHighByteIsEscapedAsItsSurrogate) {
  for (int byte = 0x80; byte <= 0xff; ++byte) {
    const std::string s(1, static_cast<char>(byte));
    char expected[16];
    std::snprintf(expected, sizeof expected, "\"\\udc%02x\"", byte);
    EXPECT_EQ(json_string(s), expected) << byte;
  }
}

// A Latin-1 description (e9 is 'é' in Latin-1) keeps its ASCII and escapes the byte.
TEST(JsonText, Latin1DescriptionIsEscapedLosslessly) {
  EXPECT_EQ(json_string("description caf\xe9 r\xe9seau"),
            "\"description caf\\udce9 r\\udce9seau\"");
}

// Valid UTF-8 of every length passes through untouched.
TEST(JsonText, ValidUtf8PassesThrough) {
  const std::string text = "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x92 \xef\xbf\xbf";
  EXPECT_EQ(json_string(text), "\"" + text + "\"");
}

// Overlong forms, encoded surrogates, code points above U+10FFFF and
// truncated sequences are not UTF-8: every one of their bytes is escaped.
TEST(JsonText, InvalidSequencesAreEscapedBytePerByte) {
  EXPECT_EQ(json_string("\xc0\xaf"), "\"\\udcc0\\udcaf\"");
  EXPECT_EQ(json_string("\xe0\x80\xaf"), "\"\\udce0\\udc80\\udcaf\"");
  EXPECT_EQ(json_string("\xed\xa0\x80"), "\"\\udced\\udca0\\udc80\"");
  EXPECT_EQ(json_string("\xf4\x90\x80\x80"), "\"\\udcf4\\udc90\\udc80\\udc80\"");
  EXPECT_EQ(json_string("\xe2\x82"
                        "A"),
            "\"\\udce2\\udc82A\"");
  EXPECT_EQ(json_string("\xc3"), "\"\\udcc3\"");
}

// Quotes, backslashes and control bytes are escaped as nlohmann's dump() does.
TEST(JsonText, ControlBytesAndQuotesAreEscapedLikeDump) {
  const std::string text = std::string("a\"b\\c\b\f\n\r\t\x03\x1b\x7f", 13) + std::string(1, '\0');
  EXPECT_EQ(json_string(text), json(text).dump());
  EXPECT_EQ(json_string(text), "\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0003\\u001b\x7f\\u0000\"");
}

// On UTF-8 data, json_text writes exactly what dump() writes, in both layouts.
TEST(JsonText, SameLayoutAsDump) {
  const json doc = {{"host", "r1"},
                    {"exit_code", 0},
                    {"seconds", 1.25},
                    {"saved", true},
                    {"error", nullptr},
                    {"empty_list", json::array()},
                    {"empty_object", json::object()},
                    {"diff", {{"changes", {{{"sign", "+"}, {"line", "x"}}}}, {"n", {1, 2}}}}};
  EXPECT_EQ(json_text(doc), doc.dump(2));
  EXPECT_EQ(json_text(doc, 4), doc.dump(4));
  EXPECT_EQ(json_text(doc, -1), doc.dump());
}

// Keys that are not UTF-8 are escaped too, and the document stays one value.
TEST(JsonText, KeysAreEscaped) {
  const json doc = {{"caf\xe9", "ok"}};
  EXPECT_EQ(json_text(doc, -1), "{\"caf\\udce9\":\"ok\"}");
  EXPECT_TRUE(is_json_document(json_text(doc)));
}

// A host's document embedded as raw_json comes out as written, re-indented,
// with its escapes intact.
TEST(JsonText, RawJsonIsEmbeddedAsWritten) {
  const std::string host = json_text(json{{"line", "caf\xe9"}, {"n", {1}}}) + "\n";
  const json run = {{"hosts", json::array({{{"host", "r1"}, {"result", raw_json(host)}}})}};
  EXPECT_EQ(json_text(run),
            "{\n"
            "  \"hosts\": [\n"
            "    {\n"
            "      \"host\": \"r1\",\n"
            "      \"result\": {\n"
            "        \"line\": \"caf\\udce9\",\n"
            "        \"n\": [\n"
            "          1\n"
            "        ]\n"
            "      }\n"
            "    }\n"
            "  ]\n"
            "}");
  EXPECT_TRUE(is_json_document(json_text(run)));
}

// is_json_document reads json_text's escapes, and refuses what is not one document.
TEST(JsonText, IsJsonDocument) {
  EXPECT_TRUE(is_json_document("{\"a\": \"\\udce9\\udcff\"}\n"));
  EXPECT_TRUE(is_json_document("[\"\\\\udc80\"]"));
  EXPECT_FALSE(is_json_document(""));
  EXPECT_FALSE(is_json_document("{\"a\": 1} {\"b\": 2}"));
  EXPECT_FALSE(is_json_document("{\"a\": 1"));
  EXPECT_FALSE(is_json_document("no changes\n"));
  EXPECT_FALSE(is_json_document("\"caf\xe9\""));  // a raw byte that is not UTF-8
}

}  // namespace
}  // namespace iosctl::config
