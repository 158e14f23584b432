#!/usr/bin/env bash
# The project's test command (README, .ci/run): installs dixit with its test extras and
# Debian's Chromium for the browser tests, checks the code with ruff, runs pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --upgrade pip
python3 -m pip install --quiet '.[test]'

# Browser tests drive Debian's Chromium (no browser download: the network is closed).
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "note: chromium not installed and not root: browser tests will be skipped" >&2
    fi
fi

python3 -m ruff check src tests benchmarks
python3 -m pytest -q "$@"
