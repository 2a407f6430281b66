#!/usr/bin/env bash
# Record what each benchmark program prints (its result, never a timing) as NAME.out,
# running it like time_beam.sh does, with real Elixir.
set -eu
cd "$(dirname "$0")"
for f in *.exs; do
  elixir --erl "+S 1 +P 2000000" "$f" > "${f%.exs}.out"
  echo "recorded ${f%.exs}: $(tr '\n' ' ' < "${f%.exs}.out")"
done
