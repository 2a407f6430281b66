#!/bin/sh
# Re-records expected.txt from cases.txt with the real `elixir` on the PATH
# (Elixir 1.14 is the reference).
set -eu
cd "$(dirname "$0")"
elixir record.exs cases.txt expected.txt
