#!/bin/sh
# Runs the build-concurrency test (two threads and two CLI processes building one folder) and the
# app's concurrent-sessions test N times (default 30); prints one line per round and the tally.
# Usage: sh benchmarks/concurrency_30.sh [N]
n=${1:-30}
pass=0
fail=0
i=1
while [ "$i" -le "$n" ]; do
    if .venv/bin/python -m pytest -q -p no:cacheprovider \
        "tests/pipeline/test_build_safety.py::test_threads_and_processes_building_one_folder_leave_one_valid_dataset" \
        "tests/app/test_app_rebuild.py::test_concurrent_sessions_share_one_rebuild_and_read_the_new_dataset" \
        >/tmp/concurrency_round.log 2>&1; then
        pass=$((pass + 1)); echo "round $i: pass"
    else
        fail=$((fail + 1)); echo "round $i: FAIL"; tail -20 /tmp/concurrency_round.log
    fi
    i=$((i + 1))
done
echo "concurrency: $pass of $n rounds passed, $fail failed"
