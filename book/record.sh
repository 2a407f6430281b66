#!/bin/sh
# Records what real Elixir prints for every live example of the book into
# book/expected/<chapter>/<n>.out (and <n>.status when the exit status is not 0);
# exercises also get <n>.start.out (starting code + checks) and
# <n>.solution.out (solution + checks). The native test `examples` compares
# callcast's output with these files. Run from anywhere: book/record.sh
set -eu
book="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo run -q -p callcast-book --bin book-examples -- "$book/chapters" "$work"
rm -rf "$book/expected"
for dir in "$work"/*/; do
    chapter="$(basename "$dir")"
    mkdir -p "$book/expected/$chapter"
    for program in "$dir"*.exs; do
        name="$(basename "$program" .exs)"
        status=0
        (cd "$dir" && elixir "$name.exs") >"$book/expected/$chapter/$name.out" 2>&1 || status=$?
        if [ "$status" -ne 0 ]; then
            echo "$status" >"$book/expected/$chapter/$name.status"
        fi
        echo "$chapter/$name: exit $status"
    done
done
