#!/usr/bin/env bash
# Re-record the expected output of the programs in this directory with real Elixir.
#
#   ./record.sh               every NNN_*.exs here
#   ./record.sh 012_maps.exs  only the named programs
#
# Each program runs three times (from this directory, by its bare file name,
# so file names in messages read the same for every recorder). The normalized
# stdout+stderr of the runs and their exit statuses must agree; otherwise the
# program is not deterministic, nothing is written for it and the script
# exits non-zero at the end. Writes NAME.out and, when the status is not 0,
# NAME.status (removing a stale NAME.status otherwise).
set -u
cd "$(dirname "$0")"

if ! command -v elixir > /dev/null; then
  echo "record.sh: elixir is not on the PATH" >&2
  exit 2
fi

runs=3
failed=()
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "$#" -gt 0 ]; then
  programs=("$@")
else
  programs=([0-9][0-9][0-9]_*.exs)
fi

for program in "${programs[@]}"; do
  base=${program%.exs}
  for i in $(seq 1 "$runs"); do
    elixir "$base.exs" > "$work/raw" 2>&1
    echo $? > "$work/status.$i"
    python3 normalize.py < "$work/raw" > "$work/out.$i"
  done
  consistent=yes
  for i in $(seq 2 "$runs"); do
    if ! cmp -s "$work/out.1" "$work/out.$i" || ! cmp -s "$work/status.1" "$work/status.$i"; then
      consistent=no
      echo "!! $base: run $i differs from run 1" >&2
      diff "$work/out.1" "$work/out.$i" >&2
      diff "$work/status.1" "$work/status.$i" >&2
    fi
  done
  if [ "$consistent" = no ]; then
    failed+=("$base")
    continue
  fi
  cp "$work/out.1" "$base.out"
  status=$(cat "$work/status.1")
  rm -f "$base.status"
  if [ "$status" -ne 0 ]; then
    echo "$status" > "$base.status"
  fi
  if grep -q '^warning:' "$base.out"; then
    echo "note: $base prints a compiler warning" >&2
  fi
  echo "recorded $base (status $status)"
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "NOT DETERMINISTIC (nothing written): ${failed[*]}" >&2
  exit 1
fi
