#!/bin/sh
# Runs one group of the real-fault tests (faults.py). Under valgrind
# (meson test --setup=valgrind) it skips itself: it runs sbp under strace
# or as another user, which valgrind cannot follow, and its point is the
# file on disk, not memory.
case "${LD_PRELOAD-}" in
*vgpreload*) echo "skipped under valgrind"; exit 77 ;;
esac
exec python3 "$(dirname "$0")/faults.py" "$@"
