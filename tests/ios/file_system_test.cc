// Parsing `dir` and `verify /md5` output: the file system, free space, the
// digest, and IOS's missing-file error.

#include "iosctl/ios/file_system.h"

#include <gtest/gtest.h>

namespace iosctl::ios {
namespace {

constexpr std::string_view kDirXe =
    "Directory of bootflash:/\n"
    "\n"
    "   11  drwx            16384  Nov 25 2016 19:32:53 -07:00  lost+found\n"
    "   12  -rw-             2210  Dec 13 2016 11:36:36 -07:00  candidate_config.txt\n"
    "\n"
    "1940303872 bytes total (1036210176 bytes free)\n";

TEST(ParseDir, FindsFileSystemAndSizes) {
  // The IOS-XE listing names bootflash: and its total and free bytes.
  const auto listing = parse_dir(kDirXe);
  ASSERT_TRUE(listing);
  EXPECT_EQ(listing->file_system, "bootflash:");
  EXPECT_EQ(listing->total, 1940303872u);
  EXPECT_EQ(listing->free, 1036210176u);
}

TEST(ParseDir, ListsEntryNames) {
  // Every entry line gives its name, directories included; the header,
  // blank lines and the totals line give none.
  const auto listing = parse_dir(kDirXe);
  ASSERT_TRUE(listing);
  EXPECT_EQ(listing->files, (std::vector<std::string>{"lost+found", "candidate_config.txt"}));
}

TEST(ParseDir, ListsClassicIosEntriesWithCrLf) {
  // IOSv's 12-wide size column and CRLF line ends parse the same way.
  const auto listing = parse_dir(
      "Directory of flash0:/\r\n\r\n"
      "    1  drw-           0  Jan 30 2013 00:00:00 +00:00  boot\r\n"
      "    7  -rw-        2210  Jan 30 2013 00:00:00 +00:00  iosctl-run-0123456789ab.txt\r\n\r\n"
      "2142715904 bytes total (1234 bytes free)\r\n");
  ASSERT_TRUE(listing);
  EXPECT_EQ(listing->files, (std::vector<std::string>{"boot", "iosctl-run-0123456789ab.txt"}));
}

TEST(ParseDir, SingleFileListingWithCrLf) {
  // `dir flash:/file` names the file system before the file, CRLF or not.
  const auto listing = parse_dir(
      "Directory of flash:/candidate_config.txt\r\n\r\n"
      "    7  -rw-         2210  Jan 30 2013 00:00:00 +00:00  candidate_config.txt\r\n\r\n"
      "6286540800 bytes total (5485821952 bytes free)\r\n");
  ASSERT_TRUE(listing);
  EXPECT_EQ(listing->file_system, "flash:");
  EXPECT_EQ(listing->free, 5485821952u);
}

TEST(ParseDir, EmptyDirectoryStillHasTotals) {
  // `No files in directory` still ends with the totals line.
  const auto listing = parse_dir(
      "Directory of flash:/\n\nNo files in directory\n\n1000 bytes total (900 bytes free)\n");
  ASSERT_TRUE(listing);
  EXPECT_EQ(listing->total, 1000u);
  EXPECT_EQ(listing->free, 900u);
}

TEST(ParseDir, ErrorIsNotAListing) {
  // An error message has no Directory of line, so there is no listing.
  EXPECT_FALSE(parse_dir("%Error opening flash:/x (No such file or directory)\n"));
  EXPECT_FALSE(parse_dir("% Invalid input detected at '^' marker.\n"));
}

TEST(IsMissingFile, RecognisesErrorOpening) {
  // The missing-file error is recognised; a listing is not one.
  EXPECT_TRUE(is_missing_file(
      "%Error opening bootflash:/candidate_config.txt (No such file or directory)\r\n"));
  EXPECT_FALSE(is_missing_file(kDirXe));
}

TEST(ParseVerifyMd5, ReadsTheDigestAfterTheDots) {
  // The digest is taken from the `verify /md5 (PATH) = hex` line, lowercased.
  EXPECT_EQ(parse_verify_md5("..........Done!\n"
                             "verify /md5 (bootflash:/candidate_config.txt) = "
                             "688E630CFEB8A80FA553FB5464650E1D\n"),
            "688e630cfeb8a80fa553fb5464650e1d");
}

TEST(ParseVerifyMd5, NoDigestOnError) {
  // A missing file gives no digest.
  EXPECT_FALSE(parse_verify_md5("%Error opening flash:/x (No such file or directory)\n"));
}

}  // namespace
}  // namespace iosctl::ios
