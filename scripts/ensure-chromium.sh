#!/usr/bin/env bash
# Make Debian's headless chromium available for the report browser test (test/report-browser.test.ts).
# Prints the executable path on stdout and exits 0, or explains on stderr why it could not and exits 1.
# Idempotent: does nothing when chromium is already installed. Only Debian's own package is used,
# never a browser download by an npm package.
set -uo pipefail

find_chromium() {
  for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}

if path=$(find_chromium); then echo "$path"; exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no chromium and no apt-get to install it" >&2
  exit 1
fi
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo_cmd=(sudo -n); else
    echo "ensure-chromium: chromium is missing and installing it needs root (apt-get install -y chromium)" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# Another apt run (a parallel job) may hold the lock: wait for it rather than fail.
for attempt in 1 2 3 4 5; do
  if "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=120 update -qq >&2 &&
    "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2; then
    break
  fi
  echo "ensure-chromium: apt-get failed (attempt $attempt), retrying" >&2
  sleep 5
done

if path=$(find_chromium); then echo "$path"; exit 0; fi
echo "ensure-chromium: apt-get could not install chromium" >&2
exit 1
