#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Fails when a C++ source does not follow the project's .clang-format (Debian 12's clang-format 14),
# naming each file and the first differences. installer/test.sh runs it before building.
#
#   installer/check-format.sh           check every tracked .cpp/.h
#   installer/check-format.sh --fix     reformat them in place
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v clang-format >/dev/null || { echo "check-format: clang-format is not installed (run installer/setup.sh)" >&2; exit 2; }
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files -- '*.cpp' '*.h')
else
    mapfile -t files < <(find app ui model tests -name '*.cpp' -o -name '*.h' | grep -v /node_modules/)
fi
if [[ "${1:-}" == --fix ]]; then
    clang-format -i "${files[@]}"
    exit 0
fi
# One clang-format for all files; it names each file that differs in its warnings.
mapfile -t bad < <(clang-format --dry-run -Werror "${files[@]}" 2>&1 |
    sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
if ((${#bad[@]})); then
    echo "check-format: ${#bad[@]} file(s) do not follow .clang-format (fix: installer/check-format.sh --fix):"
    for f in "${bad[@]}"; do
        echo "  $f"
        diff -u "$f" <(clang-format "$f") | sed -n '3,12p' | sed 's/^/      /'
    done
    exit 1
fi
echo "check-format: ${#files[@]} files follow .clang-format"
