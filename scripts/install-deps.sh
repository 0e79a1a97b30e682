#!/usr/bin/env bash
# Installs the Debian 12 packages iosctl needs to build, test and benchmark,
# and only those that are missing. Needs root (or sudo) when something is.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config        # toolchain
  libssh-dev libcli11-dev libyaml-cpp-dev libdtl-dev nlohmann-json3-dev libssl-dev
  googletest libgtest-dev                 # test framework
  openssh-client diffutils clang-format   # scp/ssh for conformance tests, diff for bench, format check
  python3 python3-netmiko                 # the Netmiko conformance test against iosim
  clang-14 libclang-rt-14-dev             # libFuzzer and its sanitizers (scripts/fuzz.sh)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "iosctl: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "iosctl: error: run as root to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
