#!/usr/bin/env bash
# Checks every testrepo on a scratch copy (nothing is built inside the checkout):
#   ./check.sh           the tests fail as shipped (the starting state of the task);
#   ./check.sh --solved  after `git apply solution.diff` (what replies 1..n end with) they pass.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
solved=false
[ "${1:-}" = "--solved" ] && solved=true
status=0
for project in "$here"/*/; do
  name="$(basename "$project")"
  [ -d "$project/repo" ] || continue
  scratch="$(mktemp -d)"
  cp -R "$project/repo/." "$scratch"
  if $solved && ! (cd "$scratch" && git apply "$project/solution.diff"); then
    echo "$name: solution.diff does not apply"; status=1; rm -rf "$scratch"; continue
  fi
  if [ -f "$scratch/pom.xml" ]; then cmd=(mvn -o -q test)
  elif [ -f "$scratch/package.json" ]; then cmd=(node --test)
  else cmd=(python3 -m unittest discover); fi
  if (cd "$scratch" && "${cmd[@]}") >"$scratch.log" 2>&1; then passed=true; else passed=false; fi
  if [ "$passed" = "$solved" ]; then
    echo "$name: tests $($passed && echo pass || echo fail), as expected (${cmd[*]})"
    rm -f "$scratch.log"
  else
    echo "$name: tests $($passed && echo pass || echo fail), NOT as expected; log: $scratch.log"
    status=1
  fi
  rm -rf "$scratch"
done
exit $status
