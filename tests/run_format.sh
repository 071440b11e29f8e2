#!/usr/bin/env bash
# The format check: every C++ file of the project is as clang-format (.clang-format) writes it.
# Fails with the files that are not and the command that fixes them.
set -uo pipefail
src="$1"
cd "$src" || exit 2
command -v clang-format >/dev/null || { echo "clang-format ontbreekt (bash .ci/setup tests installeert het)"; exit 1; }
bad=()
while IFS= read -r f; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find . -name '*.[ch]pp' -not -path './build*')
if ((${#bad[@]})); then
    echo "niet opgemaakt volgens .clang-format (${#bad[@]}): ${bad[*]}"
    echo "herstel: clang-format -i ${bad[*]}"
    exit 1
fi
echo "alle C++-bestanden opgemaakt volgens .clang-format"
