#!/usr/bin/env bash
# Time every benchmark program here on the real BEAM with one scheduler:
#
#   elixir --erl "+S 1 +P 2000000" PROGRAM.exs
#
# Each program runs RUNS times (default 3); the table gives the fastest and the
# median wall-clock time and the largest maximum resident set size of the OS
# process (from /usr/bin/time -v when it is installed; without it, wall time
# only). Wall time includes starting the VM and compiling the script, so a
# baseline row times a script that only prints. Each run's output is checked
# against PROGRAM.out. Prints a Markdown table on stdout.
set -u
cd "$(dirname "$0")"

runs=${RUNS:-3}
flags="+S 1 +P 2000000"
programs=(fib enum_reduce map_build ring ping_pong call_roundtrip casts million_senders)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo 'IO.puts(:ok)' > "$work/baseline.exs"

have_time_v=no
if [ -x /usr/bin/time ] && /usr/bin/time -v true > /dev/null 2>&1; then
  have_time_v=yes
fi

# Runs one program once; prints "SECONDS KILOBYTES" (KILOBYTES is "-" without /usr/bin/time).
measure() {
  local script=$1 expected=$2
  local start end secs kb
  start=$(date +%s.%N)
  if [ "$have_time_v" = yes ]; then
    /usr/bin/time -v -o "$work/time" elixir --erl "$flags" "$script" > "$work/out" 2> "$work/err"
  else
    elixir --erl "$flags" "$script" > "$work/out" 2> "$work/err"
  fi
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  if [ -n "$expected" ] && ! cmp -s "$work/out" "$expected"; then
    echo "!! $script printed something else than $expected:" >&2
    cat "$work/out" "$work/err" >&2
    exit 1
  fi
  kb=-
  if [ "$have_time_v" = yes ]; then
    kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$work/time")
  fi
  echo "$secs $kb"
}

echo "| program | result | fastest (s) | median (s) | max RSS (MB) |"
echo "|---|---|---:|---:|---:|"
for name in baseline "${programs[@]}"; do
  if [ "$name" = baseline ]; then
    script="$work/baseline.exs"; expected=""; result="(prints :ok)"
  else
    script="$name.exs"; expected="$name.out"; result=$(tr '\n' ' ' < "$name.out" | sed 's/ $//')
  fi
  : > "$work/samples"
  for _ in $(seq 1 "$runs"); do
    measure "$script" "$expected" >> "$work/samples" || exit 1
  done
  fastest=$(sort -n "$work/samples" | head -1 | cut -d' ' -f1)
  median=$(sort -n "$work/samples" | sed -n "$(( (runs + 1) / 2 ))p" | cut -d' ' -f1)
  if [ "$have_time_v" = yes ]; then
    rss=$(cut -d' ' -f2 "$work/samples" | sort -n | tail -1)
    rss=$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')
  else
    rss="n/a"
  fi
  printf '| %s | %s | %.2f | %.2f | %s |\n' "$name" "$result" "$fastest" "$median" "$rss"
done
