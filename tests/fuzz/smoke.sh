#!/bin/sh
# A short libFuzzer run (fuzz/run SECONDS) for the test suite; skipped
# (exit 77) under valgrind or where clang's libFuzzer is missing.
case "${LD_PRELOAD-}" in
*vgpreload*) echo "skipped under valgrind"; exit 77 ;;
esac
exec "$(dirname "$0")/../../fuzz/run" "${1:-20}"
