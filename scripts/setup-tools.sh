#!/bin/sh
# Installs the Python tools the tests use into .tools/venv (made by scripts/setup-temporal.sh):
# Schemathesis, the OpenAPI fuzzer of test/contract, pinned in test/contract/requirements.txt.
# Safe to run again.
set -eu
cd "$(dirname "$0")/.."
[ -x .tools/venv/bin/pip ] || python3 -m venv .tools/venv
.tools/venv/bin/pip install --quiet --disable-pip-version-check -r test/contract/requirements.txt
echo "Schemathesis:         $(.tools/venv/bin/st --version)"
