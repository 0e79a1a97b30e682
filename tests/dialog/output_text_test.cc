#include "iosctl/dialog/output_text.h"

#include <gtest/gtest.h>

#include <string>

namespace iosctl::dialog {
namespace {

TEST(DialogOutputText, LineEndsBecomeLf) {
  // CRLF, CR CR LF and LF CR all become one LF; a lone CR becomes LF.
  EXPECT_EQ(normalize_newlines("a\r\nb\r\r\nc\n\rd\re\n"), "a\nb\nc\nd\ne\n");
  EXPECT_EQ(normalize_newlines("\r\n\r\nr1#"), "\n\nr1#");
  EXPECT_EQ(normalize_newlines("no line ends"), "no line ends");
}

TEST(DialogOutputText, VisibleLineAppliesCarriageReturnAndBackspace) {
  // The prompt is what a terminal would show, without trailing spaces.
  EXPECT_EQ(visible_line("n9k-1# "), "n9k-1#");
  EXPECT_EQ(visible_line("Password: "), "Password:");
  EXPECT_EQ(visible_line("garbage\rr1#"), "r1#");
  EXPECT_EQ(
      visible_line(std::string(10, '\b') + std::string(10, ' ') + std::string(10, '\b') + "r1#"),
      "r1#");
  EXPECT_EQ(visible_line("r1#\x1b"), "r1#");
  EXPECT_EQ(visible_line("\x1b[K\x1b[1;32mn9k-1\x1b[0m# "), "n9k-1#");
}

TEST(DialogOutputText, EraseSequenceLengths) {
  // IOS erases ` --More-- ` with backspaces, spaces, backspaces; others with CR, spaces, CR.
  EXPECT_EQ(erase_sequence_length("\b\b\b   \b\b\bnext"), 9u);
  EXPECT_EQ(erase_sequence_length("\r          \rnext"), 12u);
  EXPECT_EQ(erase_sequence_length(" ip address"), 0u);
  EXPECT_EQ(erase_sequence_length("\r\nnext"), 0u);
}

TEST(DialogOutputText, CleanOutputRemovesThePagerErasureOnlyWhereThePagerWas) {
  // Indentation after the pager survives; the erase sequence does not.
  const std::string erase = std::string(9, '\b') + std::string(9, ' ') + std::string(9, '\b');
  const std::string raw = "interface Gi1\r\n" + erase + " ip address 192.0.2.1 255.255.255.0\r\n";
  EXPECT_EQ(clean_output(raw, {15}), "interface Gi1\n ip address 192.0.2.1 255.255.255.0\n");
  EXPECT_EQ(clean_output("a\b\r\n   b\r\n", {}), "a\n   b\n");
}

TEST(DialogOutputText, QuoteKeepsTheEnd) {
  // Long lines are cut from the front, keeping the question at their end.
  EXPECT_EQ(quote_for_message("Overwrite? [y/n] "), "Overwrite? [y/n]");
  EXPECT_EQ(quote_for_message(std::string(100, 'x') + "END", 10), "...xxxxxxxEND");
}

}  // namespace
}  // namespace iosctl::dialog
