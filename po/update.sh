#!/usr/bin/env bash
# Refresh the catalogs after strings changed in the sources: list every
# source file that marks text (_(), N_(), P_()) in POTFILES, regenerate
# sbp.pot and merge it into each language's .po. Then translate what
# `msgattrib --untranslated --only-fuzzy po/zh_CN.po` still shows.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
grep -rlE '(^|[^A-Za-z0-9_])(_|N_|P_)\(' src --include='*.c' --include='*.h' | LC_ALL=C sort > po/POTFILES
ninja -C "$BUILD" sbp-pot sbp-update-po
