#!/usr/bin/env bash
# The test command: installs what is missing, then runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-system-packages.sh
swift build --build-tests
swift test --skip-build
