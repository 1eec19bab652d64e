#!/usr/bin/env bash
# Installs the system tools the test suite runs for real, where they are missing: Chromium
# (Lighthouse and the audit page), redis-server (the replica tests), Prometheus (the telemetry and
# cutover E2E tests), OpenSSL (the TLS check's certificates), git (repository fixtures) and
# util-linux (unshare/setpriv, the isolation of the PR's build). Debian/Ubuntu (apt-get); as root,
# or through sudo. Does nothing when everything is there. Usage: npm run test:setup
set -euo pipefail
declare -A package_of=(
  [chromium]=chromium
  [redis-server]=redis-server
  [prometheus]=prometheus
  [openssl]=openssl
  [git]=git
  [unshare]=util-linux
)
missing=()
for tool in "${!package_of[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${package_of[$tool]}")
done
# Ubuntu ships Chromium as a snap; Google Chrome (CHROME_PATH, as on GitHub's runners) serves too.
if [[ " ${missing[*]} " == *" chromium "* ]] && { [ -n "${CHROME_PATH:-}" ] || command -v google-chrome >/dev/null 2>&1; }; then
  missing=("${missing[@]/chromium}")
fi
packages=$(printf '%s\n' "${missing[@]}" | grep -v '^$' | sort -u | tr '\n' ' ' || true)
if [ -z "${packages// /}" ]; then
  echo "test setup: chromium, redis-server, prometheus, openssl, git and unshare are installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "test setup: missing ${packages}; install them with your package manager (the tests need them)" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
echo "test setup: installing ${packages}(apt-get)"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq $packages >/dev/null
