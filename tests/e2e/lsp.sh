#!/usr/bin/env bash
# tests/e2e/lsp.sh RAMME — the language server driven over stdio as an
# editor drives it: tests/lsp/test_lsp.py, one test per capability.
# Prints "lsp: N passed, N failed".
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
python3 "$root/tests/lsp/test_lsp.py" "$1"
