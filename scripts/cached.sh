#!/usr/bin/env bash
# Runs a command that makes files only when its inputs changed since it last
# succeeded: the SHA-256 of the input files' contents and of the command itself
# is kept in a stamp file, written only after the command succeeds. File times
# say nothing in a fresh clone (every file is new), contents do.
# The command's main output is named too: a set whose output was deleted is made again.
# Usage: scripts/cached.sh <stamp file> <output file> <input files…> -- <command…>
set -euo pipefail
stamp=$1; output=$2; shift 2
inputs=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do inputs+=("$1"); shift; done
[ "${1:-}" = -- ] || { echo "usage: cached.sh <stamp> <output> <inputs…> -- <command…>" >&2; exit 2; }
shift
hash=$( { printf '%s\n' "$*"; for f in $(printf '%s\n' "${inputs[@]}" | sort); do printf '%s\n' "$f"; cat "$f"; done; } | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ -e "$output" ] && [ "$(cat "$stamp")" = "$hash" ]; then
  echo "[cached] $(dirname "$stamp"): inputs unchanged, kept"
  exit 0
fi
mkdir -p "$(dirname "$stamp")"
rm -f "$stamp"
start=$SECONDS
"$@"
echo "$hash" > "$stamp"
echo "[cached] $(dirname "$stamp"): made in $((SECONDS - start)) s"
