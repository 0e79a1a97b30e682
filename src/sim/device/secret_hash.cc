#include "iosctl/sim/secret_hash.h"

#include <openssl/evp.h>

#include <array>
#include <cstdint>
#include <string>

namespace iosctl::sim {
namespace {

// IOS writes type 8 and 9 hashes in base64 with this alphabet, no padding.
constexpr std::string_view kAlphabet =
    "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::size_t kSaltSize = 14;

std::string encode(const unsigned char* bytes, std::size_t size) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (std::size_t i = 0; i < size; ++i) {
    acc = (acc << 8) | bytes[i];
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(acc >> bits) & 0x3f];
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 0x3f];
  return out;
}

std::string scrypt_hash(std::string_view secret, std::string_view salt) {
  std::array<unsigned char, 32> key{};
  const int ok = EVP_PBE_scrypt(secret.data(), secret.size(),
                                reinterpret_cast<const unsigned char*>(salt.data()), salt.size(),
                                16384, 1, 1, 64ull << 20, key.data(), key.size());
  if (ok != 1) return "";
  return encode(key.data(), key.size());
}

std::string salt_for(std::string_view secret) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  const std::string input = "iosim-salt:" + std::string(secret);
  EVP_Digest(input.data(), input.size(), digest.data(), &size, EVP_sha256(), nullptr);
  return encode(digest.data(), size).substr(0, kSaltSize);
}

}  // namespace

std::string type9_hash(std::string_view secret) {
  const std::string salt = salt_for(secret);
  return "$9$" + salt + "$" + scrypt_hash(secret, salt);
}

bool secret_matches(std::string_view type, std::string_view stored, std::string_view typed) {
  if (type == "0") return stored == typed;
  if (type != "9" || !stored.starts_with("$9$")) return false;
  const std::size_t dollar = stored.find('$', 3);
  if (dollar == std::string_view::npos) return false;
  const std::string_view salt = stored.substr(3, dollar - 3);
  return scrypt_hash(typed, salt) == stored.substr(dollar + 1);
}

}  // namespace iosctl::sim
