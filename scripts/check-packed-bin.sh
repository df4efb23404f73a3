#!/usr/bin/env bash
# The published CLI, not the checkout: pack every package as npm would publish it (built dist/, no src/ for
# the CLI), install the tarballs into an empty prefix, and run the `allhours` bin from there.
# Needs `pnpm build` first. Exit 0 when the packed bin answers --help, a JSON pipe and a bad-input exit 2.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for p in packages/*/; do
  (cd "$p" && npx --yes pnpm@10 pack --pack-destination "$work" >/dev/null)
done
mkdir "$work/prefix"
(cd "$work/prefix" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "$work"/*.tgz >/dev/null)
bin="$work/prefix/node_modules/.bin/allhours"
"$bin" --help | grep -q 'allhours: plan a 24/7 contact center'
out=$(echo '{"series":{"start":"2026-01-01T00:00:00Z","intervalMinutes":30,"values":[4]},"intervalMinutes":15}' | "$bin" resample)
echo "$out" | grep -q '"values"'
set +e
echo '{"intervalMinutes": 7}' | "$bin" staff 2>/dev/null
code=$?
set -e
[ "$code" -eq 2 ] || { echo "packed bin: bad input exited $code, expected 2" >&2; exit 1; }
echo "packed bin ok: $(ls "$work"/*.tgz | wc -l) tarballs installed, allhours runs from dist/"
